package io.venuekit.renderer.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An amount in minor units (cents, fen) and an ISO 4217 currency, as the component schemas' {@code money}. */
public record Money(long cents, String currency) {

    public static final String DEFAULT_CURRENCY = "CNY";

    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("a negative amount: " + cents);
        }
        currency = currency == null ? DEFAULT_CURRENCY : currency;
    }

    public static Money cents(long cents) {
        return new Money(cents, DEFAULT_CURRENCY);
    }

    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("cents", cents).put("currency", currency);
    }

    /** From {@code {"cents": 100, "currency": "CNY"}} at {@code pointer}, recording what is wrong. */
    static Money read(JsonNode node, String pointer, ItemFaults faults, boolean required) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            if (required) {
                faults.add(pointer, "required", "is required: {\"cents\": whole number, \"currency\": \"CNY\"}");
            }
            return null;
        }
        if (!node.isObject()) {
            faults.add(pointer, "type", "must be an object {\"cents\": …, \"currency\": …}");
            return null;
        }
        JsonNode cents = node.get("cents");
        if (cents == null || !cents.isIntegralNumber() || !cents.canConvertToLong() || cents.asLong() < 0) {
            faults.add(pointer + "/cents", "type", "must be a whole number of minor units, 0 or more");
            return null;
        }
        JsonNode currency = node.get("currency");
        if (currency != null && !(currency.isTextual() && currency.asText().matches("[A-Z]{3}"))) {
            faults.add(pointer + "/currency", "pattern", "must be an ISO 4217 code such as CNY");
            return null;
        }
        return new Money(cents.asLong(), currency == null ? DEFAULT_CURRENCY : currency.asText());
    }
}
