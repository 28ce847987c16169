package io.venuekit.server.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void absentHeaderOrTagNeverMatches() {
        assertFalse(EntityTags.noneMatchHits(null, "\"a\""));
        assertFalse(EntityTags.noneMatchHits("\"a\"", null));
        assertFalse(EntityTags.noneMatchHits("", "\"a\""));
    }

    @Test
    void sameTagMatchesAndOtherTagsDoNot() {
        assertTrue(EntityTags.noneMatchHits("\"abc\"", "\"abc\""));
        assertFalse(EntityTags.noneMatchHits("\"abd\"", "\"abc\""));
        // a tag that only contains the wanted one is a different tag
        assertFalse(EntityTags.noneMatchHits("\"live-1-2\"", "\"live-1\""));
        assertFalse(EntityTags.noneMatchHits("abc", "\"abc\""));
    }

    @Test
    void weakComparisonIgnoresTheWeakMarkerOnEitherSide() {
        assertTrue(EntityTags.noneMatchHits("W/\"abc\"", "\"abc\""));
        assertTrue(EntityTags.noneMatchHits("\"abc\"", "W/\"abc\""));
        assertTrue(EntityTags.noneMatchHits("W/\"abc\"", "W/\"abc\""));
    }

    @Test
    void anyMemberOfAListMatches() {
        assertTrue(EntityTags.noneMatchHits("\"x\", W/\"y\",\"abc\"", "\"abc\""));
        assertTrue(EntityTags.noneMatchHits("\"x\",\t\"abc\" ", "\"abc\""));
        assertFalse(EntityTags.noneMatchHits("\"x\", \"y\"", "\"abc\""));
    }

    @Test
    void commaInsideATagDoesNotSplitIt() {
        assertTrue(EntityTags.noneMatchHits("\"a,b\"", "\"a,b\""));
        assertFalse(EntityTags.noneMatchHits("\"a,b\"", "\"b\""));
    }

    @Test
    void starMatchesAnything() {
        assertTrue(EntityTags.noneMatchHits("*", "\"abc\""));
        assertTrue(EntityTags.noneMatchHits(" * ", "W/\"abc\""));
    }

    @Test
    void unterminatedTagDoesNotMatch() {
        assertFalse(EntityTags.noneMatchHits("\"abc", "\"abc\""));
    }
}
