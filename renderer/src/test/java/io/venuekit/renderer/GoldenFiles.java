package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected outputs kept as files under {@code src/test/resources/golden/}, compared in full.
 * After an intended change, regenerate them and review the diff before committing:
 * {@code mvn -B -o -q -pl renderer test -Dgolden.update=true}.
 */
final class GoldenFiles {

    static final Path ROOT = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {}

    static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), "no golden file " + file + "; run with -Dgolden.update=true and review it");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
