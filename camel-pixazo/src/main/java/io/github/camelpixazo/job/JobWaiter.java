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
import io.github.camelpixazo.gateway.CallPhase;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.media.SpoolTarget;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for jobs to reach a terminal status by polling on a shared scheduler with backoff. A waiting job is a
 * scheduled task and a small object, not a thread: thousands can be in flight on one scheduler thread and the HTTP
 * client's few threads. Each status change is logged at DEBUG (logger {@code io.github.camelpixazo.job}).
 * <p>
 * The poll loop is the only retry layer of a waiting job's status queries: each query is a single attempt
 * ({@link JobClient#statusOnce}) given what is left of the job's {@link Deadline}; a failed one is classified by
 * {@link FailureKinds#transientAfterAcceptance} and, when transient, asked again after the gateway's
 * {@code Retry-After} (obeyed whole, however long: the deadline is the only cap for a job that is paid for), never
 * sooner than the retry backoff and the current poll interval ({@link RetryPolicy#delay(Throwable, int, Duration)}). No query starts after the deadline, and its expiry is always a {@link PixazoTimeoutException}
 * carrying the request id.
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
     * {@link PixazoTimeoutException} when the deadline passes. Transient status failures only delay the next query;
     * those that say the job or key is gone (401, 403, 404, ...) fail the wait at once.
     */
    public CompletableFuture<JobSnapshot> awaitTerminal(SubmittedJob job, JobClient client, PollSettings settings,
                                                        Deadline deadline) {
        return awaitTerminal(job, client, settings, deadline, SpoolTarget.inMemory());
    }

    /**
     * As {@link #awaitTerminal(SubmittedJob, JobClient, PollSettings, Deadline)}, decoding images the final answer
     * carries inline (Pixapi's {@code b64_json}) into {@code spool}.
     */
    public CompletableFuture<JobSnapshot> awaitTerminal(SubmittedJob job, JobClient client, PollSettings settings,
                                                        Deadline deadline, SpoolTarget spool) {
        return awaitTerminal(job, client, settings, deadline, spool, JobEvents.NONE);
    }

    /**
     * As {@link #awaitTerminal(SubmittedJob, JobClient, PollSettings, Deadline, SpoolTarget)}, telling {@code events}
     * of each status query, each query asked again after a failure, and each status change.
     */
    public CompletableFuture<JobSnapshot> awaitTerminal(SubmittedJob job, JobClient client, PollSettings settings,
                                                        Deadline deadline, SpoolTarget spool, JobEvents events) {
        Wait wait = new Wait(job, client, settings, deadline, spool, events);
        waiting.add(wait);
        wait.result.whenComplete((snapshot, error) -> {
            waiting.remove(wait);
            wait.cancelQuery();
        });
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
        private final Deadline deadline;
        private final SpoolTarget spool;
        private final JobEvents events;
        private final CompletableFuture<JobSnapshot> result = new CompletableFuture<>();
        private volatile Duration interval;
        private volatile JobStatus lastStatus;
        private volatile Throwable lastFailure;
        private volatile int failuresInARow;
        private volatile CompletableFuture<JobSnapshot> query;

        Wait(SubmittedJob job, JobClient client, PollSettings settings, Deadline deadline, SpoolTarget spool,
             JobEvents events) {
            this.job = job;
            this.events = events;
            this.spool = spool;
            this.client = client;
            this.settings = settings;
            this.deadline = deadline;
            this.interval = settings.interval();
            this.lastStatus = job.status();
        }

        void schedule(Duration delay) {
            long delayNanos = Math.max(0, Math.min(Durations.nanos(delay), deadline.remaining().toNanos()));
            try {
                scheduler.schedule(this::poll, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                result.completeExceptionally(new PixazoException("The pixazo component is stopping; job "
                        + job.requestId() + " was not awaited. Query it with pixazo:status.", 0, null, null,
                        job.requestId(), stopping));
            }
        }

        void poll() {
            try {
                if (result.isDone()) {
                    return;
                }
                if (deadline.expired()) {
                    expire();
                    return;
                }
                CompletableFuture<JobSnapshot> sent = client.statusOnce(job.ref(), deadline.remaining(), spool);
                JobEvents.tell(events::polled);
                query = sent;
                sent.whenComplete((snapshot, error) -> {
                    try {
                        answered(snapshot, error);
                    } catch (Throwable e) { // never leave the job's exchange waiting, whatever went wrong
                        result.completeExceptionally(e);
                    }
                });
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }

        private void answered(JobSnapshot snapshot, Throwable error) {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                Throwable failure = Retrier.unwrap(error);
                if (!FailureKinds.transientAfterAcceptance(failure)) {
                    result.completeExceptionally(failure instanceof PixazoException
                            ? failure : client.describe(failure, CallPhase.STATUS, job.requestId()));
                    return;
                }
                // the job is queued and paid for: a gateway hiccup must not abandon it, keep asking until the deadline
                lastFailure = Retrier.moreTelling(lastFailure, failure);
                int failures = ++failuresInARow;
                if (deadline.expired()) {
                    expire();
                    return;
                }
                // never sooner than the poll interval: a 429 or 503 asks to slow down, whatever its Retry-After says
                Duration delay = client.retryPolicy().delay(failure, failures, interval);
                LOG.debug("Job {}: status query failed ({}); asking again in {} ms", job.requestId(),
                        JobClient.message(failure), delay.toMillis());
                JobEvents.tell(events::retried);
                schedule(delay);
                return;
            }
            lastFailure = null;
            failuresInARow = 0;
            if (snapshot.status() != lastStatus) {
                LOG.debug("Job {}: {} -> {}{}", job.requestId(), lastStatus, snapshot.status(),
                        snapshot.progress() != null ? " (" + snapshot.progress() + "%)" : "");
                JobStatus from = lastStatus;
                lastStatus = snapshot.status();
                JobEvents.tell(() -> events.statusChanged(from, snapshot));
            }
            if (snapshot.status().isTerminal()) {
                result.complete(snapshot);
                return;
            }
            if (deadline.expired()) {
                expire();
                return;
            }
            interval = settings.next(interval);
            schedule(interval);
        }

        private void expire() {
            Throwable failure = lastFailure;
            result.completeExceptionally(new PixazoTimeoutException("Job " + job.requestId()
                    + " did not finish within jobTimeout=" + Durations.format(deadline.budget())
                    + " (last status " + lastStatus
                    + (failure != null ? "; the last status query failed: " + JobClient.message(failure) : "")
                    + "). It may still complete and be billed: query it with pixazo:status (header"
                    + " CamelPixazoRequestId) rather than submitting again, or raise jobTimeout.",
                    job.requestId(), failure));
        }

        void cancelQuery() {
            CompletableFuture<JobSnapshot> inFlight = query;
            if (inFlight != null && !inFlight.isDone()) {
                inFlight.cancel(true);
            }
        }
    }
}
