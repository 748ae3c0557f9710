package io.github.camelpixazo.job;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelpixazo.error.PixazoException;

/**
 * Exponential backoff with jitter and a cap: the n-th retry waits about {@code initialDelay * 2^(n-1)}, never more
 * than {@code maxDelay}. Jitter spreads thousands of jobs throttled at the same moment. A gateway's
 * {@code Retry-After} can only lengthen the wait: the next attempt never comes sooner than it asked, nor sooner than
 * the backoff. A 429 or 503 is a request to slow down, so {@code Retry-After: 0} or an HTTP-date in the past (a
 * skewed clock) must not turn the retries into a tight loop (RFC 9110 10.2.3 leaves the client free to wait longer).
 *
 * @param maxRetries retries after the first attempt (0 = no retry); applies to submits and to {@code pixazo:status}
 *                   queries (a waiting job's status queries and downloads are retried until its deadline instead)
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    /**
     * The shortest wait between two attempts of a call, also with {@code retryDelay=0}: downloads and a waiting job's
     * status queries are retried until the deadline, which must never become a tight loop.
     */
    public static final Duration MIN_DELAY = Duration.ofMillis(10);

    /** The delay before retry number {@code retry} (1-based): between half and all of the exponential value. */
    public Duration backoff(int retry) {
        long base = Math.max(0, Durations.nanos(initialDelay) / 1_000_000);
        int shift = Math.max(0, retry - 1);
        // base << shift, saturated: it fits while the shift stays below base's leading zeros
        long exponential = base == 0 ? 0 : shift < Long.numberOfLeadingZeros(base) - 1 ? base << shift : Long.MAX_VALUE;
        long capped = Math.min(exponential, Math.max(0, Durations.nanos(maxDelay) / 1_000_000));
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    /** The gateway's Retry-After carried by the failure (429 or 503), or null. */
    public static Duration retryAfter(Throwable failure) {
        return failure instanceof PixazoException pixazo ? pixazo.getRetryAfter() : null;
    }

    /**
     * The wait before retry number {@code retry} (1-based): the backoff (at least {@link #MIN_DELAY}), or what the
     * gateway asked for in a {@code Retry-After} when that is longer.
     */
    public Duration delay(Throwable failure, int retry) {
        Duration backoff = Durations.max(backoff(retry), MIN_DELAY);
        Duration asked = retryAfter(failure);
        return asked != null ? Durations.max(asked, backoff) : backoff;
    }

    /** As {@link #delay(Throwable, int)}, never shorter than {@code floor} (a waiting job's poll interval). */
    public Duration delay(Throwable failure, int retry, Duration floor) {
        return Durations.max(delay(failure, retry), floor);
    }
}
