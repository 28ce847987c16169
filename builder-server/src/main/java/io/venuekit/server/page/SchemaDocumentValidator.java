package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.validation.PageValidator;
import java.util.function.Predicate;

/**
 * The component-schema validator's faults, sorted by their severity (decided where each fault
 * is made, {@link io.venuekit.components.validation.PageFaults}) into those that stop a draft
 * from being stored (mistyped page fields, duplicate ids, hostile sizes and numbers, unsafe
 * links) and those a draft keeps as warnings (props, types, nesting, assets).
 */
public final class SchemaDocumentValidator implements DocumentValidator {

    private final PageValidator validator;
    private final Predicate<String> assetExists;

    /** @param assetExists whether an asset id is stored; null skips the check */
    public SchemaDocumentValidator(PageValidator validator, Predicate<String> assetExists) {
        this.validator = validator;
        this.assetExists = assetExists;
    }

    @Override
    public Result validate(JsonNode document) {
        return Result.of(validator.validate(document, assetExists));
    }
}
