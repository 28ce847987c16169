package io.venuekit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.AssetProcessor;
import io.venuekit.assets.PipelineSettings;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.assets.decode.ImageLimits;
import io.venuekit.assets.detect.ImageAnalyzer;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.components.migration.PageSnapshot;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.components.validation.ValidationLimits;
import io.venuekit.device.TierResolver;
import io.venuekit.renderer.Layout;
import io.venuekit.renderer.LayoutRenderer;
import io.venuekit.renderer.LayoutSchema;
import io.venuekit.renderer.PageSize;
import io.venuekit.renderer.html.HtmlRenderer;
import io.venuekit.renderer.image.AssetCatalog;
import io.venuekit.server.asset.AssetFiles;
import io.venuekit.server.asset.AssetJobs;
import io.venuekit.server.asset.AssetRepository;
import io.venuekit.server.asset.AssetService;
import io.venuekit.server.asset.GridFsAssetFiles;
import io.venuekit.server.asset.JobSettings;
import io.venuekit.server.asset.MongoAssetRepository;
import io.venuekit.server.audit.AuditLog;
import io.venuekit.server.audit.MongoAuditLog;
import io.venuekit.server.auth.FailedSignIns;
import io.venuekit.server.auth.MongoSessionRepository;
import io.venuekit.server.auth.MongoUserRepository;
import io.venuekit.server.auth.SessionService;
import io.venuekit.server.auth.UserService;
import io.venuekit.server.commerce.Commerce;
import io.venuekit.server.db.Database;
import io.venuekit.server.events.EventService;
import io.venuekit.server.http.SecurityHeaders;
import io.venuekit.server.layout.CursorSnapshots;
import io.venuekit.server.layout.LayoutService;
import io.venuekit.server.layout.PublishedPages;
import io.venuekit.server.layout.RenderedCache;
import io.venuekit.server.layout.StoredAssetCatalog;
import io.venuekit.server.page.DocumentValidator;
import io.venuekit.server.page.MongoPageRepository;
import io.venuekit.server.page.PageRepository;
import io.venuekit.server.page.PageService;
import io.venuekit.server.page.SchemaDocumentValidator;
import io.venuekit.server.sample.SampleVenueSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object graph once: repositories over the database, services over them. */
final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    /** The JIT keeps speeding the pipeline up for several runs: warm up until a run gains little. */
    private static final int WARM_UP_MIN_RUNS = 4;

    private static final int WARM_UP_MAX_RUNS = 10;
    private static final double WARM_UP_SETTLED = 0.9;

    /** Enough for every tier × capability × bucket combination of a few hundred live venues. */
    private static final int RENDERED_CACHE_ENTRIES = 20_000;

    private static final String VENUE_TEMPLATE = "venuekit/templates/page.html";

    private final ServerConfig config;
    private final Database database;
    private final Clock clock;
    private final ComponentRegistry registry;
    private final PageRepository pageRepository;
    private final PageService pages;
    private final PublishedPages published;
    private final LayoutService layouts;
    private final AssetCatalog catalog;
    private final Function<Layout, byte[]> html;
    private final AssetJobs jobs;
    private final ExecutorService assetWork;
    private final AssetProcessor processor;
    private final AssetService assets;
    private final UserService users;
    private final SessionService sessions;
    /** Set by {@link #drain}: the warm-up stops after its current run. */
    private volatile boolean stopping;

    private volatile Thread warmUp;
    private final RenderedCache renderedCache;
    private final Commerce commerce;
    private final EventService events;

    Wiring(ServerConfig config, Database database, Clock clock, io.venuekit.server.ops.ModelTimes modelTimes) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.registry = ComponentRegistry.loadDefault();
        LinkPolicy linkPolicy =
                config.linkPolicy() == null ? LinkPolicy.bundled() : LinkPolicy.load(config.linkPolicy());
        this.pageRepository = new MongoPageRepository(database.db());
        AuditLog audit = new MongoAuditLog(database.db(), clock);
        // what this instance serves while the database is unreachable, also after a start without it
        io.venuekit.server.layout.LocalSnapshot local =
                io.venuekit.server.layout.LocalSnapshot.load(config.dataDir().resolve("published-pages.json"));
        this.published = new PublishedPages(pageRepository, local);
        // One upload's resizes and encodes spread over all cores but one, which stays with the event loops
        // serving layouts (issue 16: uploads during a load run moved its p99 from 9.7 to 20.7 ms), on threads
        // at the lowest kernel priority, so that serving comes first whenever it wants the cores.
        this.assetWork = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                io.venuekit.server.asset.BackgroundThreads.factory("asset-work"));
        // A salient-object model takes seconds per image: the first result uses the classical map, and a
        // refine job replans the crops with the model afterwards (AssetJob).
        ImageAnalyzer analyzer = ImageAnalyzer.fromModelsDir(config.modelsDir());
        this.processor = new AssetProcessor(
                modelTimes.timed(analyzer.withClassicalSubject()),
                analyzer.subjectModel().map(modelTimes::timed).orElse(null),
                new CropPlanner(),
                PipelineSettings.defaults()
                        .withShapes(cropShapes(registry))
                        .withLimits(new ImageLimits(config.maxUploadBytes(), ImageLimits.DEFAULT.maxPixels())),
                assetWork);
        AssetRepository assetRepository = new MongoAssetRepository(database.db());
        AssetFiles files = new GridFsAssetFiles(database.db());
        this.jobs = new AssetJobs(assetRepository, files, processor, JobSettings.forMachine(), clock);
        this.assets = new AssetService(assetRepository, files, jobs, processor, clock);
        this.catalog = new StoredAssetCatalog(assets, local, published::reachable);
        DocumentValidator validator = new SchemaDocumentValidator(
                new PageValidator(registry, ValidationLimits.DEFAULT, linkPolicy), assets::exists);
        this.pages = new PageService(pageRepository, audit, validator, this::pin, published, clock);
        this.users = config.authTokens() ? new UserService(new MongoUserRepository(database.db())) : null;
        this.sessions =
                config.authTokens() ? new SessionService(new MongoSessionRepository(database.db()), clock) : null;
        HtmlRenderer htmlRenderer = new HtmlRenderer(linkPolicy);
        this.html = htmlRenderer::renderBytes;
        this.renderedCache = new RenderedCache(RENDERED_CACHE_ENTRIES);
        this.layouts = new LayoutService(
                        new LayoutRenderer(registry, PageSize.DEFAULT, linkPolicy),
                        TierResolver.fromFiles(config.tierRules(), config.tierDevices()),
                        published,
                        catalog,
                        renderedCache,
                        assets::version,
                        htmlRenderer)
                .withCursorSnapshots(new CursorSnapshots(pageRepository, clock))
                .withPreviews(pages, this::pin, clock);
        // CATALOG_URL: products from a real catalogue service instead of the built-in collection (README)
        String catalogUrl = System.getenv("CATALOG_URL");
        this.commerce = new Commerce(
                database.db(),
                registry,
                published,
                layouts.renderer(),
                clock,
                catalogUrl == null || catalogUrl.isBlank() ? null : java.net.URI.create(catalogUrl));
        layouts.withLiveData(commerce.liveResolver());
        this.events = new EventService(database.db(), clock);
    }

    Services services() {
        return new Services(
                config,
                database,
                registry,
                pages,
                published,
                layouts,
                html,
                LayoutSchema.bytes(registry),
                clock,
                assets,
                users,
                sessions,
                new FailedSignIns(clock),
                SecurityHeaders.forVenueTemplate(resource(VENUE_TEMPLATE)),
                commerce,
                events);
    }

    void seedSample() {
        new SampleVenueSeeder(pageRepository, pages, bytes -> assets.ingestBytes(bytes, "venuekit-sample"), clock)
                .seedIfEmpty();
        commerce.seedIfEmpty();
    }

    /** With tokens on, makes sure someone can log in: the first operator's token goes to {@code DATA_DIR/admin-token}. */
    void ensureOperator() {
        if (users != null) {
            users.ensureOperator(config.dataDir().resolve("admin-token"));
        }
    }

    /** Starts the asset workers, which also take up jobs a restart interrupted. */
    void startJobs() {
        jobs.start();
    }

    /**
     * Runs the pipeline on a made-up photo until the JIT has settled (a run no more than 10% faster
     * than the one before, after at least four), on a background thread; stops when the server
     * closes. See {@link ServerConfig#warmUp()}.
     */
    void warmUpAssets() {
        Thread t = new Thread(
                () -> {
                    io.venuekit.server.asset.BackgroundThreads.yieldToServing();
                    long start = System.nanoTime();
                    List<Long> runs = new ArrayList<>();
                    try {
                        processor.warmUpRefiner();
                        while (runs.size() < WARM_UP_MAX_RUNS
                                && !stopping
                                && !assetWork.isShutdown()
                                && !settled(runs)) {
                            long runStart = System.nanoTime();
                            processor.warmUp();
                            runs.add((System.nanoTime() - runStart) / 1_000_000);
                        }
                        LOG.info(
                                "asset pipeline warmed up in {} ms (runs of {} ms)",
                                (System.nanoTime() - start) / 1_000_000,
                                runs);
                    } catch (RuntimeException e) {
                        if (!assetWork.isShutdown()) {
                            LOG.warn(
                                    "asset pipeline warm-up failed; the first uploads will warm it instead: {}",
                                    e.toString());
                        }
                    }
                },
                "asset-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        warmUp = t;
        t.start();
    }

    /**
     * For a shutdown: stops the warm-up and waits for its run to end, then lets running asset jobs finish
     * (queued ones are left to the next start), then the encoding pool. Only after this may the process
     * exit: ONNX Runtime's own exit hook releases its environment, and a thread still inside a model's
     * {@code run} would then crash the JVM.
     *
     * @return true when everything stopped within {@code grace}
     */
    boolean drain(java.time.Duration grace) {
        long end = System.nanoTime() + grace.toNanos();
        stopping = true;
        Thread t = warmUp;
        try {
            if (t != null) {
                t.join(Math.max(1, grace.toMillis()));
            }
            boolean jobsDone = jobs.drain(java.time.Duration.ofNanos(Math.max(0, end - System.nanoTime())));
            assetWork.shutdown();
            boolean workDone = assetWork.awaitTermination(
                    Math.max(0, end - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            return jobsDone && workDone && (t == null || !t.isAlive());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    RenderedCache renderedCache() {
        return renderedCache;
    }

    AssetJobs jobs() {
        return jobs;
    }

    private static boolean settled(List<Long> runs) {
        int n = runs.size();
        return n >= WARM_UP_MIN_RUNS && runs.get(n - 1) >= WARM_UP_SETTLED * runs.get(n - 2);
    }

    /**
     * The pipeline's own shapes and every other one a component declares, so that a component with a
     * new slot shape is one new file: its images get that crop from their next processing on.
     */
    static List<String> cropShapes(ComponentRegistry registry) {
        Set<String> shapes = new LinkedHashSet<>(CropPlanner.SHAPES);
        shapes.addAll(registry.imageAspects());
        return List.copyOf(shapes);
    }

    void close() {
        jobs.close();
        events.close();
        assetWork.shutdownNow();
    }

    /** What a snapshot stores: components upgraded to the current schemas, their versions pinned. */
    private ObjectNode pin(ObjectNode document) {
        PageSnapshot snapshot = PageSnapshot.of(registry, document);
        ObjectNode pinned = ((ObjectNode) snapshot.document()).deepCopy();
        ObjectNode versions = pinned.putObject("componentVersions");
        snapshot.componentVersions().forEach(versions::put);
        return pinned;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Wiring.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
