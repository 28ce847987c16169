package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.components.validation.PageValidator;
import io.venuekit.components.validation.SaveRules;
import io.venuekit.components.validation.Violation;
import io.venuekit.server.http.ApiException.Fault;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits the component-schema validator's faults, by {@link SaveRules}, into those that stop a
 * draft from being stored (mistyped page fields, duplicate ids, hostile sizes and numbers, unsafe
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
        List<Fault> blocking = new ArrayList<>();
        List<Fault> warnings = new ArrayList<>();
        for (Violation v : validator.validate(document, assetExists)) {
            Fault fault = new Fault(v.pointer(), v.code(), v.message(), v.componentId(), v.componentType());
            (SaveRules.refusesDraft(v) ? blocking : warnings).add(fault);
        }
        return new Result(blocking, warnings);
    }
}
