package io.github.camelpixazo.job;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for jobs to reach a terminal status by polling on a shared scheduler with backoff. A waiting job is a
 * scheduled task and a small object, not a thread: thousands can be in flight on one scheduler thread and the HTTP
 * client's I/O threads. Each status change is logged at DEBUG (logger {@code io.github.camelpixazo.job}).
 */
public final class JobWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(JobWaiter.class);

    private final ScheduledExecutorService scheduler;
    private final Set<Wait> waiting = ConcurrentHashMap.newKeySet();

    public JobWaiter(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Polls the job until COMPLETED, FAILED or ERROR and completes with that snapshot; fails with a
     * {@link PixazoTimeoutException} after {@code jobTimeout}. Transient status failures (5xx, 429, I/O, garbled
     * answers) only delay the next query; others (401, 403, 404) fail the wait at once.
     */
    public CompletableFuture<JobSnapshot> awaitTerminal(SubmittedJob job, JobClient client, PollSettings settings) {
        Wait wait = new Wait(job, client, settings);
        waiting.add(wait);
        wait.result.whenComplete((snapshot, error) -> waiting.remove(wait));
        wait.schedule(settings.interval());
        return wait.result;
    }

    /** The number of jobs being waited for right now. */
    public int inFlight() {
        return waiting.size();
    }

    /**
     * Fails every wait still pending: used when the component stops. Their jobs live on at the gateway, so the
     * message says how to find them.
     */
    public void abandonAll() {
        for (Wait wait : waiting) {
            wait.result.completeExceptionally(new PixazoException("The pixazo component stopped while waiting for job "
                    + wait.job.requestId() + " (last status " + wait.lastStatus + "). The job continues at the gateway:"
                    + " query it with pixazo:status rather than submitting again.", 0, null, null, wait.job.requestId(),
                    null));
        }
    }

    private final class Wait {
        private final SubmittedJob job;
        private final JobClient client;
        private final PollSettings settings;
        private final long deadline;
        private final CompletableFuture<JobSnapshot> result = new CompletableFuture<>();
        private volatile Duration interval;
        private volatile JobStatus lastStatus;
        private volatile String lastFailure;

        Wait(SubmittedJob job, JobClient client, PollSettings settings) {
            this.job = job;
            this.client = client;
            this.settings = settings;
            this.deadline = System.nanoTime() + settings.jobTimeout().toNanos();
            this.interval = settings.interval();
            this.lastStatus = job.status();
        }

        void schedule(Duration delay) {
            long remaining = deadline - System.nanoTime();
            long delayNanos = Math.max(0, Math.min(delay.toNanos(), remaining));
            try {
                scheduler.schedule(this::poll, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(new PixazoException("The pixazo component is stopping; job "
                        + job.requestId() + " was not awaited. Query it with pixazo:status.", 0, null, null,
                        job.requestId(), stopping));
            }
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            client.status(job.requestId()).whenComplete((snapshot, error) -> {
                if (error != null) {
                    Throwable failure = Retrier.unwrap(error);
                    if (!FailureKinds.transientForIdempotentCall(failure)) {
                        result.completeExceptionally(failure); // e.g. 401, 404: asking again will not help
                        return;
                    }
                    // the job is queued and paid for: a gateway hiccup must not abandon it, keep asking until jobTimeout
                    lastFailure = failure.getMessage();
                    LOG.debug("Job {}: status query failed ({}); still waiting", job.requestId(), lastFailure);
                } else {
                    lastFailure = null;
                    if (snapshot.status() != lastStatus) {
                        LOG.debug("Job {}: {} -> {}", job.requestId(), lastStatus, snapshot.status());
                        lastStatus = snapshot.status();
                    }
                    if (snapshot.status().isTerminal()) {
                        result.complete(snapshot);
                        return;
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    result.completeExceptionally(new PixazoTimeoutException("Job " + job.requestId()
                            + " did not finish within jobTimeout=" + Durations.format(settings.jobTimeout())
                            + " (last status " + lastStatus
                            + (lastFailure != null ? "; the last status query failed: " + lastFailure : "")
                            + "). It may still complete and be billed: query it with pixazo:status (header"
                            + " CamelPixazoRequestId) rather than submitting again, or raise jobTimeout.",
                            job.requestId(), null));
                } else {
                    interval = settings.next(interval);
                    schedule(interval);
                }
            });
        }
    }
}
