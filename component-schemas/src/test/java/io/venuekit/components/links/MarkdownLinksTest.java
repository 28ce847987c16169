package io.venuekit.components.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownLinksTest {

    private static final LinkPolicy POLICY = LinkPolicy.bundled();

    @Test
    void findsInlineLinksWithTitlesAnglesAndNestedParentheses() {
        List<String> found =
                MarkdownLinks.find("See [rules](/rules \"Rules\"), [a](<javascript:x>) and [b](javascript:alert(1)).")
                        .stream()
                        .map(MarkdownLinks.Link::destination)
                        .toList();
        assertEquals(List.of("/rules", "javascript:x", "javascript:alert(1)"), found);
    }

    @Test
    void findsAutolinksAndReferenceDefinitions() {
        List<String> found =
                MarkdownLinks.find("Go <JavaScript:alert(1)> or [here][r].\n\n[r]: //evil.example \"t\"").stream()
                        .map(MarkdownLinks.Link::destination)
                        .toList();
        assertEquals(List.of("JavaScript:alert(1)", "//evil.example"), found);
    }

    @Test
    void replacesEachRefusedLinkByItsLabelAndKeepsTheRest() {
        List<MarkdownLinks.Link> refused = new ArrayList<>();
        String text =
                "**Rules** [ok](https://shop.example.com) [bad](javascript:alert(1)) <data:text/html,x> end\n[r]: //evil";
        assertEquals(
                "**Rules** [ok](https://shop.example.com) bad data:text/html,x end\n",
                MarkdownLinks.withoutRefused(text, POLICY, refused));
        assertEquals(3, refused.size());
    }

    @Test
    void cleansALinkHiddenInTheLabelOfARefusedLink() {
        List<MarkdownLinks.Link> refused = new ArrayList<>();
        assertEquals(
                "x javascript:y", MarkdownLinks.withoutRefused("[x <javascript:y>](javascript:z)", POLICY, refused));
        assertEquals(2, refused.size());
    }

    @Test
    void readsAHostileMegabyteInLinearTime() {
        // "](" a third of a million times with no ")" and no "[": each link must not rescan the whole text
        String hostile = "](".repeat(350_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> MarkdownLinks.find(hostile));
        String brackets = "[".repeat(500_000) + "](" + "(".repeat(500_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> MarkdownLinks.withoutRefused(brackets, POLICY, new ArrayList<>()));
    }

    @Test
    void leavesTextWithoutLinksAsItIs() {
        String text = "Prices [incl. VAT] (China only)";
        assertEquals(text, MarkdownLinks.withoutRefused(text, POLICY, new ArrayList<>()));
    }
}
