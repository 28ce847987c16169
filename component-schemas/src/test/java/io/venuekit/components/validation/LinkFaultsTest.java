package io.venuekit.components.validation;

import static io.venuekit.components.validation.PageValidatorTest.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.links.LinkPolicy;
import io.venuekit.faults.Fault;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Links of kind url and markdown links, checked against the link policy at save. */
class LinkFaultsTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.loadDefault();
    private static final PageValidator VALIDATOR = new PageValidator(REGISTRY);

    @Test
    void refusesAJavascriptLinkWithThePointerToItsTarget() {
        List<Fault> faults = VALIDATOR.validate(page("""
                {"id": "hero", "type": "hero-banner", "props": {"image": {"asset": "a1"}, "title": "Hi",
                 "link": {"kind": "url", "target": "JavaScript:alert(1)"}}}"""));
        assertEquals(
                List.of(PageFaults.at(
                        "/components/0/props/link/target",
                        "hero",
                        "hero-banner",
                        "unsafe-link",
                        "Link target \"JavaScript:alert(1)\" uses the scheme javascript:, which runs code or reads local data where the link"
                                + " is shown; links may use https:, openapp.jdmobile:, taobao:, tmall:, venuekit: or be a path on this site"
                                + " (/sale, #deals)")),
                faults);
    }

    @Test
    void showsControlCharactersInTheMessageInsteadOfPrintingThem() {
        Fault v = single("""
                {"id": "pic", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "url", "target": "java\\tscript:x"}}}""");
        assertEquals("/components/0/props/link/target", v.pointer());
        assertTrue(v.message().startsWith("Link target \"java\\tscript:x\" uses the scheme javascript:"), v.message());
    }

    @Test
    void checksLinksOfEveryTypeThatHasThem() {
        List<Fault> faults = VALIDATOR.validate(page("""
                {"id": "grid", "type": "product-grid", "props": {"moreLink": {"kind": "url", "target": "//evil.example"}}},
                {"id": "shop", "type": "shop-card", "props": {"shopId": "s1", "link": {"kind": "url", "target": "data:text/html,x"}}}"""));
        assertEquals(
                List.of("/components/0/props/moreLink/target", "/components/1/props/link/target"),
                faults.stream()
                        .filter(f -> f.code().equals("unsafe-link"))
                        .map(Fault::pointer)
                        .toList(),
                faults.toString());
    }

    @Test
    void leavesOtherKindsOfLinkAndSafeUrlsAlone() {
        assertEquals(List.of(), VALIDATOR.validate(page("""
                {"id": "a", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "url", "target": "https://shop.example.com/sale"}}},
                {"id": "b", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "url", "target": "/sale#top"}}},
                {"id": "c", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "product", "target": "javascript:x"}}},
                {"id": "d", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "url", "target": "taobao://item?id=1"}}}""")));
    }

    @Test
    void refusesAMarkdownLinkNamingItInTheMessage() {
        Fault v = single("""
                {"id": "rules", "type": "rich-text", "props": {"text": "Read the [rules](javascript:alert(1)) first"}}""");
        assertEquals("/components/0/props/text", v.pointer());
        assertEquals("unsafe-link", v.code());
        assertEquals(
                "Text has the link [rules](javascript:alert(1)), whose target \"javascript:alert(1)\" uses the scheme javascript:,"
                        + " which runs code or reads local data where the link is shown; links may use https:, openapp.jdmobile:, taobao:,"
                        + " tmall:, venuekit: or be a path on this site (/sale, #deals)",
                v.message());
    }

    @Test
    void countsAMarkdownLinkToAnotherHostWithoutSchemeAsExternal() {
        Fault v = single("""
                {"id": "rules", "type": "rich-text", "props": {"text": "[shop](//evil.example/x) and <vbscript:msgbox(1)>"}}""");
        List<Fault> all = VALIDATOR.validate(page("""
                {"id": "rules", "type": "rich-text", "props": {"text": "[shop](//evil.example/x) and <vbscript:msgbox(1)>"}}"""));
        assertEquals(2, all.size(), all.toString());
        assertTrue(v.message().contains("starts with //"), v.message());
    }

    @Test
    void refusesRawHtmlInMarkdownWhichAppsWouldRender() {
        List<Fault> faults = VALIDATOR.validate(page("""
                {"id": "rules", "type": "rich-text", "props": {"text": "Win <img src=x onerror=alert(1)> now</b>, see <https://shop.example.com>"}}"""));
        assertEquals(
                List.of(PageFaults.at(
                        "/components/0/props/text",
                        "rules",
                        "rich-text",
                        "markdown-html",
                        "Text contains HTML (\"<img src=x onerror=alert(1)>\", 2 tags in all); rich text takes markdown only:"
                                + " remove the tags, or put a space after a \"<\" meant as text")),
                faults);
        assertTrue(faults.get(0).severity().blocksSave());
    }

    @Test
    void followsTheOperatorsPolicy() {
        PageValidator lenient =
                new PageValidator(REGISTRY, ValidationLimits.DEFAULT, new LinkPolicy(true, Set.of("weixin")));
        assertEquals(List.of(), lenient.validate(page("""
                {"id": "a", "type": "image", "props": {"image": {"asset": "a1"}, "link": {"kind": "url", "target": "http://shop.example.com"}}},
                {"id": "b", "type": "rich-text", "props": {"text": "[chat](weixin://dl/chat)"}}""")));
    }

    @Test
    void checksThePropsFormToo() {
        List<Fault> faults = VALIDATOR.validateProps("image", PageValidatorTest.json("""
                {"image": {"asset": "a1"}, "link": {"kind": "url", "target": "vbscript:x"}}"""));
        assertEquals(
                List.of("/link/target"), faults.stream().map(Fault::pointer).toList());
    }

    private static Fault single(String components) {
        List<Fault> faults = VALIDATOR.validate(page(components));
        assertTrue(!faults.isEmpty(), "no fault");
        return faults.get(0);
    }
}
