package io.venuekit.device;

import io.venuekit.faults.Fault;
import java.util.ArrayList;
import java.util.List;

/**
 * A tier rules file (or device table) that cannot be used: it says which file, where in it, and
 * what was wrong, so an operator can fix the file without reading Java. {@link #faults()} holds
 * the same as {@link Fault}s, code {@value #CODE}, for whoever reports them as data.
 */
public class TierRulesException extends RuntimeException {

    /** The code of every fault in a rules file. */
    public static final String CODE = "bad-rules";

    private final String source;
    private final String pointer;
    private final List<Fault> faults;

    public TierRulesException(String source, String pointer, String problem, Throwable cause) {
        super(source + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem, cause);
        this.source = source;
        this.pointer = pointer;
        this.faults = List.of(Fault.error(pointer, CODE, problem));
    }

    public TierRulesException(String source, String pointer, String problem) {
        this(source, pointer, problem, null);
    }

    /** Several faults, each already {@code "<pointer>: <problem>"}; the pointer is the first's. */
    public TierRulesException(String source, String firstPointer, java.util.List<String> faults) {
        super(source + ": " + (faults.size() == 1 ? "" : faults.size() + " problems: ") + String.join("; ", faults));
        this.source = source;
        this.pointer = firstPointer;
        List<Fault> list = new ArrayList<>();
        for (String fault : faults) {
            int colon = fault.indexOf(": ");
            boolean pointed = colon >= 0 && (fault.startsWith("/") || colon == 0);
            list.add(
                    pointed
                            ? Fault.error(fault.substring(0, colon), CODE, fault.substring(colon + 2))
                            : Fault.error("", CODE, fault));
        }
        this.faults = List.copyOf(list);
    }

    /** The file or resource the rules came from. */
    public String source() {
        return source;
    }

    /** JSON pointer to the faulty value, empty for the whole file. */
    public String pointer() {
        return pointer;
    }

    /** Each fault found, with its pointer; one for a file that could not be read at all. */
    public List<Fault> faults() {
        return faults;
    }
}
