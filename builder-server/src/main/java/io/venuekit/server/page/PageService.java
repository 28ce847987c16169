package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.faults.Fault;
import io.venuekit.server.audit.AuditLog;
import io.venuekit.server.http.ApiException;
import io.venuekit.server.http.FaultJson;
import io.venuekit.server.http.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The page lifecycle: drafts with optimistic concurrency, immutable numbered snapshots,
 * rollback as a new snapshot, and an audit entry for every change. Blocking: call it off the
 * event loop.
 */
public final class PageService {

    /** How many pages a search reads at most (newest first). */
    private static final int MAX_SEARCHED = 5_000;

    /** Fields the server owns; a client sending them is ignored, not trusted. */
    private static final Set<String> SERVER_FIELDS = Set.of(
            "id",
            "version",
            "status",
            "createdAt",
            "createdBy",
            "updatedAt",
            "updatedBy",
            "deleted",
            "deletedAt",
            "deletedBy",
            "publishedVersion",
            "publishedAt",
            "publishedBy",
            "liveDraftVersion",
            "liveSchedule",
            "differsFromLive",
            "warnings");

    private static final List<String> DOCUMENT_FIELDS = List.of("slug", "title", "schedule", "targeting", "components");

    private final PageRepository repository;
    private final AuditLog audit;
    private final DocumentValidator validator;
    private final UnaryOperator<ObjectNode> pinner;
    private final PublicationListener publications;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param pinner    turns a draft document into the document a snapshot stores: components
     *                  upgraded to their schema's current version and {@code componentVersions}
     * @param publications told of every new snapshot and deletion, so this instance serves it at once
     */
    public PageService(
            PageRepository repository,
            AuditLog audit,
            DocumentValidator validator,
            UnaryOperator<ObjectNode> pinner,
            PublicationListener publications,
            Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.validator = validator;
        this.pinner = pinner;
        this.publications = publications;
        this.clock = clock;
    }

    /** Stores a new draft; returns it with the validation warnings a publication would refuse. */
    public ObjectNode create(String actor, ObjectNode body) {
        ObjectNode document = documentOf(body);
        DocumentValidator.Result result = checkStorable(document);
        String now = clock.instant().toString();
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.put("id", "pg_" + HexFormat.of().formatHex(randomBytes()));
        page.setAll(document);
        page.put("version", 1L);
        page.put("deleted", false);
        page.put("createdAt", now).put("createdBy", actor).put("updatedAt", now).put("updatedBy", actor);
        try {
            repository.insert(page);
        } catch (PageRepository.DuplicateSlugException e) {
            throw slugTaken(document);
        }
        ObjectNode details = Json.MAPPER
                .createObjectNode()
                .put("version", 1)
                .put("slug", page.path("slug").asText());
        audit.record(actor, "page.create", page.path("id").asText(), details);
        return withWarnings(page, result.warnings());
    }

    /**
     * An unsaved document as a preview renders it: refused as a save would be when it cannot be
     * stored, else pinned as a publication would pin it. Nothing is stored.
     */
    public ObjectNode previewable(ObjectNode body) {
        ObjectNode document = documentOf(body);
        checkStorable(document);
        return pinner.apply(document);
    }

    public ObjectNode get(String id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Page " + id));
    }

    public List<ObjectNode> list(int limit) {
        return repository.list(limit);
    }

