package io.github.camelpixazo.job;

import java.time.Duration;

/** How one job is waited for: first interval, growth per unfinished answer, ceiling, and the deadline. */
public record PollSettings(Duration interval, double backoffMultiplier, Duration maxInterval, Duration jobTimeout) {

    /** The interval after one that found the job unfinished. */
    Duration next(Duration current) {
        long grown = (long) Math.ceil(current.toMillis() * backoffMultiplier);
        return Duration.ofMillis(Math.min(Math.max(grown, current.toMillis()), maxInterval.toMillis()));
    }
}
