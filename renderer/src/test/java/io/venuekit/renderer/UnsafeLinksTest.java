package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.ALL_WEBP;
import static io.venuekit.renderer.Pages.REQUEST;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static io.venuekit.renderer.Pages.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.device.Tier;
import io.venuekit.renderer.html.HtmlRenderer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A stored snapshot from before links were checked at save may hold any target: the renderer
 * never lets one the link policy refuses reach the JSON or the HTML, and says what it left out.
 */
class UnsafeLinksTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private final LayoutRenderer renderer = new LayoutRenderer(REGISTRY);
    private final HtmlRenderer html = new HtmlRenderer();

    private static final List<String> HOSTILE = List.of(
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u0000javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//evil.example",
            "/\\evil.example",
            "&#x6a;avascript:alert(1)");

    private Layout render(Tier tier, JsonNode... components) {
        return LayoutSchemaCheck.valid(
                renderer.render(snapshot(components), profile(tier), ALL_WEBP, new TestAssets(), REQUEST));
    }

    private static ObjectNode linked(String id, String target) {
        return component(
                id,
                "image",
                "{\"image\": {\"asset\": \"a1\"}, \"link\": {\"kind\": \"url\", \"target\": "
                        + TestRegistry.MAPPER.valueToTree(target) + "}}");
    }

    @Test
    void leavesOutEveryRefusedLinkTargetAndSaysSo() {
        for (String target : HOSTILE) {
            Layout layout = render(Tier.HIGH, linked("pic", target));
            JsonNode payload = layout.payload();
            assertFalse(payload.at("/components/0/props").has("link"), "link kept for " + target + ": " + payload);
            assertEquals("pic", payload.at("/components/0/id").asText(), "the image itself is still shown");
            assertEquals("/props/link", payload.at("/warnings/0/pointer").asText(), payload.toString());
            assertTrue(
                    payload.at("/warnings/0/reason").asText().startsWith("link left out: its target "),
                    payload.toString());
            assertNoHostileText(payload.get("components").toString(), target);
            assertNoHostileAttribute(html.render(layout), target);
        }
    }

    @Test
    void keepsSafeLinks() {
        JsonNode payload = render(
                        Tier.HIGH,
                        linked("a", "https://shop.example.com/sale"),
                        linked("b", "/sale#top"),
                        linked("c", "taobao://item?id=1"))
                .payload();
        assertEquals(
                "https://shop.example.com/sale",
                payload.at("/components/0/props/link/target").asText());
        assertEquals("/sale#top", payload.at("/components/1/props/link/target").asText());
        assertEquals(
                "taobao://item?id=1",
                payload.at("/components/2/props/link/target").asText());
        assertEquals(0, payload.get("warnings").size());
    }

    @Test
    void checksALinkCarriedOverByATierReplacement() {
        JsonNode video = component(
                "film",
                "video",
                "{\"src\": \"https://cdn.example.com/v.mp4\", \"poster\": {\"asset\": \"a1\"},"
                        + " \"link\": {\"kind\": \"url\", \"target\": \"javascript:alert(1)\"}}");
        JsonNode payload = render(Tier.LOW, video).payload();
        assertEquals("image", payload.at("/components/0/type").asText());
        assertFalse(payload.at("/components/0/props").has("link"), payload.toString());
    }

    @Test
    void checksLinksUnderAnyPropNameAndInsideLists() {
        JsonNode odd = component(
                "pic",
                "image",
                "{\"image\": {\"asset\": \"a1\"}, \"extra\": [{\"kind\": \"url\", \"target\": \"javascript:x\"}]}");
        // a prop the type does not declare is outside the typed contract, so no schema check here
        JsonNode payload = renderer.render(snapshot(odd), profile(Tier.HIGH), ALL_WEBP, new TestAssets(), REQUEST)
                .payload();
        assertTrue(payload.at("/components/0/props/extra/0").isNull(), payload.toString());
        assertEquals("/props/extra/0", payload.at("/warnings/0/pointer").asText());
    }

    @Test
    void turnsRefusedMarkdownLinksIntoTheirText() {
        Layout layout = render(
                Tier.HIGH,
                component(
                        "rules",
                        "rich-text",
                        "{\"text\": \"Read [the rules](javascript:alert(1)) or [ours](/rules) and <vbscript:msgbox(1)>\"}"));
        JsonNode payload = layout.payload();
        assertEquals(
                "Read the rules or [ours](/rules) and vbscript:msgbox(1)",
                payload.at("/components/0/props/text").asText());
        assertEquals(2, payload.get("warnings").size());
        assertEquals("/props/text", payload.at("/warnings/0/pointer").asText());
        assertTrue(
                payload.at("/warnings/0/reason")
                        .asText()
                        .startsWith("markdown link [the rules](javascript:alert(1)) shown as text:"),
                payload.at("/warnings/0/reason").asText());
        String page = html.render(layout);
        assertTrue(page.contains("<a href=\"/rules\">ours</a>"), page);
        assertNoHostileAttribute(page, "markdown");
    }

    @Test
    void removesRawHtmlFromMarkdownSoNoAppRendersIt() {
        Layout layout = render(
                Tier.HIGH,
                component(
                        "rules",
                        "rich-text",
                        "{\"text\": \"Win <img src=x onerror=alert(1)> now, see <https://shop.example.com>\"}"));
        JsonNode payload = layout.payload();
        assertEquals(
                "Win img src=x onerror=alert(1)> now, see <https://shop.example.com>",
                payload.at("/components/0/props/text").asText());
        assertEquals("/props/text", payload.at("/warnings/0/pointer").asText());
        assertEquals(
                "HTML left out of the markdown: 1 \"<\" removed, the first starting \"<img src=x onerror=alert(1)>\"",
                payload.at("/warnings/0/reason").asText());
        assertFalse(html.render(layout).contains("<img src=x"));
    }

    @Test
    void leavesOutMediaAddressesThatAreNotHttps() {
        JsonNode showcase = component(
                "s3d", "showcase-3d", "{\"model\": \"javascript:alert(1)//.glb\", \"poster\": {\"asset\": \"a1\"}}");
        Layout layout = render(Tier.HIGH, showcase);
        assertFalse(
                layout.payload().at("/components/0/props").has("model"),
                layout.payload().toString());
        assertEquals("/props/model", layout.payload().at("/warnings/0/pointer").asText());
        assertNoHostileText(layout.payload().get("components").toString(), "model");
        assertNoHostileAttribute(html.render(layout), "model");
    }

    @Test
    void followsTheOperatorsPolicy() {
        LayoutRenderer lenient = new LayoutRenderer(REGISTRY, PageSize.DEFAULT, new LinkPolicy(true, Set.of()));
        JsonNode payload = lenient.render(
                        snapshot(linked("pic", "http://shop.example.com/"), linked("app", "taobao://x")),
                        profile(Tier.HIGH),
                        ALL_WEBP,
                        new TestAssets(),
                        REQUEST)
                .payload();
        assertEquals(
                "http://shop.example.com/",
                payload.at("/components/0/props/link/target").asText());
        assertFalse(payload.at("/components/1/props").has("link"), "this operator lists no app schemes");
    }

    private static final List<String> BAD = List.of(
            "javascript:", "vbscript:", "data:text/html", "//evil.example", "\\evil.example", "&#x6a;avascript");

    /** The components of the JSON payload (warnings may quote what was left out) hold none of the hostile targets. */
    private static void assertNoHostileText(String json, String target) {
        String lower = json.toLowerCase(Locale.ROOT)
                .replace("\\t", "")
                .replace("\\n", "")
                .replace("\\u0000", "");
        for (String bad : BAD) {
            assertFalse(lower.contains(bad), "'" + bad + "' emitted for " + target + ":\n" + json);
        }
    }

    /** No URL attribute of the HTML starts with a hostile scheme or leaves the site without one, as a browser reads it. */
    private static void assertNoHostileAttribute(String page, String target) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?i)\\b(href|src|action|formaction|poster|data)\\s*=\\s*\"([^\"]*)\"")
                .matcher(page);
        while (m.find()) {
            String value = m.group(2)
                    .replace("&amp;", "&")
                    .replace("&#x6a;", "j")
                    .replace("&#106;", "j")
                    .replaceAll("[\\x00-\\x20]", "")
                    .replace('\\', '/')
                    .toLowerCase(Locale.ROOT);
            boolean hostile = value.startsWith("javascript:")
                    || value.startsWith("vbscript:")
                    || value.startsWith("data:text")
                    || value.startsWith("//");
            assertFalse(hostile, m.group() + " emitted for " + target);
        }
    }
}
