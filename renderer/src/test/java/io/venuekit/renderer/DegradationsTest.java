package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.ALL_WEBP;
import static io.venuekit.renderer.Pages.REQUEST;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static io.venuekit.renderer.Pages.snapshot;
import static io.venuekit.renderer.TierPolicyTest.image;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.venuekit.device.DeviceProfile;
import io.venuekit.device.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The payload's {@code degradations}: one entry per thing a tier (or the client, or reduced
 * motion) changed, with the component, tier, kind and a sentence, so the builder can say per
 * tier what was degraded and why.
 */
class DegradationsTest {

    private final LayoutRenderer renderer = new LayoutRenderer(TestRegistry.load());

    private static final String VIDEO =
            "{\"src\": \"https://v/1.mp4\", \"poster\": {\"asset\": \"a1\"}, \"caption\": \"Film\"}";

    private JsonNode render(JsonNode snapshot, DeviceProfile profile, ClientCapabilities caps) {
        return LayoutSchemaCheck.valid(renderer.render(snapshot, profile, caps, new TestAssets(), REQUEST))
                .payload();
    }

    private JsonNode render(JsonNode snapshot, Tier tier) {
        return render(snapshot, profile(tier), ALL_WEBP);
    }

    @Test
    void reportsAReplacement() {
        assertEquals(
                List.of("v low replace promo-video -> promo-image on low"),
                entries(render(snapshot(component("v", "promo-video", VIDEO)), Tier.LOW)));
    }

    @Test
    void reportsEachPropOverrideThatChangesAValueWithItsPointer() {
        JsonNode payload = render(snapshot(component("v", "promo-video", VIDEO)), Tier.MID);
        assertEquals(List.of("v mid props promo-video: autoplay switched off on mid"), entries(payload));
        assertEquals("/props/autoplay", payload.at("/degradations/0/pointer").asText());
        assertEquals("promo-video", payload.at("/degradations/0/type").asText());
    }

    @Test
    void saysNothingOfAnOverrideThatChangesNothing() {
        JsonNode still = render(
                snapshot(component(
                        "v",
                        "promo-video",
                        "{\"src\": \"https://v/1.mp4\", \"poster\": {\"asset\": \"a1\"}, \"autoplay\": false}")),
                Tier.MID);
        assertEquals(List.of(), entries(still));
        assertEquals(
                List.of(),
                entries(render(snapshot(component("v", "promo-video", VIDEO)), Tier.HIGH)),
                "high degrades nothing");
    }

    @Test
    void reportsAChildCapWithHowManyWereLeftOut() {
        JsonNode gallery =
                component("g", "promo-gallery", "{}", image("i1"), image("i2"), image("i3"), image("i4"), image("i5"));
        assertEquals(
                List.of(
                        "g low props promo-gallery: autoplay switched off on low",
                        "g low cap promo-gallery shows 2 of its 5 children on low; 3 left out"),
                entries(render(snapshot(gallery), Tier.LOW)));
        assertEquals(
                List.of("g mid cap promo-gallery shows 4 of its 5 children on mid; 1 left out"),
                entries(render(snapshot(gallery), Tier.MID)));
        JsonNode fits = component("g", "promo-gallery", "{}", image("i1"), image("i2"), image("i3"), image("i4"));
        assertEquals(List.of(), entries(render(snapshot(fits), Tier.MID)), "a cap that cuts nothing is no degradation");
    }

    @Test
    void countsOnlyChildrenThisRequestWouldSeeAsLeftOut() {
        JsonNode hidden = image("i4");
        ((com.fasterxml.jackson.databind.node.ObjectNode) hidden)
                .putObject("targeting")
                .putArray("audiences")
                .add("vip");
        JsonNode gallery = component(
                "g", "promo-gallery", "{}", image("i1"), image("i2"), image("i3"), image("i4"), image("i5"), hidden);
        assertEquals(
                List.of("g mid cap promo-gallery shows 4 of its 5 children on mid; 1 left out"),
                entries(render(snapshot(gallery), Tier.MID)));
    }

    @Test
    void reportsADrop() {
        assertEquals(
                List.of("s low drop promo-sparkle left out on low"),
                entries(render(
                        snapshot(component("s", "promo-sparkle", "{\"title\": \"Wow\"}"), image("i1")), Tier.LOW)));
    }

