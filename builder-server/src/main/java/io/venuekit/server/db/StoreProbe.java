package io.venuekit.server.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether the embedded store's directory can take writes now: a reason when not, null when it can.
 * Asked at start and every second, so a read-only or full data directory is reported before a
 * write is lost, and its recovery noticed without a restart.
 */
@FunctionalInterface
public interface StoreProbe {

    /** What stops writing, for a person (the directory and what to do), or null when writes can go ahead. */
    String problem();

    /**
     * Writes, syncs and deletes a small file in {@code dir}, and wants {@code minFreeBytes} of usable space:
     * the store appends whole chunks, so a write near the end of the disk fails half-way otherwise.
     */
    static StoreProbe dataDir(Path dir, long minFreeBytes) {
        Path probe = dir.resolve(".venuekit-write-probe");
        ByteBuffer bytes = ByteBuffer.allocate(4096);
        return () -> {
            try (FileChannel ch = FileChannel.open(
                    probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(bytes.duplicate());
                ch.force(true);
            } catch (IOException | SecurityException e) {
                return "DATA_DIR " + dir.toAbsolutePath() + " is not writable (" + e
                        + "); make it writable by the server's user " + "or point DATA_DIR elsewhere";
            } finally {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // the next probe truncates it again
                }
            }
            try {
                long free = Files.getFileStore(dir).getUsableSpace();
                if (free < minFreeBytes) {
                    return "DATA_DIR " + dir.toAbsolutePath() + " has " + free / (1024 * 1024) + " MB free, under the "
                            + minFreeBytes / (1024 * 1024) + " MB kept in reserve (STORE_MIN_FREE_MB); free some space";
                }
            } catch (IOException e) {
                return "cannot read the free space of DATA_DIR " + dir.toAbsolutePath() + " (" + e + ")";
            }
            return null;
        };
    }
}
