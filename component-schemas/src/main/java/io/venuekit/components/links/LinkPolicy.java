package io.venuekit.components.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an operator's link may send a user, as data ({@code venuekit/link-policy.json}, or an
 * operator's copy): {@code https:}, {@code http:} when {@code allowHttp}, relative references
 * ({@code /x}, {@code x}, {@code ?q}, {@code #a}) and the listed app schemes. Everything else is
 * refused, above all {@code javascript:}, {@code data:} and {@code vbscript:}, which run code in
 * the page that shows the link.
 *
 * <p>Browsers are lenient: they drop tabs and newlines anywhere in a URL, trim control
 * characters and spaces, ignore the scheme's case and read {@code \} as {@code /}. So the scheme
 * is judged on the target with all of those removed, and a target that needs any such leniency
 * is refused outright, because what is checked must be what every client reads.
 *
 * <p>{@code //host} (scheme-relative) is refused: it leaves the site, takes whatever scheme the
 * page was served with (plain http in a development server, nothing at all in an app that reads
 * the JSON), and an operator loses nothing by writing {@code https://host}.
 *
 * <p>Immutable and thread-safe; build one per server.
 */
public final class LinkPolicy {

    public static final String RESOURCE = "venuekit/link-policy.json";

    /** Schemes that run code or read local data where the link is shown; no policy file may allow them. */
    static final Set<String> NEVER =
            Set.of("javascript", "vbscript", "data", "file", "blob", "filesystem", "about", "jar");

    /** {@code &#106;}, {@code &#x6a;}, {@code &colon;}: a link never needs one, and an HTML-decoding client turns them into a scheme. */
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&#[0-9]+;?|&#[xX][0-9a-fA-F]+;?|&[A-Za-z][A-Za-z0-9]{1,31};");

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LinkPolicy BUNDLED = fromClasspath();

    private final boolean allowHttp;
    private final Set<String> appSchemes;

    public LinkPolicy(boolean allowHttp, Set<String> appSchemes) {
        List<String> bad = new ArrayList<>();
        Set<String> schemes = new LinkedHashSet<>();
        for (String s : appSchemes) {
            String scheme = s == null ? "" : s.toLowerCase(Locale.ROOT);
            if (!SCHEME.matcher(scheme).matches()
                    || NEVER.contains(scheme)
                    || scheme.equals("http")
                    || scheme.equals("https")) {
                bad.add("'" + s + "'");
            }
            schemes.add(scheme);
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(
                    "appSchemes: " + String.join(", ", bad) + " cannot be allowed; an app scheme is a"
                            + " plain name (letters, digits, + . -), not http(s) (use allowHttp) nor one of "
                            + new java.util.TreeSet<>(NEVER));
        }
        this.allowHttp = allowHttp;
        this.appSchemes = Set.copyOf(schemes);
    }

    /** The policy shipped in the jar: https, relative paths and a few shopping apps' schemes. */
    public static LinkPolicy bundled() {
        return BUNDLED;
    }

    /**
     * An operator's policy file, same shape as {@value #RESOURCE}.
     *
     * @throws IllegalArgumentException when the file is unreadable or malformed, saying which and why
     */
    public static LinkPolicy load(Path file) {
        try {
            return parse(MAPPER.readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("link policy " + file + " cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    static LinkPolicy parse(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("link policy " + source + " must be a JSON object");
        }
        JsonNode http = node.path("allowHttp");
        if (!http.isMissingNode() && !http.isBoolean()) {
            throw new IllegalArgumentException(
                    "link policy " + source + ": allowHttp must be true or false, got " + http);
        }
        JsonNode schemes = node.path("appSchemes");
        Set<String> names = new LinkedHashSet<>();
        if (!schemes.isMissingNode()) {
            if (!schemes.isArray()) {
                throw new IllegalArgumentException(
                        "link policy " + source + ": appSchemes must be a list of scheme names, got " + schemes);
            }
            for (JsonNode s : schemes) {
                if (!s.isTextual()) {
                    throw new IllegalArgumentException(
                            "link policy " + source + ": appSchemes must hold scheme names, got " + s);
                }
                names.add(s.asText());
            }
        }
        try {
            return new LinkPolicy(http.asBoolean(false), names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("link policy " + source + ": " + e.getMessage(), e);
        }
    }

    private static LinkPolicy fromClasspath() {
        try (InputStream in = LinkPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the component-schemas jar");
            }
            return parse(MAPPER.readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    public Set<String> appSchemes() {
        return appSchemes;
    }

    public boolean allows(String target) {
        return problem(target).isEmpty();
    }

    /**
     * Why a link target is refused, as the end of a sentence about the link ("uses the scheme
     * javascript:, which runs code; ..."), or empty when it is allowed.
     */
    public Optional<String> problem(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.of("is empty");
        }
        String scheme = LinkScheme.of(target);
        if (scheme != null && !allowedScheme(scheme)) {
            return Optional.of(
                    NEVER.contains(scheme)
                            ? "uses the scheme " + scheme
                                    + ":, which runs code or reads local data where the link is shown; " + allowed()
                            : "uses the scheme " + scheme + ":, which is not allowed; " + allowed());
        }
        for (int i = 0; i < target.length(); i++) {
            int c = target.codePointAt(i);
            if (LinkScheme.invisible(c)) {
                return Optional.of(
                        "contains " + LinkScheme.describe(c) + " at position " + (i + 1)
                                + "; browsers drop or trim such characters, so write the link without it (encode a space as %20)");
            }
            if (c == '"' || c == '<' || c == '>' || c == '`') {
                // never valid unencoded in a URL (RFC 3986), and what breaks out of an attribute a client built as a
                // string
                return Optional.of("contains the character " + (char) c + " at position " + (i + 1)
                        + ", which a link must percent-encode (" + String.format("%%%02X", c) + ")");
            }
            if (c == '\\') {
                return Optional.of("contains a backslash at position " + (i + 1)
                        + ", which browsers read as '/'; use '/' or encode it as %5C");
            }
        }
        Matcher reference = CHARACTER_REFERENCE.matcher(target);
        if (reference.find()) {
            return Optional.of(
                    "contains the HTML character reference '" + reference.group() + "', which a client that decodes it"
                            + " may read as part of a scheme; write the character itself or percent-encode it");
        }
        if (target.startsWith("//")) {
            return Optional.of("starts with //, a link to another site without a scheme; write it in full, e.g. https:"
                    + LinkScheme.clip(target));
        }
        if (scheme == null) {
            int colon = target.indexOf(':');
            int end = LinkScheme.firstOf(target, "/?#");
            if (colon >= 0 && colon < end) {
                // RFC 3986 4.2: a relative path's first segment has no colon; a browser or app may read one as a scheme
                return Optional.of("has a ':' before the first '/', '?' or '#' but '"
                        + LinkScheme.clip(target.substring(0, colon)) + "' is not a plain scheme name; " + allowed());
            }
            return Optional.empty();
        }
        if (scheme.equals("http") || scheme.equals("https")) {
            return webAddress(target, scheme);
        }
        return Optional.empty();
    }

    /** http(s) needs {@code //host}: browsers read {@code https:evil} and {@code https:///evil} as {@code https://evil}. */
    private static Optional<String> webAddress(String target, String scheme) {
        String rest = target.substring(scheme.length() + 1);
        if (!rest.startsWith("//") || rest.length() == 2 || rest.charAt(2) == '/') {
            return Optional.of("must name a host right after " + scheme + "://, e.g. https://shop.example.com/sale");
        }
        int end = LinkScheme.firstOf(rest.substring(2), "/?#") + 2;
        String authority = rest.substring(2, Math.min(end, rest.length()));
        if (authority.contains("@")) {
            return Optional.of("carries a user name or password before the host ('" + LinkScheme.clip(authority)
                    + "'), which hides where the link really goes; link to the host itself");
        }
        return Optional.empty();
    }

    private boolean allowedScheme(String scheme) {
        return scheme.equals("https") || allowHttp && scheme.equals("http") || appSchemes.contains(scheme);
    }

    /** What is allowed, for the end of a message. */
    private String allowed() {
        List<String> schemes = new ArrayList<>();
        schemes.add("https:");
        if (allowHttp) {
            schemes.add("http:");
        }
        appSchemes.stream().sorted().forEach(s -> schemes.add(s + ":"));
        return "links may use " + String.join(", ", schemes) + " or be a path on this site (/sale, #deals)";
    }

    @Override
    public String toString() {
        return "LinkPolicy[allowHttp=" + allowHttp + ", appSchemes=" + new java.util.TreeSet<>(appSchemes) + "]";
    }
}
