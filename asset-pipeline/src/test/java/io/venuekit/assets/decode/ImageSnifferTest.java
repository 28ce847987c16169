package io.venuekit.assets.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.venuekit.assets.AssetRejectedException;
import io.venuekit.assets.RejectionReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageSnifferTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "<?xml version=\"1.0\"?><svg/>",
                "\uFEFF  \n<svg width=\"10\" height=\"10\"></svg>",
                "<!-- logo --><svg/>",
                "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\"><svg/>"
            })
    void refusesSvgWhateverItStartsWith(String svg) {
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class, () -> ImageSniffer.sniff(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(RejectionReason.UNSUPPORTED_TYPE, e.reason());
        assertEquals(415, e.httpStatus());
        assertTrue(e.getMessage().startsWith("This file is an SVG; upload a JPEG, PNG, WebP or GIF."), e.getMessage());
    }

    @Test
    void refusesUnknownBytes() {
        AssetRejectedException e = assertThrows(
                AssetRejectedException.class,
                () -> ImageSniffer.sniff("hello, this is text".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(RejectionReason.UNSUPPORTED_TYPE, e.reason());
        assertEquals("This file is not an image we can read. Upload a JPEG, PNG, WebP, GIF or TIFF.", e.getMessage());
    }

    @Test
    void namesAPhoneHeicInTheMessage() {
        byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        AssetRejectedException e = assertThrows(AssetRejectedException.class, () -> ImageSniffer.sniff(heic));
        assertTrue(e.getMessage().contains("HEIC photo from a phone"), e.getMessage());
    }

    @Test
    void refusesAnEmptyFile() {
        AssetRejectedException e = assertThrows(AssetRejectedException.class, () -> ImageSniffer.sniff(new byte[0]));
        assertEquals(RejectionReason.UNSUPPORTED_TYPE, e.reason());
    }

    @Test
    void ignoresTheNameAndTrustsTheBytes() {
        // A PNG signature wins even if a client called it photo.jpg: there is no name to pass.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        assertEquals(ImageFormat.PNG, ImageSniffer.sniff(png));
    }
}
