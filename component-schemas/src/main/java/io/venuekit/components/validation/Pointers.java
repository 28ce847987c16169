package io.venuekit.components.validation;

import com.networknt.schema.JsonNodePath;

/** JSON pointers (RFC 6901) built from parts. */
final class Pointers {

    private Pointers() {}

    static String append(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    static String append(String pointer, JsonNodePath path) {
        StringBuilder sb = new StringBuilder(pointer);
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/');
            if (element instanceof Integer index) {
                sb.append(index);
            } else {
                sb.append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
            }
        }
        return sb.toString();
    }
}
