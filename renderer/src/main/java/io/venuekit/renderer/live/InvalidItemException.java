package io.venuekit.renderer.live;

import java.util.List;

/** An item document (an operator's edit, a catalogue service's answer) that does not hold a valid item. */
public final class InvalidItemException extends RuntimeException {

    private final transient List<ItemFaults.Fault> faults;

    public InvalidItemException(String what, List<ItemFaults.Fault> faults) {
        super(
                what + " is not valid: "
                        + faults.stream()
                                .map(f -> (f.pointer().isEmpty() ? "/" : f.pointer()) + " " + f.message())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse("?"),
                null,
                false,
                false);
        this.faults = List.copyOf(faults);
    }

    public List<ItemFaults.Fault> faults() {
        return faults;
    }
}
