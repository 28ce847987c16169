package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.server.http.ApiException.Fault;

import java.util.List;

/** Checks a page document; the server wires in the component-schema validator. */
public interface DocumentValidator {

    /**
     * @return blocking faults (the document cannot even be stored: not a tree of components,
     *         duplicate ids, missing fields) and warnings (schema faults a draft may keep but a
     *         publication may not)
     */
    Result validate(JsonNode document);

    record Result(List<Fault> blocking, List<Fault> warnings) {
        public Result {
            blocking = List.copyOf(blocking);
            warnings = List.copyOf(warnings);
        }

        public boolean publishable() {
            return blocking.isEmpty() && warnings.isEmpty();
        }
    }
}