    /**
     * The page list: each page without its components, with {@code status} ({@code draft} before
     * any publication, then {@code scheduled}, {@code live} or {@code ended} by the live snapshot's
     * schedule) and {@code differsFromLive}; {@code query} keeps pages whose title or slug contains it.
     */
    public List<ObjectNode> summaries(int limit, String query) {
        Instant now = clock.instant();
        String needle = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode page : repository.summaries(needle.isEmpty() ? limit : MAX_SEARCHED)) {
            String haystack =
                    (page.path("title").asText() + " " + page.path("slug").asText()).toLowerCase(Locale.ROOT);
            if (!haystack.contains(needle)) {
                continue;
            }
            page.put("status", PageStatus.of(page, now).id());
            page.put(
                    "differsFromLive",
                    page.has("publishedVersion")
                            && page.path("liveDraftVersion").asLong(-1)
                                    != page.path("version").asLong());
            result.add(page);
            if (result.size() == limit) {
                break;
            }
        }
        return result;
    }

    /** Undoes a delete (the builder's "undo" after deleting a page). */
    public ObjectNode restore(String actor, String id) {
        ObjectNode deleted = repository.findDeleted(id).orElseThrow(() -> ApiException.notFound("Deleted page " + id));
        try {
            if (!repository.restore(id, deleted.path("slug").asText())) {
                throw ApiException.notFound("Deleted page " + id);
            }
        } catch (PageRepository.DuplicateSlugException e) {
            throw slugTaken(deleted);
        }
        audit.record(
                actor,
                "page.restore",
                id,
                Json.MAPPER.createObjectNode().put("slug", deleted.path("slug").asText()));
        ObjectNode page = get(id);
        if (page.has("publishedVersion")) {
            repository.snapshot(id, page.path("publishedVersion").asInt()).ifPresent(publications::published);
        }
        return page;
    }

    /**
     * Replaces the draft if it is still at {@code baseVersion}; otherwise 409 with the current
     * draft and the submitted one, so the losing edit can be merged by hand rather than lost.
     */
    public ObjectNode update(String actor, String id, Long baseVersion, ObjectNode body) {
        if (baseVersion == null) {
            throw new ApiException(
                    428,
                    "version-required",
                    "Say which version your edit is based on: send If-Match: \"<version>\" or a \"version\" field.",
                    List.of(Fault.error("/version", "required", "the version this edit is based on is required")),
                    null);
        }
        ObjectNode document = documentOf(body);
        DocumentValidator.Result result = checkStorable(document);
        ObjectNode current = get(id);
        long currentVersion = current.path("version").asLong();
        if (currentVersion != baseVersion) {
            throw conflict(current, body, baseVersion);
        }
        ObjectNode page = current.deepCopy();
        for (String field : DOCUMENT_FIELDS) {
            page.remove(field);
        }
        page.setAll(document);
        page.put("version", baseVersion + 1);
        page.put("updatedAt", clock.instant().toString()).put("updatedBy", actor);
        boolean replaced;
        try {
            replaced = repository.replace(id, baseVersion, page);
        } catch (PageRepository.DuplicateSlugException e) {
            throw slugTaken(document);
        }
        if (!replaced) {
            throw conflict(get(id), body, baseVersion);
        }
        ObjectNode details =
                ChangeSummary.between(current, page).put("from", baseVersion).put("to", baseVersion + 1);
        audit.record(actor, "page.update", id, details);
        return withWarnings(page, result.warnings());
    }

    public void delete(String actor, String id) {
        ObjectNode current = get(id);
        if (!repository.softDelete(id, actor, clock.instant().toString())) {
            throw ApiException.notFound("Page " + id);
        }
        audit.record(
                actor,
                "page.delete",
                id,
                Json.MAPPER
                        .createObjectNode()
                        .put("version", current.path("version").asLong())
                        .put("slug", current.path("slug").asText()));
        publications.withdrawn(id);
    }

    /** Publishes the draft as the next numbered snapshot; an invalid page is refused with every fault. */
    public ObjectNode publish(String actor, String id, Long expectedVersion) {
        ObjectNode draft = get(id);
        if (expectedVersion != null && draft.path("version").asLong() != expectedVersion) {
            throw conflict(draft, null, expectedVersion);
        }
        DocumentValidator.Result result = validator.validate(draft);
        if (!result.publishable()) {
            List<Fault> all = new java.util.ArrayList<>(result.blocking());
            all.addAll(result.warnings());
            throw new ApiException(
                    422,
                    "page-invalid",
                    "The page cannot be published: " + all.size() + " problem(s) to fix first.",
                    all,
                    null);
        }
        ObjectNode document = pinner.apply(documentOf(draft));
        ObjectNode snapshot = snapshotOf(id, document, actor);
        snapshot.put("draftVersion", draft.path("version").asLong());
        return store(actor, "page.publish", snapshot);
    }

    /** Publishes an older snapshot again, unchanged, as a new number. */
    public ObjectNode rollback(String actor, String id, int toNumber) {
        get(id);
        ObjectNode old = repository
                .snapshot(id, toNumber)
                .orElseThrow(() -> new ApiException(
                        404,
                        "not-found",
                        "Page " + id + " has no published version " + toNumber,
                        List.of(Fault.error("/to", "unknown-version", "no published version " + toNumber)),
                        null));
        ObjectNode document = Json.MAPPER.createObjectNode();
        for (String field : DOCUMENT_FIELDS) {
            if (old.has(field)) {
                document.set(field, old.get(field));
            }
        }
        if (old.has("componentVersions")) {
            document.set("componentVersions", old.get("componentVersions"));
        }
        ObjectNode snapshot = snapshotOf(id, document, actor);
        snapshot.put("rolledBackFrom", toNumber);
        return store(actor, "page.rollback", snapshot);
    }

    public List<ObjectNode> versions(String id) {
        get(id);
        return repository.snapshots(id);
    }

    public ObjectNode version(String id, int number) {
        get(id);
        return repository
                .snapshot(id, number)
                .orElseThrow(() -> ApiException.notFound("Published version " + number + " of page " + id));
    }

    public List<ObjectNode> auditTrail(String id, int limit) {
        return audit.entries(id, limit);
    }

    private ObjectNode store(String actor, String action, ObjectNode snapshot) {
        String id = snapshot.path("pageId").asText();
        int number = repository.insertNextSnapshot(snapshot).orElseThrow(() -> ApiException.notFound("Page " + id));
        ObjectNode details = Json.MAPPER.createObjectNode().put("number", number);
        if (snapshot.has("rolledBackFrom")) {
            details.put("rolledBackFrom", snapshot.path("rolledBackFrom").asInt());
        }
        if (snapshot.has("draftVersion")) {
            details.put("draftVersion", snapshot.path("draftVersion").asLong());
        }
        audit.record(actor, action, id, details);
        publications.published(snapshot);
        return snapshot;
    }

    private ObjectNode snapshotOf(String pageId, ObjectNode document, String actor) {
        ObjectNode snapshot = Json.MAPPER.createObjectNode();
        snapshot.put("pageId", pageId);
        snapshot.setAll(document);
        snapshot.put("publishedAt", clock.instant().toString());
        snapshot.put("publishedBy", actor);
        return snapshot;
    }

    private DocumentValidator.Result checkStorable(ObjectNode document) {
        DocumentValidator.Result result = validator.validate(document);
        if (!result.blocking().isEmpty()) {
            throw new ApiException(
                    400,
                    "invalid-document",
                    "The page document has " + result.blocking().size() + " problem(s); nothing was saved.",
                    result.blocking(),
                    null);
        }
        return result;
    }

    /** The client's document without server-owned fields. */
    private static ObjectNode documentOf(ObjectNode body) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        body.fields().forEachRemaining(e -> {
            if (!SERVER_FIELDS.contains(e.getKey())) {
                document.set(e.getKey(), e.getValue());
            }
        });
        return document;
    }

    private static ObjectNode withWarnings(ObjectNode page, List<Fault> warnings) {
        ObjectNode response = page.deepCopy();
        FaultJson.addAll(response.putArray("warnings"), warnings);
        return response;
    }

    private static ApiException conflict(ObjectNode current, JsonNode yours, long baseVersion) {
        ObjectNode extra = Json.MAPPER.createObjectNode();
        extra.put("currentVersion", current.path("version").asLong());
        extra.set("current", current);
        if (yours != null) {
            extra.set("yours", yours);
        }
        return new ApiException(
                409,
                "version-conflict",
                "Your edit is based on version " + baseVersion + " but the page is now at version "
                        + current.path("version").asLong()
                        + "; nothing was overwritten. Merge your edit (in \"yours\") "
                        + "into the current draft and send it again with If-Match: \""
                        + current.path("version").asLong() + "\".",
                List.of(),
                extra);
    }

    private static ApiException slugTaken(JsonNode document) {
        String slug = document.path("slug").asText();
        return new ApiException(
                409,
                "slug-taken",
                "Another page already uses the slug \"" + slug + "\"; choose another.",
                List.of(Fault.error("/slug", "unique", "\"" + slug + "\" is already used by another page")),
                null);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
