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
}
