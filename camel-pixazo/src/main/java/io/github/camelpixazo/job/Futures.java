package io.github.camelpixazo.job;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** CompletableFuture helpers the JDK lacks. */
final class Futures {

    private Futures() {
    }

    /**
     * {@code source.thenApply(fn)}, except that cancelling the result also cancels {@code source}: cancelling an
     * attempt must abort its HTTP exchange, not only forget it.
     */
    static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
        CompletableFuture<B> mapped = source.thenApply(fn);
        mapped.whenComplete((value, error) -> {
            if (error instanceof CancellationException && !source.isDone()) {
                source.cancel(true);
            }
        });
        return mapped;
    }

    /**
     * {@code source} with its failure (unwrapped from a {@link java.util.concurrent.CompletionException}) replaced by
     * {@code fn}'s; cancelling the result also cancels {@code source}.
     */
    static <A> CompletableFuture<A> mapFailure(CompletableFuture<A> source, Function<Throwable, Throwable> fn) {
        CompletableFuture<A> mapped = new CompletableFuture<>();
        source.whenComplete((value, error) -> {
            if (error == null) {
                mapped.complete(value);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                mapped.completeExceptionally(cause instanceof CancellationException ? cause : fn.apply(cause));
            }
        });
        mapped.whenComplete((value, error) -> {
            if (error instanceof CancellationException && !source.isDone()) {
                source.cancel(true);
            }
        });
        return mapped;
    }
}
