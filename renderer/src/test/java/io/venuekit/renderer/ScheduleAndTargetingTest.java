package io.venuekit.renderer;

import static io.venuekit.renderer.Pages.ALL_WEBP;
import static io.venuekit.renderer.Pages.component;
import static io.venuekit.renderer.Pages.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.device.Tier;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleAndTargetingTest {

    private final LayoutRenderer renderer = new LayoutRenderer(TestRegistry.load());

    private ObjectNode scheduled() {
        ObjectNode s = Pages.snapshot(TierPolicyTest.image("a"));
        s.putObject("schedule").put("start", "2026-11-11T00:00:00+08:00").put("end", "2026-11-12T00:00:00+08:00");
        return s;
    }

    private Layout render(ObjectNode snapshot, RenderRequest request) {
        return LayoutSchemaCheck.valid(
                renderer.render(snapshot, profile(Tier.HIGH), ALL_WEBP, new TestAssets(), request));
    }

    @Test
    void servesInsideTheSchedule() {
        assertEquals(
                1,
                render(scheduled(), RenderRequest.at(Instant.parse("2026-11-10T16:00:00Z")))
                        .payload()
                        .get("components")
                        .size());
    }

    @Test
    void refusesBeforeTheStart() {
        PageNotLiveException e = assertThrows(
                PageNotLiveException.class,
                () -> render(scheduled(), RenderRequest.at(Instant.parse("2026-11-10T15:59:59Z"))));
        assertEquals(PageNotLiveException.Reason.NOT_STARTED, e.reason());
        assertEquals("not-started", e.code());
    }

    @Test
    void refusesFromTheEnd() {
        PageNotLiveException e = assertThrows(
                PageNotLiveException.class,
                () -> render(scheduled(), RenderRequest.at(Instant.parse("2026-11-11T16:00:00Z"))));
        assertEquals(PageNotLiveException.Reason.ENDED, e.reason());
    }

    @Test
    void refusesARequestThePageIsNotTargetedAt() {
        ObjectNode s = Pages.snapshot(TierPolicyTest.image("a"));
        s.putObject("targeting").putArray("regions").add("CN");
        RenderRequest jp = new RenderRequest(Pages.NOW, "JP", "ios", Set.of());
        assertEquals(
                PageNotLiveException.Reason.NOT_TARGETED,
                assertThrows(PageNotLiveException.class, () -> render(s, jp)).reason());
        RenderRequest cn = new RenderRequest(Pages.NOW, "CN", "ios", Set.of());
        assertEquals(1, render(s, cn).payload().get("components").size());
    }

    @Test
    void showsTargetedSubtreesOnlyToMatchingRequests() {
        ObjectNode vip = TierPolicyTest.image("vip").deepCopy();
        vip.putObject("targeting").putArray("audiences").add("vip").add("new-user");
        ObjectNode android = TierPolicyTest.image("android").deepCopy();
        android.putObject("targeting").putArray("platforms").add("android");
        ObjectNode box = component("box", "promo-box", "{}", vip, android, TierPolicyTest.image("all"));
        ObjectNode s = Pages.snapshot(box);

        JsonNode anonymousIos =
                render(s, new RenderRequest(Pages.NOW, "CN", "ios", Set.of())).payload();
        assertEquals("[\"all\"]", ids(anonymousIos.at("/components/0/children")));
        JsonNode newUserAndroid = render(s, new RenderRequest(Pages.NOW, "CN", "android", Set.of("new-user")))
                .payload();
        assertEquals("[\"vip\",\"android\",\"all\"]", ids(newUserAndroid.at("/components/0/children")));
        assertEquals(0, newUserAndroid.get("substitutions").size(), "targeting is not a substitution");
    }

    @Test
    void cacheKeyHoldsOnlyTheFactsThePageTargets() {
        ObjectNode vip = TierPolicyTest.image("vip").deepCopy();
        vip.putObject("targeting").putArray("audiences").add("vip");
        ObjectNode targeted = Pages.snapshot(vip);
        ObjectNode plain = Pages.snapshot(TierPolicyTest.image("a"));
        RenderRequest vipCn = new RenderRequest(Pages.NOW, "CN", "ios", Set.of("vip", "student"));
        RenderRequest otherJp = new RenderRequest(Pages.NOW, "JP", "android", Set.of("student"));
        var high = profile(Tier.HIGH);
        assertEquals(
                renderer.cacheKey(plain, high, ALL_WEBP, vipCn, null),
                renderer.cacheKey(plain, high, ALL_WEBP, otherJp, null));
        assertNotEquals(
                renderer.cacheKey(targeted, high, ALL_WEBP, vipCn, null),
                renderer.cacheKey(targeted, high, ALL_WEBP, otherJp, null));
        assertEquals(
                renderer.cacheKey(targeted, high, ALL_WEBP, otherJp, null),
                renderer.cacheKey(targeted, high, ALL_WEBP, new RenderRequest(Pages.NOW, "CN", "ios", Set.of()), null),
                "audiences the page does not name do not split the cache");
    }

    private static String ids(JsonNode components) {
        StringBuilder b = new StringBuilder("[");
        components.forEach(c -> b.append(b.length() > 1 ? "," : "")
                .append('"')
                .append(c.get("id").asText())
                .append('"'));
        return b.append(']').toString();
    }
}
