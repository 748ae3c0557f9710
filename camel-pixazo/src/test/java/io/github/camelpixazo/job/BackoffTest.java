package io.github.camelpixazo.job;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @RepeatedTest(20)
    void retryDelaysDoubleWithJitterAndStayUnderTheCap() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
        for (int retry = 1; retry <= 40; retry++) {
            long exponential = Math.min(30_000, 1000L << Math.min(retry - 1, 20));
            long delay = policy.backoff(retry).toMillis();
            assertTrue(delay >= exponential / 2 && delay <= exponential,
                    "retry " + retry + ": " + delay + " ms not within [" + exponential / 2 + ", " + exponential + "]");
        }
    }

    /** A 429/503 asks to slow down: Retry-After 0 (or a date in the past) never shortens the backoff or the floor. */
    @RepeatedTest(20)
    void aRetryAfterOnlyLengthensTheWait() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(400), Duration.ofSeconds(30));
        io.github.camelpixazo.error.PixazoException throttled = new io.github.camelpixazo.error.PixazoException("429",
                429, null, null, null, null).withRetryAfter(Duration.ZERO);
        for (int retry = 1; retry <= 5; retry++) {
            long backoffFloor = Math.min(30_000, 400L << (retry - 1)) / 2;
            assertTrue(policy.delay(throttled, retry).toMillis() >= backoffFloor, "retry " + retry);
            assertTrue(policy.delay(throttled, retry, Duration.ofSeconds(5)).toMillis() >= 5000, "the poll interval");
        }
        assertEquals(Duration.ofSeconds(60), policy.delay(throttled.withRetryAfter(Duration.ofSeconds(60)), 1));
        // retryDelay=0: still never a tight loop
        RetryPolicy none = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);
        assertEquals(RetryPolicy.MIN_DELAY, none.delay(throttled.withRetryAfter(Duration.ZERO), 7));
        assertEquals(RetryPolicy.MIN_DELAY, none.delay(new java.io.IOException("reset"), 1));
    }

    /** Durations far beyond a long of nanoseconds or milliseconds saturate instead of throwing ArithmeticException. */
    @Test
    void hugeDurationsSaturate() {
        RetryPolicy huge = new RetryPolicy(3, Duration.ofMillis(Long.MAX_VALUE / 3), Duration.ofSeconds(Long.MAX_VALUE));
        for (int retry : new int[] {1, 2, 3, 62, 63, 64, 1000, Integer.MAX_VALUE}) {
            assertTrue(huge.backoff(retry).compareTo(Duration.ofDays(365 * 100)) > 0, "retry " + retry);
        }
        assertEquals(Long.MAX_VALUE, Durations.nanos(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, Durations.nanos(Duration.ofSeconds(Long.MIN_VALUE)));
        Deadline far = Deadline.after(Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(!far.expired() && far.remaining().compareTo(Duration.ofDays(365 * 70)) > 0, far.toString());
        PollSettings poll = new PollSettings(Duration.ofDays(7), 10, Duration.ofDays(7), Duration.ofDays(7));
        assertEquals(Duration.ofDays(7), poll.next(Duration.ofDays(7)));
    }

    @Test
    void pollIntervalsGrowByTheMultiplierUpToTheirCeiling() {
        PollSettings poll = new PollSettings(Duration.ofSeconds(5), 1.5, Duration.ofSeconds(20), Duration.ofMinutes(15));
        Duration interval = poll.interval();
        StringBuilder sequence = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sequence.append(interval.toMillis()).append(' ');
            interval = poll.next(interval);
        }
        assertEquals("5000 7500 11250 16875 20000 20000 ", sequence.toString());
        PollSettings constant = new PollSettings(Duration.ofSeconds(5), 1.0, Duration.ofSeconds(20), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(5), constant.next(Duration.ofSeconds(5)));
    }
}
