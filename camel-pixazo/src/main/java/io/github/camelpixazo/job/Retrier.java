package io.github.camelpixazo.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs an asynchronous call again after a delay while a {@link Decision} says the failure is worth retrying. Waiting
 * is a scheduled task, never a sleeping thread.
 */
public final class Retrier {

    /** Decides after each failure: the delay before the next attempt, or empty to give up with that failure. */
    @FunctionalInterface
    public interface Decision {
        Optional<Duration> retryAfter(Throwable failure, int retriesSoFar);
    }

    private final ScheduledExecutorService scheduler;

    public Retrier(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> call, Decision decision) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(call, decision, 0, result);
        return result;
    }

    private <T> void attempt(Supplier<CompletableFuture<T>> call, Decision decision, int retries, CompletableFuture<T> result) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            Optional<Duration> delay;
            try {
                delay = decision.retryAfter(cause, retries);
            } catch (RuntimeException e) {
                delay = Optional.empty();
            }
            if (delay.isEmpty()) {
                result.completeExceptionally(cause);
                return;
            }
            try {
                scheduler.schedule(() -> attempt(call, decision, retries + 1, result), delay.get().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(cause);
            }
        });
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
