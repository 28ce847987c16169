package io.venuekit.server.page;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.faults.Fault;
import java.util.ArrayList;
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

        /** Sorts faults by what their severity blocks: saving, or only publishing (notices are left out). */
        public static Result of(List<Fault> faults) {
            List<Fault> blocking = new ArrayList<>();
            List<Fault> warnings = new ArrayList<>();
            for (Fault f : faults) {
                if (f.severity().blocksSave()) {
                    blocking.add(f);
                } else if (f.severity().blocksPublish()) {
                    warnings.add(f);
                }
            }
            return new Result(blocking, warnings);
        }

        public boolean publishable() {
            return blocking.isEmpty() && warnings.isEmpty();
        }
    }
}
