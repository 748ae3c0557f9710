package io.github.camelpixazo.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The Retry-After header (RFC 9110 10.2.3): delay-seconds or an HTTP-date. A delay longer than {@link #MAX} (a
 * gateway answering {@code 99999999999}) is read as {@link #MAX}: no deadline or option reaches that far, and every
 * later computation on the duration stays within a {@code long} of nanoseconds.
 */
public final class RetryAfter {

    /** The longest delay read: a year, far past any jobTimeout or maxRetryDelay (at most 7 days). */
    public static final Duration MAX = Duration.ofDays(365);

    private RetryAfter() {
    }

    /** @return the delay it asks for (at most {@link #MAX}; zero for a date in the past), or null if absent or unreadable */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.matches("\\d{19,}")) {
            return MAX; // delay-seconds beyond a long
        }
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : seconds >= MAX.getSeconds() ? MAX : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(now, at);
                return delay.isNegative() ? Duration.ZERO : delay.compareTo(MAX) > 0 ? MAX : delay;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
