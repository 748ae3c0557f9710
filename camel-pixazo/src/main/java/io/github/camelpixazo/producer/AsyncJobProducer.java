package io.github.camelpixazo.producer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.job.Retrier;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The asynchronous producer contract, once for all operations: {@link #start(Exchange)} validates and sends without
 * blocking; the result is written and the route continued on the component's worker pool, not on an HTTP I/O thread
 * (unless that pool is saturated or gone) and never by a thread that waited. Anything thrown before sending fails the exchange synchronously, so
 * nothing is sent for a bad message.
 */
abstract class AsyncJobProducer extends DefaultAsyncProducer {

    private volatile ExecutorService workerPool;

    AsyncJobProducer(PixazoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PixazoEndpoint getEndpoint() {
        return (PixazoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workerPool = getEndpoint().workerPool();
    }

    /**
     * Starts the work for one exchange.
     *
     * @return completes with what to write into the message, or with the failure
     */
    protected abstract CompletableFuture<Consumer<Message>> start(Exchange exchange) throws Exception;

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Consumer<Message>> work;
        try {
            work = start(exchange);
        } catch (Throwable e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((writer, error) -> {
            Runnable finish = () -> finish(exchange, callback, writer, error);
            ExecutorService pool = workerPool;
            if (pool != null) {
                try {
                    pool.execute(finish);
                    return;
                } catch (RejectedExecutionException stoppingOrSaturated) {
                    // the component is stopping, or workerPoolMaxSize threads are busy: complete here rather than never
                }
            }
            finish.run();
        });
        return false;
    }

    private static void finish(Exchange exchange, AsyncCallback callback, Consumer<Message> writer, Throwable error) {
        try {
            if (error != null) {
                exchange.setException(Retrier.unwrap(error));
            } else {
                writer.accept(exchange.getMessage());
            }
        } catch (Throwable e) {
            exchange.setException(e);
        } finally {
            callback.done(false);
        }
    }
}
