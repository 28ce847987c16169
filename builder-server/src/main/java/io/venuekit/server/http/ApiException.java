package io.venuekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.faults.Fault;
import java.util.List;

/**
 * A fault the client can act on: an HTTP status, a stable code, a message for a person, and
 * optional details (the faults found, as the libraries report them; the current version on a conflict).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Fault> faults;
    private final JsonNode extra;

    public ApiException(int status, String code, String message, List<Fault> faults, JsonNode extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.faults = List.copyOf(faults);
        this.extra = extra;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", what + " does not exist");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Fault> faults() {
        return faults;
    }

    /** Fields merged into the error body, e.g. {@code current} on a conflict. */
    public JsonNode extra() {
        return extra;
    }
}
