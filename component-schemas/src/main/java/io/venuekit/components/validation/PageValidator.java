package io.venuekit.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.ValidationMessage;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.components.migration.ComponentMigrator;
import io.venuekit.faults.Fault;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a whole page document and answers with every fault at once. The JSON Schema library
 * checks the page envelope, each component's envelope and its props (after upgrading them to
 * the schema's current version); the walk adds what a schema cannot say: unique ids, known
 * types, nesting and child counts from each type's slots, versions, and asset references; a scan
 * of every value adds numbers and strings no store or client can hold; and the {@link LinkPolicy}
 * says which links may be saved.
 *
 * <p>Build one per registry and share it: it compiles every schema once and is thread-safe.
 */
public final class PageValidator {

    private final ComponentRegistry registry;
    private final ValidationLimits limits;
    private final SchemaCatalog catalog;
    private final SchemaLabels labels;
    private final ViolationMessages messages;
    private final ComponentMigrator migrator;
    private final LinkFaults links;

    /** With the default limits and the bundled {@link LinkPolicy}. */
    public PageValidator(ComponentRegistry registry) {
        this(registry, ValidationLimits.DEFAULT);
    }

    /** With the bundled {@link LinkPolicy}. */
    public PageValidator(ComponentRegistry registry, ValidationLimits limits) {
        this(registry, limits, LinkPolicy.bundled());
    }

    /** @param linkPolicy where links of kind {@code url} and markdown links may go */
    public PageValidator(ComponentRegistry registry, ValidationLimits limits, LinkPolicy linkPolicy) {
        this.registry = registry;
        this.limits = limits;
        this.catalog = new SchemaCatalog(registry);
        this.labels = new SchemaLabels(catalog);
        this.messages = new ViolationMessages(labels);
        this.migrator = new ComponentMigrator(registry);
        this.links = new LinkFaults(catalog, labels, linkPolicy);
    }

    /** Every fault in the page; asset references are not checked. */
    public List<Fault> validate(JsonNode page) {
        return validate(page, null);
    }

    /**
     * Every fault in the page, in document order.
     *
     * @param assetExists whether an asset id names a stored asset; null skips that check
     */
    public List<Fault> validate(JsonNode page, Predicate<String> assetExists) {
        PageWalk walk = new PageWalk(this, limits, assetExists);
        walk.page(page);
        return walk.violations();
    }

    /**
     * The faults in one component's props, current version, with pointers relative to the
     * props (e.g. {@code /title}): what a builder's property form shows.
     *
     * @throws IllegalArgumentException for an unknown type
     */
    public List<Fault> validateProps(String type, JsonNode props) {
        ComponentSchema schema = registry.find(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown component type '" + type + "'"));
        List<Fault> faults = new ArrayList<>();
        if (props != null) {
            ValueScan.scan(props, limits, false, faults::add);
        }
        faults.addAll(props(schema, props, "", null, ""));
        return faults;
    }

    ComponentRegistry registry() {
        return registry;
    }

    ComponentMigrator migrator() {
        return migrator;
    }

    SchemaLabels labels() {
        return labels;
    }

    SchemaCatalog catalog() {
        return catalog;
    }

    /** Props faults against the current schema, pointers under {@code base}. */
    List<Fault> props(ComponentSchema schema, JsonNode props, String base, String componentId, String note) {
        SchemaCatalog.Compiled compiled = catalog.props(schema.type());
        JsonNode instance = props == null ? JsonNodeFactory.instance.objectNode() : props;
        List<Fault> faults =
                schemaFaults(compiled, instance, Set.of(), base, schema.title(), componentId, schema.type(), note);
        faults.addAll(links.find(schema, instance, base, componentId));
        return faults;
    }

    /** Envelope faults of the page ({@code component == false}) or of one component. */
    List<Fault> envelope(JsonNode instance, boolean component, String base, String componentId, String type) {
        SchemaCatalog.Compiled compiled = component ? catalog.component() : catalog.page();
        // the envelope schemas look into none of these; the walk checks them one by one
        Set<String> unread = component ? Set.of("props", "children") : Set.of("components");
        return schemaFaults(
                compiled, instance, unread, base, component ? "The component" : "The page", componentId, type, "");
    }

    /**
     * The schema's faults. The library compares numbers with an {@code enum} as BigDecimals and
     * fails on a number beyond a double (read as Infinity), so such numbers are validated as null
     * in a copy, and the faults at their pointers left out: the value scan has reported each one.
     */
    private List<Fault> schemaFaults(
            SchemaCatalog.Compiled compiled,
            JsonNode instance,
            Set<String> unread,
            String base,
            String subject,
            String componentId,
            String type,
            String note) {
        List<String> replaced = new ArrayList<>();
        JsonNode checked = ValueScan.withoutNonFinite(instance, unread, replaced);
        List<Fault> faults =
                translate(compiled, compiled.schema().validate(checked), base, subject, componentId, type, note);
        for (String pointer : replaced) {
            String at = base + pointer;
            faults.removeIf(v -> v.pointer().equals(at) || v.pointer().startsWith(at + "/"));
        }
        return faults;
    }

    private List<Fault> translate(
            SchemaCatalog.Compiled compiled,
            Set<ValidationMessage> found,
            String base,
            String subject,
            String componentId,
            String type,
            String note) {
        List<Fault> result = new ArrayList<>(found.size());
        for (ValidationMessage m : found) {
            Fault v = messages.translate(m, compiled, base, subject, componentId, type);
            result.add(
                    note.isEmpty()
                            ? v
                            : PageFaults.at(
                                    v.pointer(), v.componentId(), v.componentType(), v.code(), v.message() + note));
        }
        // the library answers with a set; operators read top to bottom
        result.sort(Comparator.comparing(Fault::pointer).thenComparing(Fault::code));
        return result;
    }

    /** Parses an RFC 3339 time, or null (the envelope schema reports bad ones). */
    static OffsetDateTime instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