    @Test
    void reportsAComponentDeferredPastTheFirstScreen() {
        JsonNode payload = render(
                snapshot(image("i1"), component("feed", "promo-feed", "{\"feedId\": \"f1\"}"), image("i2")), Tier.LOW);
        assertEquals(1, payload.get("components").size());
        assertEquals(
                List.of("feed low lazy promo-feed deferred past the first screen on low"),
                entries(payload),
                "what the deferred feed would degrade is reported on the page that shows it");
    }

    @Test
    void reportsALazyComponentInsideAModuleOnTheModule() {
        JsonNode box = component(
                "box", "promo-box", "{}", image("i1"), component("feed", "promo-feed", "{\"feedId\": \"f1\"}"));
        JsonNode payload = render(snapshot(image("i0"), box), Tier.MID);
        assertEquals(
                List.of(
                        "box mid lazy promo-box deferred past the first screen on mid: it holds promo-feed, which mid loads lazily"),
                entries(payload));
    }

    @Test
    void reportsOverridesOnTheLaterPageThatShowsTheDeferredComponent() {
        JsonNode snapshot = snapshot(image("i1"), component("feed", "promo-feed", "{\"feedId\": \"f1\"}"));
        Layout first = renderer.render(snapshot, profile(Tier.LOW), ALL_WEBP, new TestAssets(), REQUEST);
        JsonNode second = LayoutSchemaCheck.valid(renderer.page(
                        snapshot,
                        profile(Tier.LOW),
                        ALL_WEBP,
                        new TestAssets(),
                        REQUEST,
                        first.next().orElseThrow()))
                .payload();
        assertEquals(List.of("feed low props promo-feed: pageSize set to 10 on low (was 20)"), entries(second));
    }

    @Test
    void reportsAFallbackForAClientThatDoesNotKnowTheType() {
        JsonNode payload = render(
                snapshot(component("g", "promo-game", "{\"title\": \"Spin\", \"gameId\": \"g1\"}")),
                profile(Tier.HIGH),
                ClientCapabilities.parse("contract=1; types=promo-text"));
        assertEquals(
                List.of(
                        "g high fallback promo-game -> promo-sparkle: the client does not support promo-game",
                        "g high fallback promo-sparkle -> promo-text: the client does not support promo-sparkle"),
                entries(payload));
    }

    @Test
    void reportsReducedMotion() {
        JsonNode payload = render(
                snapshot(component("v", "promo-video", VIDEO)),
                Pages.profile(Tier.HIGH, Tier.HIGH, 3.0, 390, true),
                ALL_WEBP);
        assertEquals(
                List.of(
                        "v high motion promo-video: autoplay switched off for reduced motion",
                        "v high motion promo-video: loop switched off for reduced motion"),
                entries(payload));
    }

    @Test
    void saysPerTierWhatTheRealComponentsDegrade() {
        LayoutRenderer real = new LayoutRenderer(io.venuekit.components.ComponentRegistry.loadDefault());
        JsonNode[] slides = new JsonNode[5];
        for (int i = 0; i < slides.length; i++) {
            slides[i] = component("slide" + i, "image", "{\"image\": {\"asset\": \"s" + i + "\"}}");
        }
        JsonNode page = snapshot(
                component(
                        "film",
                        "video",
                        "{\"src\": \"https://cdn.example.com/v.mp4\", \"poster\": {\"asset\": \"p1\"}, \"autoplay\": false}"),
                component("slides", "carousel", "{\"autoplay\": false}", slides),
                component(
                        "clock",
                        "countdown",
                        "{\"target\": \"2026-11-11T00:00:00+08:00\", \"style\": \"flip\", \"animated\": false}"));
        JsonNode low = LayoutSchemaCheck.valid(
                        real.render(page, profile(Tier.LOW), ALL_WEBP, new TestAssets(), REQUEST))
                .payload();
        assertEquals(
                List.of(
                        "film low replace Video -> Image on low",
                        "slides low cap Image carousel shows 3 of its 5 children on low; 2 left out",
                        "clock low props Countdown: Digit style set to \"plain\" on low (was \"flip\")"),
                entries(low));
        JsonNode high = LayoutSchemaCheck.valid(
                        real.render(page, profile(Tier.HIGH), ALL_WEBP, new TestAssets(), REQUEST))
                .payload();
        assertEquals(List.of(), entries(high));
    }

    /** "id tier kind message", with → written as -> for readable expectations. */
    static List<String> entries(JsonNode payload) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : payload.get("degradations")) {
            out.add(d.get("id").asText() + " " + d.get("tier").asText() + " "
                    + d.get("kind").asText() + " " + d.get("message").asText().replace("→", "->"));
        }
        return out;
    }
}
