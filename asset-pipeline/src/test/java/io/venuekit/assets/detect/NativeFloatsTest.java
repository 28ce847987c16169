package io.venuekit.assets.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class NativeFloatsTest {

    @Test
    void aBufferGivenBackServesTheNextRunThatFitsInIt() {
        NativeFloats pool = new NativeFloats();
        FloatBuffer first = pool.take(100);
        assertTrue(first.isDirect());
        assertEquals(0, first.position());
        assertEquals(100, first.limit());
        first.put(5, 1f);
        pool.give(first);
        FloatBuffer again = pool.take(60);
        assertSame(first, again);
        assertEquals(60, again.limit(), "limited to what this run asks, so a tensor over it has the right size");
        pool.give(again);
        FloatBuffer larger = pool.take(1000);
        assertNotSame(first, larger);
        assertEquals(1000, larger.remaining());
    }

    @Test
    void runsAtTheSameTimeGetTheirOwnBuffers() {
        NativeFloats pool = new NativeFloats();
        FloatBuffer a = pool.take(10), b = pool.take(10);
        assertNotSame(a, b);
    }
}
