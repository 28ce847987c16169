package io.venuekit.server.layout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.renderer.image.AssetView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's own copy, in a file under {@code DATA_DIR}, of the published snapshots it serves
 * and the image variants their layouts name: what it answers from when the database is unreachable,
 * including right after a start with the database already down. Published snapshots are immutable,
 * so a copy is only ever behind (a later publication), never wrong about what it holds. Written
 * whole to a temporary file and moved over the old one, so a crash mid-write leaves the old copy.
 */
public final class LocalSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSnapshot.class);
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Map<String, ObjectNode> pages = new ConcurrentHashMap<>();
    private final Map<String, AssetView> assets = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();

    private LocalSnapshot(Path file) {
        this.file = file;
    }

    /** No file: memory only (tests, and servers that keep no local copy). */
    public static LocalSnapshot none() {
        return new LocalSnapshot(null);
    }

    /** Reads the copy a previous run left in {@code file}, if any. */
    public static LocalSnapshot load(Path file) {
        LocalSnapshot local = new LocalSnapshot(file);
        if (!Files.isRegularFile(file)) {
            return local;
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            root.path("pages").fields().forEachRemaining(e -> local.pages.put(e.getKey(), (ObjectNode) e.getValue()));
            root.path("assets").fields().forEachRemaining(e -> {
                try {
                    local.assets.put(e.getKey(), MAPPER.treeToValue(e.getValue(), AssetView.class));
                } catch (IOException | IllegalArgumentException bad) {
                    LOG.debug("skipping asset {} in {}: {}", e.getKey(), file, bad.toString());
                }
            });
            LOG.info(
                    "local snapshot {}: {} published page(s), {} image(s), written {}",
                    file,
                    local.pages.size(),
                    local.assets.size(),
                    root.path("written").asText("?"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the local snapshot {} ({}); starting without it", file, e.toString());
        }
        return local;
    }

    ObjectNode page(String slug) {
        return pages.get(slug);
    }

    void putPage(String slug, ObjectNode snapshot) {
        ObjectNode before = pages.put(slug, snapshot);
        if (before == null
                || !before.path("pageId").equals(snapshot.path("pageId"))
                || before.path("number").asInt() != snapshot.path("number").asInt()) {
            dirty.set(true);
        }
    }

    void removePage(String slug) {
        if (pages.remove(slug) != null) {
            dirty.set(true);
        }
    }

    void removePageId(String pageId) {
        if (pages.values().removeIf(s -> s.path("pageId").asText().equals(pageId))) {
            dirty.set(true);
        }
    }

    Optional<AssetView> asset(String id) {
        return Optional.ofNullable(assets.get(id));
    }

    void putAsset(String id, AssetView view) {
        if (!view.equals(assets.put(id, view))) {
            dirty.set(true);
        }
    }

    java.util.Set<String> pageSlugs() {
        return java.util.Set.copyOf(pages.keySet());
    }

    /** Writes the copy when it changed since the last write; a failure is logged and tried again next time. */
    public void save() {
        if (file == null || !dirty.getAndSet(false)) {
            return;
        }
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("written", java.time.Instant.now().toString());
            ObjectNode p = root.putObject("pages");
            pages.forEach(p::set);
            ObjectNode a = root.putObject("assets");
            assets.forEach((id, view) -> a.set(id, MAPPER.valueToTree(view)));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(tmp, MAPPER.writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            dirty.set(true);
            LOG.warn("cannot write the local snapshot {} ({}); kept in memory, tried again later", file, e.toString());
        }
    }
}
