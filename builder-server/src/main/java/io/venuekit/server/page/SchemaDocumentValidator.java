package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.components.validation.Violation;
import io.venuekit.server.http.ApiException.Fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits the component-schema validator's faults into those that stop a draft from being
 * stored (the document is not a well-formed tree: missing or mistyped page fields, duplicate
 * ids, hostile size) and those a draft keeps as warnings (props, types, nesting, assets).
 */
public final class SchemaDocumentValidator implements DocumentValidator {

    private static final Set<String> ALWAYS_BLOCKING = Set.of("duplicate-id", "too-deep", "too-many-components");
    /** Rules about what a component is allowed to be, as opposed to what shape the document has. */
    private static final Set<String> CONTENT_RULES = Set.of("unknown-type", "bad-nesting", "too-few-children",
            "too-many-children", "dangling-asset", "version-too-new", "migration-failed", "schedule-order",
            "too-many-violations");

    private final PageValidator validator;
    private final Predicate<String> assetExists;

    /** @param assetExists whether an asset id is stored; null skips the check */
    public SchemaDocumentValidator(PageValidator validator, Predicate<String> assetExists) {
        this.validator = validator;
        this.assetExists = assetExists;
    }

    @Override
    public Result validate(JsonNode document) {
        List<Fault> blocking = new ArrayList<>();
        List<Fault> warnings = new ArrayList<>();
        for (Violation v : validator.validate(document, assetExists)) {
            Fault fault = new Fault(v.pointer(), v.code(), v.message(), v.componentId(), v.componentType());
            (isBlocking(v) ? blocking : warnings).add(fault);
        }
        return new Result(blocking, warnings);
    }

    private static boolean isBlocking(Violation v) {
        if (ALWAYS_BLOCKING.contains(v.code())) {
            return true;
        }
        boolean inProps = v.pointer().contains("/props/") || v.pointer().endsWith("/props") && !"type".equals(v.code());
        return !inProps && !CONTENT_RULES.contains(v.code()) && !v.pointer().startsWith("/schedule")
                && !v.pointer().startsWith("/targeting");
    }
}
