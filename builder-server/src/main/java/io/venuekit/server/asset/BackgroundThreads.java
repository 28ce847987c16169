package io.venuekit.server.asset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for image work (decoding, models, resizing, encoding) that yield the CPU to the event loops
 * serving layouts. Java's thread priorities are ignored on Linux, so each thread sets its own kernel
 * niceness to {@link #NICE} when it starts ({@code renice} on its thread id, which Linux applies to that
 * thread alone): while the event loops want the cores, the scheduler gives a nice-19 thread about 1.5%
 * of one, and all that is left over when they are idle. No cgroups or privileges needed (raising
 * niceness is always allowed). Elsewhere, or without {@code renice}, the threads run at normal priority
 * and this says so once in the log.
 */
public final class BackgroundThreads {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundThreads.class);
    static final int NICE = 19;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private BackgroundThreads() {}

    /** Daemon threads named {@code prefix-n} that lower their own scheduling priority before their first task. */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(
                    () -> {
                        yieldToServing();
                        task.run();
                    },
                    prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
    }

    /** Lowers the calling thread's scheduling priority (niceness {@link #NICE}); true when it took effect. */
    public static boolean yieldToServing() {
        try {
            if (!Files.exists(THREAD_SELF)) {
                return unavailable("no /proc/thread-self (not Linux)");
            }
            // "/proc/thread-self" -> "<pid>/task/<tid>"
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroy();
                return unavailable("renice did not answer");
            }
            return renice.exitValue() == 0 || unavailable("renice exited " + renice.exitValue());
        } catch (IOException | UnsupportedOperationException e) {
            return unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's niceness, from {@code /proc/thread-self/stat} (for tests); empty where there is none. */
    static java.util.OptionalInt niceness() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            // fields after the command name, which is in parentheses and may hold spaces: nice is field 19
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.OptionalInt.of(Integer.parseInt(rest[16]));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
    }

    private static boolean unavailable(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("image work runs at normal priority ({}): uploads may slow down serving", why);
        }
        return false;
    }
}
