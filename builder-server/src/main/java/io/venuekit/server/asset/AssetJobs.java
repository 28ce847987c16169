package io.venuekit.server.asset;

import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.variant.VariantRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool asset jobs run on, off the event loop. A job needs a {@link Slot} (a worker
 * or a place in the queue) before anything is stored, so a full queue is answered with 429 and
 * leaves nothing behind. A full sweep on start, once more when the jobs a restart interrupted have
 * gone stale, and then every {@link JobSettings#fullSweepEvery()} takes up jobs left queued or half
 * done and deletes replaced variant files once they have aged. Its queries read every asset on a
 * database that lacks their indexes (the embedded one ignores them): 2.5 s or more each at 20,000
 * assets. So in between, every {@link JobSettings#sweepEvery()}, only the queued jobs are looked
 * for, and only when this instance left one behind.
 */
public final class AssetJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AssetJobs.class);

    private final AssetRepository repository;
    private final AssetFiles files;
    private final AssetJob job;
    private final JobSettings settings;
    private final Clock clock;
    private final Semaphore slots;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService sweeper;
    private final ExecutorService progressWrites;
    /** Ids waiting in this instance's queue (not yet started): submitting one again is a no-op. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    private final List<Consumer<String>> readyListeners = new CopyOnWriteArrayList<>();
    /** Set when this instance leaves a queued job for a sweep: no room for it, or the pool refused it. */
    private final AtomicBoolean leftQueued = new AtomicBoolean();
    /** Touched by the sweeper thread only. */
    private long nextFullSweepMs;
    /** Written by the sweeper thread only; read by tests waiting for sweeps. */
    private volatile int fullSweeps;

    private final java.util.concurrent.atomic.AtomicLong sweepTicks = new java.util.concurrent.atomic.AtomicLong();

    public AssetJobs(
            AssetRepository repository, AssetFiles files, AssetProcessor processor, JobSettings settings, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.progressWrites = Executors.newSingleThreadExecutor(daemon("asset-progress"));
        this.job = new AssetJob(
                repository,
                files,
                processor,
                settings.maxAttempts(),
                clock,
                this::ready,
                this::enqueueRefine,
                progressWrites);
        this.slots = new Semaphore(settings.workers() + settings.queueCapacity());
        // The slots bound the work; the executor's own queue is unbounded so that a job submitted while a
        // finished one's thread is still returning to the pool is never rejected.
        this.pool = new ThreadPoolExecutor(
                settings.workers(),
                settings.workers(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                BackgroundThreads.factory("asset-job"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("asset-sweep"));
    }

    /** Takes up what a restart left behind, now and then as the class comment says. */
    public AssetJobs start() {
        long every = settings.sweepEvery().toMillis();
        sweeper.scheduleWithFixedDelay(this::scheduledSweep, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void scheduledSweep() {
        sweepTicks.incrementAndGet();
        long now = clock.millis();
        if (now >= nextFullSweepMs) {
            if (sweep()) { // one that failed is tried again at the next tick
                // The second one comes when the jobs a restart interrupted have gone stale.
                Duration next = fullSweeps++ == 0
                        ? settings.staleAfter().plus(settings.sweepEvery())
                        : settings.fullSweepEvery();
                nextFullSweepMs = now + next.toMillis();
            }
        } else if (leftQueued.getAndSet(false)) {
            try {
                takeUpQueued();
            } catch (RuntimeException e) {
                leftQueued.set(true);
                LOG.warn("asset job sweep failed; the next one tries again: {}", e.toString());
            }
        }
    }

    /**
     * Calls {@code listener} with an asset's id each time its new variants are swapped in (on the job's
     * thread, after the write), e.g. to let cached layouts go stale.
     */
    public void addReadyListener(Consumer<String> listener) {
        readyListeners.add(listener);
    }

    private void ready(String id) {
        for (Consumer<String> listener : readyListeners) {
            try {
                listener.accept(id);
            } catch (RuntimeException e) {
                LOG.warn("asset {}: a ready listener failed: {}", id, e.toString());
            }
        }
    }

    /** A place for one job, or empty when the workers and the queue are all taken. */
    public Optional<Slot> reserve() {
        return slots.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    /** Queues a job if there is room; otherwise the next sweep takes it up (it is {@code queued} in the database). */
    public void enqueue(String id) {
        reserve().ifPresentOrElse(slot -> slot.submit(id), () -> leftQueued.set(true));
    }

    /**
     * Queues a refinement only while at least half the queue is free: it improves crops that are already
     * served, so uploads come first. Otherwise a sweep takes it up (it is {@code queued} in the database).
     */
    void enqueueRefine(String id) {
        if (slots.availablePermits() >= (settings.workers() + settings.queueCapacity()) / 2) {
            enqueue(id);
        } else {
            leftQueued.set(true);
        }
    }

    public int retryAfterSeconds() {
        return settings.retryAfterSeconds();
    }

    /** Runs a full sweep now: stale jobs, queued ones, aged variant files; false when it failed (and logged why). */
    public boolean sweep() {
        try {
            long now = clock.millis();
            long released = repository.releaseStale(
                    now - settings.staleAfter().toMillis(), clock.instant().toString());
            if (released > 0) {
                LOG.info("{} asset job(s) interrupted earlier are queued again", released);
            }
            takeUpQueued();
            deleteRetired(now - settings.retireAfter().toMillis());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("asset job sweep failed; the next one tries again: {}", e.toString());
            return false;
        }
    }

    /** Queues as many queued jobs as there is room for; when that may not be all of them, the next sweep looks again. */
    private void takeUpQueued() {
        int room = slots.availablePermits();
        List<AssetRepository.QueuedJob> queued = room > 0 ? repository.queued(room) : List.of();
        // Refinements improve crops already served: they take a slot only while half are free, so a
        // backlog of them never answers uploads with 429.
        queued.forEach(q -> {
            if (q.refine()) enqueueRefine(q.id());
            else enqueue(q.id());
        });
        if (room == 0 || queued.size() == room) {
            leftQueued.set(true);
        }
    }

    private void deleteRetired(long beforeMs) {
        for (StoredAsset asset : repository.withRetiredBefore(beforeMs, 100)) {
            Set<String> current = asset.manifest() == null
                    ? Set.of()
                    : asset.manifest().variants().stream().map(VariantRef::name).collect(Collectors.toSet());
            List<String> old = asset.retired().stream()
                    .filter(r -> r.atMs() < beforeMs)
                    .map(StoredAsset.Retired::name)
                    .distinct()
                    .toList();
            old.stream().filter(n -> !current.contains(n)).forEach(n -> files.deleteVariant(asset.id(), n));
            repository.forgetRetired(asset.id(), old);
        }
    }

    /**
     * Stops for a shutdown without losing a job: takes no more work, leaves the jobs not yet started to
     * the next start's sweep (they are {@code queued} in the database), and waits for the running ones
     * to finish, which also keeps the model sessions in use until they are done.
     *
     * @return true when every running job finished within {@code grace}
     */
    public boolean drain(Duration grace) {
        sweeper.shutdownNow();
        java.util.List<Runnable> notStarted = new java.util.ArrayList<>();
        pool.getQueue().drainTo(notStarted);
        pool.shutdown();
        if (!notStarted.isEmpty()) {
            LOG.info("shutdown: {} queued asset job(s) left to the next start", notStarted.size());
        }
        try {
            boolean done = pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                LOG.warn("shutdown: asset jobs still running after {}; they are taken up again once stale", grace);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            progressWrites.shutdown();
        }
    }

    private final java.util.concurrent.atomic.LongAdder jobsRun = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder jobNanos = new java.util.concurrent.atomic.LongAdder();

    /** Jobs run here so far, and their total time (for the metrics). */
    public long jobsRun() {
        return jobsRun.sum();
    }

    public long jobNanos() {
        return jobNanos.sum();
    }

    /** Scheduled sweeps started so far, full or not; for tests that wait for sweeps to have run. */
    long sweepTicks() {
        return sweepTicks.get();
    }

    /** Full sweeps that succeeded so far. */
    int fullSweeps() {
        return fullSweeps;
    }

    /** Jobs waiting in this instance's queue. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Jobs running now. */
    public int running() {
        return pool.getActiveCount();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pool.shutdownNow();
        progressWrites.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reserved place for one job: {@link #submit} hands it to the job, {@link #close} gives it back unused. */
    public final class Slot implements AutoCloseable {
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot() {}

        public void submit(String id) {
            if (!held.compareAndSet(true, false)) {
                throw new IllegalStateException("this slot was already used or released");
            }
            if (!waiting.add(id)) {
                slots.release();
                return;
            }
            try {
                pool.execute(() -> {
                    waiting.remove(id);
                    long start = System.nanoTime();
                    try {
                        job.run(id);
                    } finally {
                        slots.release();
                        jobsRun.increment();
                        jobNanos.add(System.nanoTime() - start);
                    }
                });
            } catch (RuntimeException e) {
                waiting.remove(id);
                slots.release();
                leftQueued.set(true);
                LOG.warn("asset {}: not queued here ({}); a later sweep takes it up", id, e.toString());
            }
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
