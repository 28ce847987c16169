package io.venuekit.components.validation;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which faults refuse a draft at save (400) and which a draft keeps as warnings. A draft is
 * work in progress, so what a component is allowed to be (its props, its type, its nesting,
 * its assets) may be wrong for a while; what the document is may not: page fields of the wrong
 * type, duplicate ids, hostile sizes, numbers no store or client can hold, links that would
 * run code in the preview, and an image focus no crop can follow. Publishing refuses every fault.
 * The answer becomes each fault's {@link io.venuekit.faults.Severity} when {@link PageFaults} makes it.
 */
final class SaveRules {

    /** Refuse the draft wherever they occur. */
    private static final Set<String> ALWAYS_REFUSED = Set.of(
            "duplicate-id",
            "too-deep",
            "too-many-components",
            "number-out-of-range",
            "too-long",
            "unsafe-link",
            "markdown-html");
    /** Rules about what a component or schedule is allowed to be, as opposed to what shape the document has. */
    private static final Set<String> CONTENT_RULES = Set.of(
            "unknown-type",
            "bad-nesting",
            "too-few-children",
            "too-many-children",
            "variant-count",
            "dangling-asset",
            "dangling-anchor",
            "version-too-new",
            "migration-failed",
            "schedule-order",
            "too-many-violations");

    /** An image reference's focus or one of its fields. */
    private static final Pattern FOCUS = Pattern.compile("/props/.*/focus(/[xywh])?$");

    private SaveRules() {}

    /** Whether a fault with this rule {@code code} at {@code pointer} refuses a draft; {@link PageFaults} asks once per fault. */
    static boolean refusesDraft(String pointer, String code) {
        if (ALWAYS_REFUSED.contains(code)) {
            return true;
        }
        if (CONTENT_RULES.contains(code)) {
            return false;
        }
        if (FOCUS.matcher(pointer).find()) {
            return true; // a focus outside the image, or a box without area, makes no crop
        }
        boolean inProps = pointer.contains("/props/") || pointer.endsWith("/props") && !"type".equals(code);
        return !inProps;
    }
}
