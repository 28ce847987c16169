package io.venuekit.assets.detect;

import java.nio.file.Path;

/** Where the build put the fetched models (surefire sets {@code venuekit.models}). */
final class Models {
    static final Path DIR = Path.of(System.getProperty("venuekit.models", "../models"));

    private Models() {}
}
