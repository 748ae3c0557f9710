package io.github.camelpixazo.job;

import java.time.Duration;

/**
 * The one deadline of a job: {@code jobTimeout} from the moment its submit starts. Every call the job makes - the
 * submit and its retries, each status query, each download - is given what is left of it, and none starts after it.
 * A budget longer than {@link #MAX_BUDGET} (options refuse more than 7 days long before) is held as that maximum, so
 * the arithmetic on {@link System#nanoTime()} never overflows.
 */
public final class Deadline {

    /** About 73 years: far beyond any option, and small enough that nanoTime arithmetic cannot wrap. */
    public static final Duration MAX_BUDGET = Duration.ofNanos(Long.MAX_VALUE / 4);

    private final Duration budget;
    private final long at;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.at = System.nanoTime() + Math.max(0, Math.min(Durations.nanos(budget), MAX_BUDGET.toNanos()));
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** The whole budget ({@code jobTimeout}), for messages. */
    public Duration budget() {
        return budget;
    }

    /** What is left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, at - System.nanoTime()));
    }

    /** Whether it has passed: no call may start any more. */
    public boolean expired() {
        return at - System.nanoTime() <= 0;
    }

    @Override
    public String toString() {
        return "Deadline[" + remaining().toMillis() + " ms of " + Durations.format(budget) + " left]";
    }
}
