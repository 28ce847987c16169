package io.venuekit.server.asset;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The real file store with two switches for tests: hold jobs at reading the original, or make that read fail once. */
final class ControlledFiles implements AssetFiles {

    private final AssetFiles real;
    private volatile CountDownLatch gate;
    private volatile boolean failNextRead;
    private volatile boolean storageDownOnce;
    final CountDownLatch storageFailed = new CountDownLatch(1);

    ControlledFiles(AssetFiles real) {
        this.real = real;
    }

    /** Jobs wait at reading the original until {@link #open()}. */
    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    void failNextRead() {
        failNextRead = true;
    }

    /** The next read of an original fails as if the database were unreachable. */
    void storageDownOnce() {
        storageDownOnce = true;
    }

    @Override
    public Optional<byte[]> original(String assetId) {
        if (storageDownOnce) {
            storageDownOnce = false;
            storageFailed.countDown();
            throw new com.mongodb.MongoTimeoutException("test: the database did not answer");
        }
        if (failNextRead) {
            failNextRead = false;
            throw new IllegalStateException("test: the original could not be read");
        }
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return real.original(assetId);
    }

    @Override
    public void putOriginal(String assetId, byte[] bytes) {
        real.putOriginal(assetId, bytes);
    }

    @Override
    public void putVariants(String assetId, Map<String, byte[]> files) {
        real.putVariants(assetId, files);
    }

    @Override
    public Optional<byte[]> variant(String assetId, String name) {
        return real.variant(assetId, name);
    }

    @Override
    public void deleteVariant(String assetId, String name) {
        real.deleteVariant(assetId, name);
    }
}
