package io.venuekit.components.validation;

/**
 * One fault in a page document.
 *
 * @param pointer       JSON pointer into the page document, e.g. {@code /components/3/props/title}
 * @param componentId   the id of the component at fault, or null for page-level faults
 * @param componentType its type as written, or null
 * @param code          what rule was broken: a JSON Schema keyword ({@code maxLength}, {@code required}, ...)
 *                      or a structural rule ({@code unknown-type}, {@code duplicate-id}, {@code bad-nesting}, ...)
 * @param message       what an operator should read: "Headline must be at most 40 characters, got 52"
 */
public record Violation(String pointer, String componentId, String componentType, String code, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + " [" + code + "] " + message;
    }
}
