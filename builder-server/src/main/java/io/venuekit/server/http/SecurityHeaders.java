package io.venuekit.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers every response carries, added just before the headers go out so that a handler which
 * forgets them, or fails, cannot leave them off: {@code nosniff} everywhere; on HTML, a content
 * security policy without inline scripts, who may frame the page, and a referrer policy.
 * A handler that needs a stricter policy (the draft preview) sets its own CSP first.
 */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");

    /** The builder and library: scripts are module files of this origin, styles may be inline. */
    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'";

    private final String venuePolicy;

    /** @param venueScriptHash the {@code 'sha256-…'} source of the venue page's one script */
    public SecurityHeaders(String venueScriptHash) {
        this.venuePolicy = venuePolicy(venueScriptHash);
    }

    /**
     * H5 venue pages: images and video from anywhere over https (CDNs), the one countdown script by
     * its hash, this origin's script files (the device probe, the live script) and requests to this origin
     * (the live data, claims and draws), and no forms, plugins or base rewriting.
     */
    static String venuePolicy(String scriptHash) {
        return "default-src 'none'; script-src 'self' " + scriptHash
                + "; style-src 'unsafe-inline'; img-src 'self' https: data:;"
                + " media-src 'self' https:; font-src 'self' https:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none';"
                + " form-action 'none'";
    }

    /** The draft preview: as a venue page, in a sandbox of its own (no script, opaque origin), even when opened directly. */
    public String previewPolicy() {
        return "sandbox; " + venuePolicy;
    }

    /**
     * Headers for the venue page template: its one script is static text that Thymeleaf copies as
     * it is, so its hash, taken here from the template, is the hash of what browsers receive.
     */
    public static SecurityHeaders forVenueTemplate(byte[] template) {
        if (template == null) {
            throw new IllegalStateException("the venue page template is not on the class path");
        }
        Matcher script = SCRIPT.matcher(new String(template, StandardCharsets.UTF_8));
        if (!script.find()) {
            return new SecurityHeaders("'none'");
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
            return new SecurityHeaders("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL);

    public void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.headersEndHandler(ignored -> {
            response.putHeader(NOSNIFF_NAME, NOSNIFF);
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
                if (!response.headers().contains(CSP)) {
                    response.putHeader(CSP, ctx.normalizedPath().startsWith("/venues/") ? venuePolicy : APP_POLICY);
                }
                response.putHeader("X-Frame-Options", "SAMEORIGIN");
                response.putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            }
        });
        ctx.next();
    }
}
