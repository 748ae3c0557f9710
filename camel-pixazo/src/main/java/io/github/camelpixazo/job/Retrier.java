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
import java.util.function.Supplier;

import io.github.camelpixazo.error.PixazoException;

/**
 * Runs an asynchronous call again after a delay while a {@link Decision} says the failure is worth retrying. Waiting
 * is a scheduled task, never a sleeping thread. Every call not yet finished is known, so that stopping the component
 * can fail them instead of leaving their exchanges waiting forever.
 */
public final class Retrier {

    /** Decides after each failure: the delay before the next attempt, or empty to give up with that failure. */
    @FunctionalInterface
    public interface Decision {
        Optional<Duration> retryAfter(Throwable failure, int retriesSoFar);
    }

    private final ScheduledExecutorService scheduler;
    private final Map<CompletableFuture<?>, String> pending = new ConcurrentHashMap<>();

    public Retrier(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param ifAbandoned what the failure says if the component stops before the call finished: which call, and
     *                    what that means for the job
     */
    public <T> CompletableFuture<T> run(String ifAbandoned, Supplier<CompletableFuture<T>> call, Decision decision) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pending.put(result, ifAbandoned);
        result.whenComplete((value, error) -> pending.remove(result));
        attempt(call, decision, 0, result);
        return result;
    }

    /** Fails every unfinished call: the component is stopping and the scheduler will run nothing more. */
    public void abandonAll() {
        pending.forEach((future, ifAbandoned) -> future.completeExceptionally(new PixazoException(
                "The pixazo component stopped during " + ifAbandoned)));
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
