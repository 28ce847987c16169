package io.venuekit.components.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {

    @Test
    void findsEveryStartOfRawHtml() {
        String text = "a <b>bold</b> <img src=x onerror=alert(1)> <!-- c --> <?php ?> <!DOCTYPE x> <![CDATA[x]]>";
        assertEquals(List.of(2, 9, 14, 43, 54, 63, 76), MarkdownHtml.find(text));
    }

    @Test
    void leavesAutolinksComparisonsAndEntitiesAlone() {
        assertEquals(
                List.of(),
                MarkdownHtml.find(
                        "<https://shop.example.com/sale> <rules@shop.example.com> 3 < 5, 5 <= 6, <3 &lt;b&gt;"));
    }

    @Test
    void removesTheAngleThatWouldStartATag() {
        String text = "Hi <script>alert(1)</script> <https://ok.example>";
        assertEquals(
                "Hi script>alert(1)/script> <https://ok.example>", MarkdownHtml.without(text, MarkdownHtml.find(text)));
    }

    @Test
    void showsTheFirstTagShortened() {
        assertEquals("<img src=x onerror=alert(1)>", MarkdownHtml.shown("x <img src=x onerror=alert(1)> y", 2));
        assertEquals(
                "<a href=\"javascript:alert(1)\" title=\"lon…",
                MarkdownHtml.shown("<a href=\"javascript:alert(1)\" title=\"long long\">", 0));
    }

    @Test
    void readsAHostileMegabyteInLinearTime() {
        String hostile = "<a".repeat(500_000);
        assertEquals(
                500_000,
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> MarkdownHtml.find(hostile))
                        .size());
        String autolinks = "<a:".repeat(330_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> MarkdownHtml.find(autolinks));
    }
}
