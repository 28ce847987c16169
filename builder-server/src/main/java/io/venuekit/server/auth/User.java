package io.venuekit.server.auth;

/** Someone the server knows: a name (what the audit trail records) and a role. */
public record User(String name, Role role) {

    /** What a role may do. Operators build and publish pages; merchants bring their pictures. */
    public enum Role {
        OPERATOR,
        MERCHANT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** null when the text names no role. */
        public static Role parse(String text) {
            for (Role role : values()) {
                if (role.id().equals(text)) {
                    return role;
                }
            }
            return null;
        }
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
