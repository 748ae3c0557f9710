package io.github.camelpixazo.job;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter and a cap: the n-th retry waits about {@code initialDelay * 2^(n-1)}, never more
 * than {@code maxDelay}. Jitter spreads thousands of jobs throttled at the same moment.
 *
 * @param maxRetries retries after the first attempt (0 = no retry)
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
}
