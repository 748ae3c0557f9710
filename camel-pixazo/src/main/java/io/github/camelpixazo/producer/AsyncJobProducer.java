package io.github.camelpixazo.producer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.error.SecretRedactor;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.job.Durations;
import io.github.camelpixazo.job.Retrier;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous producer contract, once for all operations: {@link #start} validates and sends without blocking;
 * the result is written and the route continued on the component's worker pool - never on an HTTP thread or the
 * scheduler, whatever the load - and never by a thread that waited. Anything thrown before sending fails the exchange
 * synchronously, so nothing is sent for a bad message.
 * <p>
 * Every exchange completes, whatever is thrown where: each stage below catches {@link Throwable} (an
 * {@link OutOfMemoryError} included), and a watchdog fails the exchange should its job's deadline pass by a grace
 * period without any completion (which would be a bug in a lower layer, not a gateway's fault).
 */
abstract class AsyncJobProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncJobProducer.class);

    /** How long past the job's deadline the watchdog waits for the layers below to report it themselves. */
    static final Duration WATCHDOG_GRACE = Duration.ofSeconds(10);

    private volatile Executor workerPool;
    private volatile ScheduledExecutorService scheduler;

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
        scheduler = getEndpoint().scheduler();
    }

    /**
     * Starts the work for one exchange.
     *
     * @param deadline the job's one deadline ({@code jobTimeout} from now): every call of the job stays within it
     * @return completes with what to write into the message, or with the failure
     */
    protected abstract CompletableFuture<Consumer<Message>> start(Exchange exchange, Deadline deadline) throws Exception;

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Deadline deadline = Deadline.after(getEndpoint().pollSettings().jobTimeout());
        CompletableFuture<Consumer<Message>> work;
        try {
            work = start(exchange, deadline);
        } catch (Throwable e) {
            exchange.setException(withoutSecrets(e));
            callback.done(true);
            return true;
        }
        ScheduledFuture<?> watchdog = watch(work, deadline);
        work.whenComplete((writer, error) -> {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            handOff(exchange, callback, writer, error);
        });
        return false;
    }

    private ScheduledFuture<?> watch(CompletableFuture<Consumer<Message>> work, Deadline deadline) {
        try {
            return scheduler.schedule(() -> work.completeExceptionally(new PixazoTimeoutException("The pixazo call did"
                    + " not complete within jobTimeout=" + Durations.format(deadline.budget()) + " (and a grace of "
                    + WATCHDOG_GRACE.toSeconds() + " s). The job may still complete and be billed: query it with"
                    + " pixazo:status rather than submitting again.", null, null)),
                    deadline.remaining().plus(WATCHDOG_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null; // the component is stopping and fails what is pending itself
        }
    }

    /** Continues the route on a worker; the pool queues rather than let this (an I/O or scheduler) thread do it. */
    private void handOff(Exchange exchange, AsyncCallback callback, Consumer<Message> writer, Throwable error) {
        Runnable finish = () -> finish(exchange, callback, writer, error);
        try {
            workerPool.execute(finish);
        } catch (Throwable refused) { // not even a fallback thread could start (the JVM is out of threads)
            LOG.warn("Could not hand exchange {} to a worker ({}); completing it on {}", exchange.getExchangeId(),
                    refused.toString(), Thread.currentThread().getName());
            finish.run();
        }
    }

    /**
     * The failure the route sees, without the endpoint's API key in any form (see {@link SecretRedactor}): the last
     * guard for whatever quoted an echoing gateway, proxy or library on the way here.
     */
    private Throwable withoutSecrets(Throwable failure) {
        return getEndpoint().jobClient() != null ? getEndpoint().jobClient().redactor().redact(failure) : failure;
    }

    private void finish(Exchange exchange, AsyncCallback callback, Consumer<Message> writer, Throwable error) {
        try {
            if (error != null) {
                exchange.setException(withoutSecrets(Retrier.unwrap(error)));
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
