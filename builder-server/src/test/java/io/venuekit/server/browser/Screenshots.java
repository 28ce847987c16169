package io.venuekit.server.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.TestInfo;

/** Runs a browser test's body and, when it fails, keeps a screenshot of each browser under the build directory. */
final class Screenshots {

    interface Body {
        void run() throws Exception;
    }

    private Screenshots() {}

    static void onFailure(TestInfo info, Body body, Chromium... browsers) throws Exception {
        try {
            body.run();
        } catch (Throwable failure) {
            String name = info.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
                    + info.getTestMethod().map(m -> m.getName()).orElse("body");
            for (int i = 0; i < browsers.length; i++) {
                Path file = directory().resolve(name + (browsers.length > 1 ? "-" + (i + 1) : "") + ".png");
                browsers[i].screenshotTo(file);
                System.err.println("screenshot: " + file);
            }
            throw failure;
        }
    }

    /** {@code <build dir>/browser-screenshots}: beside test-classes, whatever the build directory is called. */
    static Path directory() {
        try {
            Path classes = Path.of(Screenshots.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return classes.getParent().resolve("browser-screenshots");
        } catch (Exception e) {
            return Path.of("target", "browser-screenshots");
        }
    }
}
