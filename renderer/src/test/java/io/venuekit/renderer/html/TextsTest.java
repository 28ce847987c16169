package io.venuekit.renderer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextsTest {

    private final Texts texts = new Texts();

    @Test
    void datesAreShownInTheOffsetTheyWereWrittenIn() {
        assertEquals("2026-11-11 00:00", texts.dateTime("2026-11-11T00:00:00+08:00"));
        assertEquals("2026-11-10 16:00", texts.dateTime("2026-11-10T16:00:00Z"));
        assertEquals("soon", texts.dateTime("soon"));
        assertEquals("", texts.dateTime(null));
    }

    @Test
    void theMarkdownSubsetBecomesHtml() {
        assertEquals(
                "<p><strong>How coupons work</strong></p><ul><li>Stack with <em>shop</em> coupons</li><li>One per account</li></ul>"
                        + "<p>See <a href=\"/venues/rules\">the rules</a><br>or ask.</p><ol><li>first</li></ol>",
                texts.markdown(
                        "**How coupons work**\n- Stack with *shop* coupons\n- One per account\n\nSee [the rules](/venues/rules)\nor ask.\n1. first"));
    }

    @Test
    void nothingTypedBecomesMarkup() {
        assertEquals(
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>",
                texts.markdown("<script>alert(1)</script> & \"x\""));
        String unsafe = texts.markdown("[click](javascript:alert(1))");
        assertTrue(!unsafe.contains("href") && !unsafe.contains("javascript") && unsafe.startsWith("<p>click"), unsafe);
        assertEquals("<p>x</p>", texts.markdown("[x](\"onmouseover=alert(1))"));
        assertEquals("<p>2 * 3 * 4</p>", texts.markdown("2 * 3 * 4"), "a lone star is not emphasis");
        assertEquals(
                "<p>&lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt;</p>",
                texts.markdown("<b onclick=\"x()\">hi</b>"),
                "inline HTML");
        assertEquals("<p>&lt;div&gt;</p>", texts.markdown("<div>"), "an HTML block");
        assertEquals(
                "<p>a cat</p>",
                texts.markdown("![a cat](https://img.example.com/cat.png)"),
                "an image shows its description");
        assertEquals("<p># Rules</p>", texts.markdown("# Rules"), "no headings in a campaign note");
    }

    @Test
    void aHostileMegabyteOfMarkdownRendersInLinearTime() {
        // a draft's text is not cut to its maxLength before the preview renders it
        for (String hostile : new String[] {
            "[".repeat(500_000) + "](x",
            "**a ".repeat(250_000),
            "*a ".repeat(330_000),
            "[a](".repeat(250_000),
            "](".repeat(500_000)
        }) {
            String html = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> texts.markdown(hostile));
            assertTrue(html.startsWith("<p>"), html.substring(0, 20));
        }
        String atTheLimit = "[a](/x) " + "**b".repeat((Texts.MAX_MARKDOWN_CHARS - 8) / 3);
        String html = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> texts.markdown(atTheLimit));
        assertTrue(html.startsWith("<p><a href=\"/x\">a</a>"), "markdown still applies up to the limit");
        assertEquals(
                "<p>[a](/x)<br>" + "x".repeat(Texts.MAX_MARKDOWN_CHARS) + "</p>",
                texts.markdown("[a](/x)\n" + "x".repeat(Texts.MAX_MARKDOWN_CHARS)),
                "longer: plain text");
    }

    @Test
    void aLinkTheLinkPolicyRefusesStaysText() {
        assertEquals("<p>shop</p>", texts.markdown("[shop](//evil.example)"), "another site without a scheme");
        assertEquals("<p>shop</p>", texts.markdown("[shop](/\\evil.example)"), "a backslash a browser reads as /");
        assertEquals(
                "<p>shop</p>",
                texts.markdown("[shop](http://shop.example.com)"),
                "plain http unless the policy allows it");
        assertEquals(
                "<p><a href=\"https://shop.example.com/?a=1&amp;b=2\">shop</a></p>",
                texts.markdown("[shop](https://shop.example.com/?a=1&b=2)"));
        assertEquals(
                "<p><a href=\"taobao://item?id=1\">app</a></p>",
                texts.markdown("[app](taobao://item?id=1)"),
                "a listed app scheme");
    }
}
