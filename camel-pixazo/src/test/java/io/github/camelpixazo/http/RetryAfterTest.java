package io.github.camelpixazo.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Sat, 21 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Sat, 21 Nov 2026 09:00:00 GMT", NOW));
    }

    /** Beyond a year (and beyond a long) reads as a year: no later arithmetic on it can overflow. */
    @Test
    void hugeDelaysAreCappedAtAYear() {
        assertEquals(RetryAfter.MAX, RetryAfter.parse("99999999999", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("99999999999999999999999", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW));
        assertEquals(Duration.ofDays(365), RetryAfter.MAX);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("-3", NOW));
    }
}
