package io.github.camelpixazo.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedMediaCacheTest {

    @Test
    void rendersOnceAndEvictsTheLeastRecentlyUsed() {
        RenderedMediaCache cache = new RenderedMediaCache(2, 1000);
        AtomicInteger renders = new AtomicInteger();
        cache.get("a", () -> bytes(10, renders));
        cache.get("b", () -> bytes(10, renders));
        cache.get("a", () -> bytes(10, renders)); // a is now the most recent
        assertEquals(2, renders.get());

        cache.get("c", () -> bytes(10, renders));
        assertTrue(cache.contains("a"));
        assertFalse(cache.contains("b"), "b was least recently used");
        assertEquals(2, cache.size());
    }

    @Test
    void evictsByBytesButKeepsTheNewestEntry() {
        RenderedMediaCache cache = new RenderedMediaCache(10, 100);
        AtomicInteger renders = new AtomicInteger();
        cache.get("a", () -> bytes(60, renders));
        cache.get("b", () -> bytes(60, renders));
        assertFalse(cache.contains("a"));
        byte[] huge = cache.get("huge", () -> bytes(500, renders));
        assertEquals(500, huge.length);
        assertTrue(cache.contains("huge"), "an entry larger than the budget is still kept alone");
        assertEquals(1, cache.size());
        assertArrayEquals(huge, cache.get("huge", () -> bytes(1, renders)));
    }

    private static byte[] bytes(int length, AtomicInteger renders) {
        renders.incrementAndGet();
        return new byte[length];
    }
}
