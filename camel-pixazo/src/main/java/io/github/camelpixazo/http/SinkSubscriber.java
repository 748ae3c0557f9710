package io.github.camelpixazo.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds the JDK client's body chunks into a {@link BodySink}, one chunk requested at a time (so a slow disk slows the
 * download instead of filling the heap), enforcing the size limit. Every {@link Throwable} - an
 * {@link OutOfMemoryError} included - ends the body with that failure instead of escaping into the client's thread
 * and leaving the call uncompleted.
 */
final class SinkSubscriber<T> implements HttpResponse.BodySubscriber<T> {

    private final BodySink<T> sink;
    private final long maxBytes;
    private final Runnable activity;
    private final Throwable failure;
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private long received;

    SinkSubscriber(BodySink<T> sink, long maxBytes, Runnable activity) {
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.activity = activity;
        this.failure = null;
    }

    private SinkSubscriber(Throwable failure) {
        this.sink = null;
        this.maxBytes = 0;
        this.activity = () -> {
        };
        this.failure = failure;
    }

    /** A subscriber that refuses the body: the response handler failed before any body was read. */
    static <T> SinkSubscriber<T> failing(Throwable failure) {
        return new SinkSubscriber<>(failure);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (failure != null) {
            subscription.cancel();
            fail(failure);
        } else if (finished.get()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        try {
            for (ByteBuffer chunk : chunks) {
                received += chunk.remaining();
                if (received > maxBytes) {
                    throw new ResponseTooLargeException(maxBytes);
                }
                sink.write(chunk);
            }
            activity.run();
            subscription.request(1);
        } catch (Throwable e) {
            abort(e);
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error);
    }

    @Override
    public void onComplete() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            T result = sink.complete();
            if (!body.complete(result)) {
                sink.dispose(result);
            }
        } catch (Throwable e) {
            discardQuietly();
            body.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<T> getBody() {
        return body;
    }

    /** Releases a result nobody will take (the call failed while the body was completing). */
    void dispose(T result) {
        if (sink != null) {
            try {
                sink.dispose(result);
            } catch (Throwable ignored) {
                // nothing more to do
            }
        }
    }

    /** Stops reading (the call timed out or was cancelled) and releases what was received. */
    void abort(Throwable cause) {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        fail(cause);
    }

    private void fail(Throwable cause) {
        if (finished.compareAndSet(false, true)) {
            discardQuietly();
            body.completeExceptionally(cause);
        }
    }

    private void discardQuietly() {
        if (sink == null) {
            return;
        }
        try {
            sink.discard();
        } catch (Throwable ignored) {
            // the failure being reported matters more
        }
    }
}
