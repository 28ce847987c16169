package io.venuekit.renderer.live;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Faults found while reading an item, each at a JSON pointer into the document read. */
public final class ItemFaults {

    /** Ids as the component schemas' {@code entityId}: what an operator types, nothing a URL or a key could trip on. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** @param pointer JSON pointer into the document, {@code ""} for the whole */
    public record Fault(String pointer, String code, String message) {}

    private final List<Fault> faults = new ArrayList<>();

    void add(String pointer, String code, String message) {
        faults.add(new Fault(pointer, code, message));
    }

    public List<Fault> list() {
        return List.copyOf(faults);
    }

    boolean isEmpty() {
        return faults.isEmpty();
    }

    void throwIfAny(String what) {
        if (!faults.isEmpty()) {
            throw new InvalidItemException(what, list());
        }
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
