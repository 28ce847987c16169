package io.venuekit.server.http;

/** Making request values safe to copy into response headers and messages. */
public final class Headers {

    private Headers() {}

    /**
     * The value with every character outside visible ASCII percent-encoded, so a control character
     * a client sent can never break (or split) a response header, and a message shows what arrived.
     */
    public static String printable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7f && c != '%';
            if (plain) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (c == '%') {
                out.append("%25");
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%')
                            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** Whether a value can go into a header as it is. */
    public static boolean isPrintable(String value) {
        return value != null && printable(value).equals(value);
    }
}
