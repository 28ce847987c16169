package io.venuekit.components.validation;

import io.venuekit.faults.Fault;
import io.venuekit.faults.Severity;

/**
 * Makes the faults of a page document, each with its severity decided once, here, by
 * {@link SaveRules}: {@link Severity#ERROR} when even a draft may not be stored with it,
 * {@link Severity#WARNING} when a draft may keep it (a publication never may).
 */
public final class PageFaults {

    private PageFaults() {}

    /**
     * @param pointer       JSON pointer into the page document
     * @param componentId   the component at fault, or null for page-level faults
     * @param componentType its type as written, or null
     */
    public static Fault at(String pointer, String componentId, String componentType, String code, String message) {
        Severity severity = SaveRules.refusesDraft(pointer, code) ? Severity.ERROR : Severity.WARNING;
        return Fault.in(pointer, componentId, componentType, code, message, severity);
    }
}
