package io.github.camelpixazo.job;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelpixazo.error.PixazoException;

/**
 * Exponential backoff with jitter and a cap: the n-th retry waits about {@code initialDelay * 2^(n-1)}, never more
 * than {@code maxDelay}. Jitter spreads thousands of jobs throttled at the same moment. A gateway's
 * {@code Retry-After} replaces the backoff: the next attempt never comes sooner than it asked.
 *
 * @param maxRetries retries after the first attempt (0 = no retry); applies to submits and to {@code pixazo:status}
 *                   queries (a waiting job's status queries and downloads are retried until its deadline instead)
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    /** The delay before retry number {@code retry} (1-based): between half and all of the exponential value. */
    public Duration backoff(int retry) {
        long base = initialDelay.toMillis();
        long exponential = retry >= 31 ? Long.MAX_VALUE : base << Math.max(0, retry - 1);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    /** The gateway's Retry-After carried by the failure (429 or 503), or null. */
    public static Duration retryAfter(Throwable failure) {
        return failure instanceof PixazoException pixazo ? pixazo.getRetryAfter() : null;
    }

    /** The wait before retry number {@code retry}: what the gateway asked for if it did, else {@link #backoff(int)}. */
    public Duration delay(Throwable failure, int retry) {
        Duration asked = retryAfter(failure);
        return asked != null ? asked : backoff(retry);
    }
}
