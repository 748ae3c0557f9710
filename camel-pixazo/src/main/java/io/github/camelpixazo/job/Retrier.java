package io.github.camelpixazo.job;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.camelpixazo.error.PixazoException;

/**
 * The one retry layer of a call: runs an asynchronous attempt again after a delay while a {@link Decision} says the
 * failure is worth it, and never past the call's {@link Deadline}. The deadline is checked before each attempt, each
 * attempt gets only what is left of it, and a delay that reaches past it ends the call at the deadline. Waiting is a
 * scheduled task, never a sleeping thread. Every call not yet finished is known, so that stopping the component can
 * fail them instead of leaving their exchanges waiting forever; ending a call cancels its attempt in flight.
 * <p>
 * Every callback here catches {@link Throwable}: an {@link Error} in a decision or a stopped scheduler must still
 * complete the call, or its exchange would never complete.
 */
public final class Retrier {

    /** Decides after each failure: the delay before the next attempt, or empty to give up with that failure. */
    @FunctionalInterface
    public interface Decision {
        Optional<Duration> retryAfter(Throwable failure, int retriesSoFar);
    }

    /** One attempt, given what is left of the deadline. */
    @FunctionalInterface
    public interface Attempt<T> {
        CompletableFuture<T> start(Duration timeLeft);
    }

    private final ScheduledExecutorService scheduler;
    private final Map<CompletableFuture<?>, String> pending = new ConcurrentHashMap<>();

    public Retrier(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param ifAbandoned what the failure says if the component stops before the call finished: which call, and
     *                    what that means for the job
     * @param deadline    no attempt starts after it
     * @param expired     the failure to end with when the deadline passes, given the last failure (or null)
     */
    public <T> CompletableFuture<T> run(String ifAbandoned, Deadline deadline, Attempt<T> attempt, Decision decision,
                                        Function<Throwable, ? extends Throwable> expired) {
        Run<T> run = new Run<>(deadline, attempt, decision, expired);
        pending.put(run.result, ifAbandoned);
        run.result.whenComplete((value, error) -> {
            pending.remove(run.result);
            run.cancelCurrent();
        });
        run.attempt(0, null);
        return run.result;
    }

    /** Fails every unfinished call: the component is stopping and the scheduler will run nothing more. */
    public void abandonAll() {
        pending.forEach((future, ifAbandoned) -> future.completeExceptionally(new PixazoException(
                "The pixazo component stopped during " + ifAbandoned)));
    }

    private final class Run<T> {
        private final Deadline deadline;
        private final Attempt<T> attempt;
        private final Decision decision;
        private final Function<Throwable, ? extends Throwable> expired;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private volatile CompletableFuture<T> current;
        private volatile Throwable telling;

        Run(Deadline deadline, Attempt<T> attempt, Decision decision, Function<Throwable, ? extends Throwable> expired) {
            this.deadline = deadline;
            this.attempt = attempt;
            this.decision = decision;
            this.expired = expired;
        }

        void attempt(int retries, Throwable lastFailure) {
            if (result.isDone()) {
                return;
            }
            if (deadline.expired()) {
                result.completeExceptionally(expiredFailure(lastFailure));
                return;
            }
            CompletableFuture<T> future;
            try {
                future = attempt.start(deadline.remaining());
            } catch (Throwable e) {
                future = CompletableFuture.failedFuture(e);
            }
            current = future;
            if (result.isDone()) {
                future.cancel(true);
                return;
            }
            future.whenComplete((value, error) -> {
                try {
                    if (error == null) {
                        result.complete(value);
                    } else {
                        retryOrFail(unwrap(error), retries);
                    }
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        }

        private void retryOrFail(Throwable cause, int retries) {
            telling = moreTelling(telling, cause);
            if (deadline.expired()) {
                result.completeExceptionally(expiredFailure(telling));
                return;
            }
            Optional<Duration> delay;
            try {
                delay = decision.retryAfter(cause, retries);
            } catch (Throwable e) {
                e.addSuppressed(cause);
                result.completeExceptionally(e);
                return;
            }
            if (delay.isEmpty()) {
                result.completeExceptionally(cause);
                return;
            }
            long remaining = deadline.remaining().toNanos();
            long wait = Math.max(0, Durations.nanos(delay.get())); // a Retry-After may be longer than 292 years
            Throwable last = telling;
            // a wait that reaches past the deadline ends the call at the deadline, without a last attempt
            Runnable next = wait >= remaining
                    ? () -> result.completeExceptionally(expiredFailure(last))
                    : () -> attempt(retries + 1, last);
            try {
                scheduler.schedule(next, Math.min(wait, remaining), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(cause);
            }
        }

        private Throwable expiredFailure(Throwable lastFailure) {
            try {
                return expired.apply(lastFailure);
            } catch (Throwable e) {
                return e;
            }
        }

        void cancelCurrent() {
            CompletableFuture<T> inFlight = current;
            if (inFlight != null && !inFlight.isDone()) {
                inFlight.cancel(true);
            }
        }
    }

    /**
     * Which failure to report when a call ends at its deadline: an attempt cut short by the deadline itself says
     * less than the answer before it (a 503, a page that is not an image), so the earlier one is kept.
     */
    static Throwable moreTelling(Throwable previous, Throwable latest) {
        return previous != null && latest instanceof io.github.camelpixazo.http.TimeLimitExceededException
                ? previous : latest;
    }

    /** The real failure inside CompletableFuture's wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
