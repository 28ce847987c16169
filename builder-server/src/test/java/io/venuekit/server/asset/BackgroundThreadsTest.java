package io.venuekit.server.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Image work yields to serving: its threads run at the lowest kernel priority, the caller's do not change. */
class BackgroundThreadsTest {

    @Test
    void imageWorkThreadsRunAtNicenessNineteenAndOtherThreadsAreLeftAlone() throws Exception {
        OptionalInt mine = BackgroundThreads.niceness();
        assertTrue(mine.isPresent(), "this machine's /proc/thread-self/stat is readable (Linux)");
        ExecutorService pool = Executors.newSingleThreadExecutor(BackgroundThreads.factory("test-work"));
        try {
            CompletableFuture<OptionalInt> seen = CompletableFuture.supplyAsync(BackgroundThreads::niceness, pool);
            assertEquals(OptionalInt.of(BackgroundThreads.NICE), seen.get(30, TimeUnit.SECONDS));
            String name = CompletableFuture.supplyAsync(
                            () -> Thread.currentThread().getName(), pool)
                    .get(30, TimeUnit.SECONDS);
            assertEquals("test-work-1", name, "one thread, kept");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(mine, BackgroundThreads.niceness(), "the calling thread keeps its priority");
    }
}
