package io.github.camelpixazo.job;

import java.time.Duration;

/**
 * Durations as users write them in options (1d, 12h, 15m, 30s, 250ms; 60m stays 60m, as jobTimeout defaults read), and arithmetic on durations that cannot overflow: a
 * gateway's {@code Retry-After} or a user's option may be far longer than a {@code long} of nanoseconds holds
 * (292 years), and {@link Duration#toNanos()} then throws an untyped {@link ArithmeticException}.
 */
public final class Durations {

    private Durations() {
    }

    /** The duration in nanoseconds, saturated at {@link Long#MAX_VALUE} (and {@link Long#MIN_VALUE}). */
    public static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The longer of two durations. */
    public static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** As users write it: {@code 15m}, {@code 30s}, {@code 250ms} (saturated for absurd durations). */
    public static String format(Duration duration) {
        if (nanos(duration) == Long.MAX_VALUE) {
            return duration.getSeconds() + "s";
        }
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0 && millis > 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis > 0 && millis > 3_600_000) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
