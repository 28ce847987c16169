package io.venuekit.device;

/**
 * A tier rules file that cannot be used: it says which file, where in it, and what was wrong,
 * so an operator can fix the file without reading Java.
 */
public class TierRulesException extends RuntimeException {

    private final String source;
    private final String pointer;

    public TierRulesException(String source, String pointer, String problem, Throwable cause) {
        super(source + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem, cause);
        this.source = source;
        this.pointer = pointer;
    }

    public TierRulesException(String source, String pointer, String problem) {
        this(source, pointer, problem, null);
    }

    /** Several faults, each already {@code "<pointer>: <problem>"}; the pointer is the first's. */
    public TierRulesException(String source, String firstPointer, java.util.List<String> faults) {
        super(source + ": " + (faults.size() == 1 ? "" : faults.size() + " problems: ")
                + String.join("; ", faults));
        this.source = source;
        this.pointer = firstPointer;
    }

    /** The file or resource the rules came from. */
    public String source() {
        return source;
    }

    /** JSON pointer to the faulty value, empty for the whole file. */
    public String pointer() {
        return pointer;
    }
}
