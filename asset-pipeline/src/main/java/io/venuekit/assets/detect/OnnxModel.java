package io.venuekit.assets.detect;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ONNX model file loaded once into one shared {@link OrtSession}; ONNX Runtime allows
 * concurrent {@code run} calls on a session, so a single instance serves every thread.
 */
final class OnnxModel implements AutoCloseable {

    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    final Path file;
    final OrtSession session;
    /** Inputs and outputs of this model's runs, reused. */
    final NativeFloats buffers = new NativeFloats();

    private OnnxModel(Path file, OrtSession session) {
        this.file = file;
        this.session = session;
    }

    /** Loads {@code file}; a missing or unreadable model is a {@link ModelUnavailableException} saying which and why. */
    static OnnxModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelUnavailableException(
                    "model file " + file + " missing (run asset-pipeline/fetch-models.sh or set MODELS_DIR)");
        }
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // One intra-op thread per run: the server runs several jobs at once on few cores;
            // two threads per run measured slower here under that load.
            options.setIntraOpNumThreads(1);
            // The exports carry unused initializers; ORT warns about each on every load.
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OnnxModel(file, ENV.createSession(file.toString(), options));
        } catch (OrtException e) {
            throw new ModelUnavailableException("model file " + file + " failed to load: " + e.getMessage());
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
