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
