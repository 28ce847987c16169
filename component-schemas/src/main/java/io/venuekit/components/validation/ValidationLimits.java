package io.venuekit.components.validation;

/**
 * Bounds on what a page document may ask of the validator, so that a hostile or broken
 * document costs a bounded amount of work and yields one clear violation instead of a crash.
 *
 * @param maxDepth       components nested deeper than this are reported once and not descended into
 * @param maxComponents  components beyond this count are not checked; the walk stops with one violation
 * @param maxViolations  the answer is cut after this many violations, with one final note
 * @param maxStringChars a string anywhere in the document longer than this is a {@code too-long} fault
 *                       (props have their own, smaller {@code maxLength}s; this bounds every other field)
 */
public record ValidationLimits(int maxDepth, int maxComponents, int maxViolations, int maxStringChars) {

    public static final ValidationLimits DEFAULT = new ValidationLimits(32, 5_000, 500, 1_000_000);

    /** The limits before strings had one: {@link #DEFAULT}'s string limit. */
    public ValidationLimits(int maxDepth, int maxComponents, int maxViolations) {
        this(maxDepth, maxComponents, maxViolations, 1_000_000);
    }
}
