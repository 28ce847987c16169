package io.venuekit.server.asset;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Path;

/** The asset routes, for {@code HttpRoutes} to mount (and for tests to mount on their own router). */
public final class AssetRoutes {

    /** Room for the multipart envelope around a file of the largest accepted size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private AssetRoutes() {
    }

    /**
     * @param maxUploadBytes the largest image accepted, in bytes (25 MB by default)
     * @param uploadsDir     where multipart uploads are spooled (deleted when the request ends)
     */
    public static void mount(Router router, AssetHandler handler, long maxUploadBytes, Path uploadsDir) {
        UseCropHandler crops = new UseCropHandler(handler.service());
        BodyHandler uploads = BodyHandler.create(uploadsDir.toString())
                .setBodyLimit(maxUploadBytes + MULTIPART_OVERHEAD)
                .setDeleteUploadedFilesOnEnd(true);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(16 * 1024);

        router.post("/api/assets").handler(uploads).handler(handler::upload).failureHandler(handler::uploadFailed);
        router.get("/api/assets").handler(handler::list);
        router.get("/api/assets/:id").handler(handler::get);
        router.put("/api/assets/:id/focus").handler(json).handler(handler::focus);
        router.delete("/api/assets/:id/focus").handler(handler::clearFocus);
        router.get("/api/assets/:id/crops/:shape").handler(crops::crop);
        router.get("/api/assets/:id/uses").handler(handler::uses);
        router.post("/api/assets/:id/retry").handler(handler::retry);
        router.get("/assets/:id/:variant").handler(handler::variant);
        router.head("/assets/:id/:variant").handler(handler::variant);
    }

    /** Spools uploads under the system temporary directory. */
    public static void mount(Router router, AssetHandler handler, long maxUploadBytes) {
        mount(router, handler, maxUploadBytes, Path.of(System.getProperty("java.io.tmpdir"), "venuekit-uploads"));
    }
}
