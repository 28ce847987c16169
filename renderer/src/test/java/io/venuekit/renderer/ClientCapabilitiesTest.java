package io.venuekit.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientCapabilitiesTest {

    @Test
    void readsContractAndTypes() {
        ClientCapabilities caps = ClientCapabilities.parse("contract=1; types=hero-banner, image ,product-card");
        assertEquals(1, caps.contract());
        assertFalse(caps.allTypes());
        assertEquals(Set.of("hero-banner", "image", "product-card"), caps.types());
        assertTrue(caps.supports("image"));
        assertFalse(caps.supports("video"));
    }

    @Test
    void aClientThatSaysNothingSupportsEveryType() {
        assertTrue(ClientCapabilities.parse(null).supports("video"));
        assertTrue(ClientCapabilities.parse("  ").supports("video"));
        assertTrue(ClientCapabilities.parse("contract=1").supports("video"));
        assertTrue(ClientCapabilities.parse("contract=1; types=all").supports("video"));
    }

    @Test
    void ignoresUnknownKeys() {
        assertEquals(
                Set.of("image"),
                ClientCapabilities.parse("contract=1; sdk=5.2; types=image").types());
    }

    @Test
    void rejectsAContractThisServerDoesNotSpeak() {
        InvalidCapabilitiesException e =
                assertThrows(InvalidCapabilitiesException.class, () -> ClientCapabilities.parse("contract=2"));
        assertEquals("invalid-capabilities", e.code());
        assertTrue(e.getMessage().contains("contract 2"));
        assertThrows(InvalidCapabilitiesException.class, () -> ClientCapabilities.parse("contract=one"));
    }

    @Test
    void readsWebpFromAccept() {
        ClientCapabilities caps = ClientCapabilities.DEFAULT;
        assertTrue(caps.withAccept("image/avif,image/webp,image/apng,*/*;q=0.8").webp());
        assertFalse(caps.withAccept("image/png,image/*;q=0.8").webp(), "image/* does not promise WebP");
        assertFalse(caps.withAccept("image/webp;q=0, image/jpeg").webp());
        assertFalse(caps.withAccept(null).webp());
    }

    @Test
    void cacheKeyIsCanonical() {
        String a = ClientCapabilities.parse("types=image,hero-banner")
                .withAccept("image/webp")
                .cacheKey();
        String b = ClientCapabilities.parse("contract=1;types=hero-banner,image")
                .withAccept("image/webp")
                .cacheKey();
        assertEquals(a, b);
        assertEquals("c1;hero-banner,image;webp", a);
    }
}
