package io.venuekit.faults;

/**
 * One fault in a document or file, from the library that finds it to the HTTP answer that reports it.
 *
 * @param pointer       JSON pointer to the faulty value, e.g. {@code /components/3/props/title}; empty for the whole
 * @param code          the rule broken, stable for programs: a JSON Schema keyword ({@code maxLength}) or a rule
 *                      name ({@code duplicate-id}, {@code unsafe-link})
 * @param message       what a person should read: "Headline must be at most 40 characters, got 52"
 * @param expected      what the rule wants, when it can be said briefly ({@code "at most 40 characters"}); or null
 * @param actual        what was found ({@code "52 characters"}); or null
 * @param severity      what the fault stops
 * @param componentId   the page component the fault is in, or null (page-level faults, files other than pages)
 * @param componentType that component's type as written, or null
 */
public record Fault(
        String pointer,
        String code,
        String message,
        String expected,
        String actual,
        Severity severity,
        String componentId,
        String componentType) {

    public Fault {
        pointer = pointer == null ? "" : pointer;
        if (code == null || message == null || severity == null) {
            throw new IllegalArgumentException("a fault needs a code, a message and a severity");
        }
    }

    /** An error at {@code pointer} in a request or file, outside any component. */
    public static Fault error(String pointer, String code, String message) {
        return new Fault(pointer, code, message, null, null, Severity.ERROR, null, null);
    }

    /** A fault in a page component (or at page level when {@code componentId} is null). */
    public static Fault in(
            String pointer, String componentId, String componentType, String code, String message, Severity severity) {
        return new Fault(pointer, code, message, null, null, severity, componentId, componentType);
    }

    public Fault withSeverity(Severity s) {
        return new Fault(pointer, code, message, expected, actual, s, componentId, componentType);
    }

    public Fault withValues(String expected, String actual) {
        return new Fault(pointer, code, message, expected, actual, severity, componentId, componentType);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + " [" + code + "] " + message;
    }
}
