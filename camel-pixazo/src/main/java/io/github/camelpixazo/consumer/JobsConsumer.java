package io.github.camelpixazo.consumer;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.job.PollSettings;
import io.github.camelpixazo.job.Retrier;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.media.TempFiles;
import io.github.camelpixazo.observe.JobMeters;
import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.webhook.CallbackReceiver;
import io.github.camelpixazo.webhook.WebhookTokens;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("pixazo:jobs")}: one exchange per job submitted with {@code waitForCompletion=false}, when the gateway
 * reports it COMPLETED, FAILED or ERROR, or when it outlived {@code jobTimeout}. A Camel
 * {@link ScheduledBatchPollingConsumer} (the shape of camel-aws2-s3's consumer): each poll claims the due jobs of the
 * component's {@link JobStore} with a lease, queries their status with bounded concurrency ({@code pollConcurrency}),
 * and emits the finished ones as one batch (the exchange properties {@code CamelBatchIndex}, {@code CamelBatchSize},
 * {@code CamelBatchComplete}).
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>A job leaves the store only when its exchange completed successfully (a {@link Synchronization}, as camel-aws2-s3
 * deletes on completion). A failed exchange (after Camel's error handling and redelivery) leaves the job in the store,
 * due again after its next poll interval: a later poll queries and emits it again (at-least-once; the request id is
 * the idempotency key).</li>
 * <li>Each job is worked on by one instance at a time: claims are leases ({@code leaseDuration}), renewed while the
 * job's exchange is in flight; a dead instance's leases expire and another instance takes its jobs.</li>
 * <li>Each job is polled on its own backoff: first {@code pollInterval} after its submit (or
 * {@code webhookFallbackDelay} with a webhook), then growing by {@code pollBackoffMultiplier} up to
 * {@code maxPollInterval}; a failed query waits for the gateway's {@code Retry-After} when it gave one.</li>
 * <li>A job past {@code jobTimeout} of its submit is queried once more and, unless finished, emitted as timed out
 * ({@code CamelPixazoTimedOut=true}).</li>
 * <li>Store writes and route work run on this consumer's poll thread, or on the component's worker pool for
 * callbacks: never on an HTTP thread.</li>
 * </ul>
 */
public final class JobsConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JobsConsumer.class);
    /** claimDue's batch when maxMessagesPerPoll is 0 or less. */
    private static final int UNLIMITED_BATCH = 1000;

    /** The option {@code progress}. */
    enum Progress {
        OFF, LOG, EMIT, BOTH;

        boolean logs() {
            return this == LOG || this == BOTH;
        }

        boolean emits() {
            return this == EMIT || this == BOTH;
        }
    }

    private final PixazoEndpoint endpoint;
    private final PixazoConfiguration config;
    private final Progress progress;
    /** Jobs this consumer holds a lease on (claimed, being queried, or their exchange in flight): renewed. */
    private final Map<String, JobRecord> held = new ConcurrentHashMap<>();
    private volatile JobStore store;
    private volatile String owner;
    private volatile Duration lease;
    private volatile JobCalls calls;
    private volatile ResultExchanges results;
    private volatile Semaphore permits;
    private volatile ScheduledExecutorService leaseTimer;
    private volatile Executor workers;
    private volatile CallbackReceiver receiver;
    private volatile PollError lastPollError;

    /** The last status query of a job that failed: which job, when, and why (for the health check). */
    record PollError(String requestId, Instant at, String message) {
    }

    /** Created by {@link PixazoEndpoint#createConsumer} for {@code pixazo:jobs}. */
    public JobsConsumer(PixazoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.progress = progress(config.getProgress());
    }

    /**
     * Checks the consumer's options when the endpoint is initialised, so that a bad URI fails the route at start-up.
     *
     * @throws PixazoValidationException naming the option and quoting what the user wrote
     */
    public static void checkOptions(PixazoConfiguration config, Map<String, String> given) {
        progress(config.getProgress());
        if (config.getPollConcurrency() < 1 || config.getPollConcurrency() > 1000) {
            throw new PixazoValidationException("pollConcurrency", given.getOrDefault("pollConcurrency",
                    String.valueOf(config.getPollConcurrency())), "must be between 1 and 1000.");
        }
        if (config.getLeaseDuration() < 1000) {
            throw new PixazoValidationException("leaseDuration", given.getOrDefault("leaseDuration",
                    config.getLeaseDuration() + "ms"), "must be at least 1s (e.g. 60s).");
        }
        if (config.getWebhookFallbackDelay() <= 0) {
            throw new PixazoValidationException("webhookFallbackDelay", given.getOrDefault("webhookFallbackDelay",
                    config.getWebhookFallbackDelay() + "ms"), "must be positive (e.g. 5m).");
        }
        String id = config.getInstanceId();
        if (id != null && (id.isBlank() || id.length() > 150)) {
            throw new PixazoValidationException("instanceId", id, "must be a non-blank id of at most 150 characters.");
        }
        if (config.getWebhookUrl() != null && !config.getWebhookUrl().isBlank()) {
            WebhookTokens.receiverPath(config.getWebhookUrl(), config.getWebhookPath());
        }
    }

    private static Progress progress(String value) {
        String text = value == null ? "off" : value.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "off" -> Progress.OFF;
            case "log" -> Progress.LOG;
            case "emit" -> Progress.EMIT;
            case "both" -> Progress.BOTH;
            default -> throw new PixazoValidationException("progress", value, "allowed values are off, log, emit and"
                    + " both.");
        };
    }

    /** This consumer's id in the store's leases. */
    public String getOwner() {
        return owner;
    }

    /** The number of jobs this consumer holds a lease on right now (claimed or in flight). */
    /** The job store, once started (for the health check). */
    JobStore store() {
        return store;
    }

    /** The last status query that failed, or null. */
    PollError lastPollError() {
        return lastPollError;
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new JobsConsumerHealthCheck(this, "consumer:" + getRouteId()));
        }
        super.doBuild();
    }

    public int getHeldJobs() {
        return held.size();
    }

    @Override
    protected void doStart() throws Exception {
        store = endpoint.jobStore();
        lease = Duration.ofMillis(config.getLeaseDuration());
        String configured = config.getInstanceId();
        owner = configured != null ? configured.trim() : defaultOwner();
        if (configured != null) {
            int taken = store.releaseAll(owner);
            if (taken > 0) {
                LOG.info("pixazo:jobs instance {} took back {} jobs it had leased before a restart", owner, taken);
            }
        }
        calls = new JobCalls(endpoint);
        workers = endpoint.workerPool();
        results = new ResultExchanges(endpoint, calls, () -> createExchange(false), workers);
        permits = new Semaphore(config.getPollConcurrency());
        leaseTimer = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "PixazoJobsLeases");
        long every = Math.max(200, lease.toMillis() / 3);
        leaseTimer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        if (config.getWebhookUrl() != null && !config.getWebhookUrl().isBlank()) {
            receiver = new CallbackReceiver(getEndpoint().getCamelContext(),
                    WebhookTokens.receiverPath(config.getWebhookUrl(), config.getWebhookPath()), workers,
                    this::onCallback);
            ServiceHelper.startService(receiver);
        }
        LOG.info("pixazo:jobs collecting jobs from {} as {} ({} pending)", store.location(), owner, store.count());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(receiver);
        receiver = null;
        super.doStop();
        if (leaseTimer != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(leaseTimer);
            leaseTimer = null;
        }
        // what we still hold but did not deliver: free at once for the next start or another instance
        for (String requestId : List.copyOf(held.keySet())) {
            try {
                store.release(requestId, owner);
            } catch (RuntimeException e) {
                LOG.debug("Could not release the lease of job {}: {}", requestId, e.toString());
            }
        }
        held.clear();
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- polling ---

    @Override
    protected int poll() throws Exception {
        int max = config.getMaxMessagesPerPoll() > 0 ? config.getMaxMessagesPerPoll() : UNLIMITED_BATCH;
        List<JobRecord> claimed = store.claimDue(owner, Instant.now(), lease, max);
        if (claimed.isEmpty()) {
            return 0;
        }
        claimed.forEach(record -> held.put(record.requestId(), record));
        // 1. status queries, each at its job's gateway, at most pollConcurrency at once (this poll thread waits for a
        //    permit, no HTTP thread does); images an answer carries inline go to the query's own temporary files
        List<CompletableFuture<JobSnapshot>> queries = new ArrayList<>(claimed.size());
        List<TempFiles> spools = new ArrayList<>(claimed.size());
        for (JobRecord record : claimed) {
            TempFiles files = new TempFiles();
            spools.add(files);
            queries.add(query(record, files));
        }
        // 2. each answer's decision and store write, on the component's worker pool as the answers arrive (store
        //    writes of different jobs overlap their disk flushes); the poll thread waits for all of them
        List<CompletableFuture<CompletableFuture<Exchange>>> decisions = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            JobRecord record = claimed.get(i);
            TempFiles files = spools.get(i);
            decisions.add(queries.get(i).handleAsync((snapshot, error) -> {
                try {
                    return decide(record, new Outcome(snapshot, error == null ? null : Retrier.unwrap(error)), false,
                            files);
                } catch (Throwable e) {
                    // an Error included (D2): one job's failure must neither abort this poll (the other claimed jobs
                    // would stay held, their leases renewed for ever, never delivered) nor be retried at every poll
                    LOG.warn("pixazo:jobs could not handle job {}; it stays in the store", record.requestId(), e);
                    files.deleteAll();
                    rescheduleAfterFailure(record, "it could not be handled: " + e);
                    return null;
                }
            }, workers));
        }
        List<CompletableFuture<Exchange>> finished = new ArrayList<>();
        List<JobRecord> finishedRecords = new ArrayList<>();
        List<TempFiles> finishedSpools = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            CompletableFuture<Exchange> exchange = decisions.get(i).join();
            if (exchange != null) {
                finished.add(exchange);
                finishedRecords.add(claimed.get(i));
                finishedSpools.add(spools.get(i));
            }
        }
        // 3. the finished jobs' exchanges (downloads included), emitted as one batch
        Queue<Object> batch = new ArrayDeque<>();
        for (int i = 0; i < finished.size(); i++) {
            JobRecord record = finishedRecords.get(i);
            try {
                Exchange exchange = finished.get(i).join();
                exchange.setProperty(RECORD_PROPERTY, record);
                batch.add(exchange);
            } catch (RuntimeException e) {
                LOG.warn("pixazo:jobs could not build the exchange of job {}; it stays in the store",
                        record.requestId(), Retrier.unwrap(e));
                finishedSpools.get(i).deleteAll();
                rescheduleAfterFailure(record, "the result could not be built: " + Retrier.unwrap(e));
            }
        }
        return batch.isEmpty() ? 0 : processBatch(batch);
    }

    /** The exchange property holding the record of a job's exchange while it is in flight. */
    private static final String RECORD_PROPERTY = "CamelPixazoJobRecord";

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            deliver(exchange, exchange.getProperty(RECORD_PROPERTY, JobRecord.class));
        }
        // not delivered (stopping): free their leases so the next start (or another instance) takes them at once
        for (Object left : exchanges) {
            Exchange exchange = (Exchange) left;
            discard(exchange, exchange.getProperty(RECORD_PROPERTY, JobRecord.class));
        }
        return total;
    }

    /** An exchange that will not be routed: its job's lease is freed, its temporary image files deleted. */
    private void discard(Exchange exchange, JobRecord record) {
        release(record);
        // never routed, so never completed: run its completions (they delete its temporary image files)
        exchange.getExchangeExtension().handoverCompletions().forEach(done -> done.onFailure(exchange));
        releaseExchange(exchange, false);
    }

    /**
     * Routes a finished job's exchange; the job leaves the store when it completed, or is due again later when it
     * failed (after Camel's error handling).
     */
    private void deliver(Exchange exchange, JobRecord record) {
        exchange.removeProperty(RECORD_PROPERTY);
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                // right here, before the next exchange of the batch: removing later (off this thread) would widen the
                // window in which a kill -9 delivers a job twice from one exchange to a whole batch
                removeDelivered(record);
            }

            @Override
            public void onFailure(Exchange failed) {
                Exception cause = failed.getException();
                String why = "the route failed: " + (cause != null ? cause.toString() : "exchange marked failed");
                LOG.debug("Job {}: {}; it stays in the store and is emitted again later", record.requestId(), why);
                reschedule(record, Instant.now(), grow(record.pollInterval()), record.lastStatus(), why, false);
            }

            @Override
            public String toString() {
                return "OnCompletion[pixazo:jobs " + record.requestId() + "]";
            }
        });
        getAsyncProcessor().process(exchange, doneSync -> {
            // the synchronization above does the store work; an exception was handled by Camel's error handler
        });
    }

    private void removeDelivered(JobRecord record) {
        try {
            if (!store.remove(record.requestId(), owner)) {
                LOG.warn("Job {} was delivered, but its lease had passed to another instance: it may be delivered once"
                         + " more (use CamelPixazoRequestId as idempotency key)", record.requestId());
            }
        } catch (RuntimeException e) {
            LOG.warn("Job {} was delivered but could not be removed from the job store; it will be delivered again",
                    record.requestId(), e);
        } finally {
            held.remove(record.requestId());
        }
    }

    /** One status query at the job's own gateway; inline images go to {@code files}, owned by the caller. */
    private CompletableFuture<JobSnapshot> query(JobRecord record, TempFiles files) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JobSnapshot> query;
        try {
            query = calls.status(record, queryTimeLimit(), new SpoolTarget(endpoint.spoolSettings(), files));
            meters(record).polled();
        } catch (RuntimeException e) {
            permits.release();
            return CompletableFuture.failedFuture(e);
        }
        query.whenComplete((snapshot, error) -> permits.release());
        return query;
    }

    /** The meters of a job's gateway, model and operation (at-least-once: a job emitted again counts again). */
    private JobMeters meters(JobRecord record) {
        return endpoint.meters(record.gateway(), record.model(), record.operation());
    }

    private Duration queryTimeLimit() {
        return Duration.ofMillis(config.getConnectTimeout() + config.getReadTimeout());
    }

    private record Outcome(JobSnapshot snapshot, Throwable failure) {
    }

    /**
     * What one answer means for a claimed job: its exchange (terminal, or timed out), or null when the job was
     * rescheduled (and its lease released).
     *
     * @param fromCallback a webhook's confirmation: an unfinished job keeps its fallback poll time
     * @param files        the query's temporary files (inline images): a terminal job's exchange takes them, else
     *                     they are deleted here
     */
    private CompletableFuture<Exchange> decide(JobRecord record, Outcome outcome, boolean fromCallback,
                                               TempFiles files) {
        CompletableFuture<Exchange> exchange = decide(record, outcome, fromCallback, files, Instant.now());
        if (exchange == null || !(outcome.snapshot() != null && outcome.snapshot().status().isTerminal())) {
            files.deleteAll();
        }
        return exchange;
    }

    private CompletableFuture<Exchange> decide(JobRecord record, Outcome outcome, boolean fromCallback,
                                               TempFiles files, Instant now) {
        PollSettings poll = endpoint.pollSettings();
        boolean expired = !now.isBefore(record.submittedAt().plus(poll.jobTimeout()));
        if (outcome.failure() != null) {
            Throwable failure = outcome.failure();
            String error = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            lastPollError = new PollError(record.requestId(), now, error);
            if (expired) {
                meters(record).failed("timeout");
                return CompletableFuture.completedFuture(results.timedOut(record, record.lastStatus(), null, error));
            }
            meters(record).retried();
            Duration wait = endpoint.retryPolicy().delay(failure, Math.max(1, record.polls()));
            if (wait.compareTo(record.pollInterval()) < 0) {
                wait = record.pollInterval();
            }
            LOG.debug("Job {}: status query failed ({}); asking again in {} ms", record.requestId(), error,
                    wait.toMillis());
            reschedule(record, now, wait, record.lastStatus(), error, fromCallback);
            return null;
        }
        JobSnapshot snapshot = outcome.snapshot();
        if (snapshot.status().isTerminal()) {
            LOG.debug("Job {}: {} -> {}", record.requestId(), record.lastStatus(), snapshot.status());
            if (snapshot.status() == JobStatus.COMPLETED) {
                meters(record).completed(Duration.between(record.submittedAt(), now));
            } else {
                meters(record).failed("job_failed");
            }
            return results.terminal(record, snapshot, files);
        }
        if (expired) {
            meters(record).failed("timeout");
            return CompletableFuture.completedFuture(results.timedOut(record, snapshot.status().name(),
                    snapshot.progress(), null));
        }
        if (snapshot.status() == JobStatus.PROCESSING && "QUEUED".equals(record.lastStatus())) {
            reportProgress(record, snapshot);
        }
        reschedule(record, now, grow(record.pollInterval()), snapshot.status().name(), null, fromCallback);
        return null;
    }

    /** Writes the job's next poll and releases its lease; never later than its deadline (then it times out). */
    private void reschedule(JobRecord record, Instant now, Duration interval, String status, String error,
                            boolean keepLaterPoll) {
        held.remove(record.requestId());
        Instant deadline = record.submittedAt().plus(endpoint.pollSettings().jobTimeout());
        Instant next = now.plus(interval);
        if (keepLaterPoll && record.nextPollAt().isAfter(next)) {
            next = record.nextPollAt();
        }
        if (next.isAfter(deadline)) {
            next = deadline.isAfter(now) ? deadline : now.plus(interval);
        }
        Duration kept = keepLaterPoll ? record.pollInterval() : interval;
        try {
            if (!store.update(record.withPollState(next, kept, record.polls() + 1, status, error), owner)) {
                LOG.debug("Job {}: its lease passed to another instance before its state was written",
                        record.requestId());
            }
        } catch (RuntimeException e) {
            LOG.warn("Job {}: its polling state could not be written ({}); it is polled again after its lease",
                    record.requestId(), e.toString());
        }
    }

    /**
     * A job whose handling failed: due again after its own backoff (not at the next poll: that would query it at every
     * poll), never left held. If even that write fails, its lease simply expires.
     */
    private void rescheduleAfterFailure(JobRecord record, String why) {
        try {
            reschedule(record, Instant.now(), grow(record.pollInterval()), record.lastStatus(), why, false);
        } catch (Throwable e) {
            held.remove(record.requestId());
            LOG.debug("Job {}: its next poll could not be written ({}); polled again after its lease",
                    record.requestId(), e.toString());
        }
    }

    private void release(JobRecord record) {
        if (record == null) {
            return;
        }
        held.remove(record.requestId());
        try {
            store.release(record.requestId(), owner);
        } catch (RuntimeException e) {
            LOG.debug("Could not release job {}: {}", record.requestId(), e.toString());
        }
    }

    /** The job's next interval after an unfinished answer: its own backoff. */
    private Duration grow(Duration current) {
        PollSettings poll = endpoint.pollSettings();
        long grown = (long) Math.ceil(current.toMillis() * poll.backoffMultiplier());
        long capped = Math.min(Math.max(grown, current.toMillis()), poll.maxInterval().toMillis());
        return Duration.ofMillis(Math.max(capped, Math.min(current.toMillis(), poll.maxInterval().toMillis())));
    }

    private void reportProgress(JobRecord record, JobSnapshot snapshot) {
        if (progress.logs()) {
            LOG.info("Job {} ({} at {}) is PROCESSING{}, {} s after its submit", record.requestId(), record.model(),
                    record.gateway(), snapshot.progress() != null ? " (" + snapshot.progress() + " %)" : "",
                    Duration.between(record.submittedAt(), Instant.now()).toSeconds());
        }
        if (progress.emits()) {
            Exchange exchange = results.progress(record, snapshot);
            getAsyncProcessor().process(exchange, doneSync -> {
                if (exchange.isFailed()) {
                    LOG.debug("The progress exchange of job {} failed (ignored): {}", record.requestId(),
                            String.valueOf(exchange.getException()));
                }
            });
        }
    }

    private void renewLeases() {
        Instant now = Instant.now();
        for (String requestId : List.copyOf(held.keySet())) {
            try {
                if (!store.renew(requestId, owner, now, lease)) {
                    LOG.debug("Job {}: its lease could not be renewed (gone or taken over)", requestId);
                }
            } catch (RuntimeException e) {
                LOG.warn("Job {}: its lease could not be renewed: {}", requestId, e.toString());
            }
        }
    }

    // --- webhooks ---

    /**
     * A callback that passed the receiver's checks, on a worker thread. An unknown token is ignored without a query; a
     * known one whose hint is worth it (terminal, or PROCESSING for progress) is confirmed with one status query, and
     * only the gateway's answer is acted on. The lease keeps a duplicated callback, or one racing a poll, from
     * emitting twice.
     */
    private void onCallback(String token, byte[] body) {
        // isRunAllowed() is also true while suspended: a suspended (or stopping) route gets no exchange from a
        // callback; the job stays in the store for a later callback or its fallback poll after the resume
        if (!isStarted() || !WebhookTokens.looksLikeToken(token)) {
            return;
        }
        Optional<JobRecord> known = store.findByWebhookTokenHash(WebhookTokens.hash(token));
        if (known.isEmpty()) {
            LOG.debug("A callback for an unknown or already delivered job was ignored");
            return;
        }
        JobRecord record = known.get();
        JobSnapshot hint;
        try {
            Optional<JobSnapshot> read = calls.readCallback(record, body);
            if (read.isEmpty()) {
                LOG.debug("A callback for job {} of {}, which documents no callbacks; ignored", record.requestId(),
                        record.gateway());
                return;
            }
            hint = read.get();
        } catch (RuntimeException e) {
            LOG.debug("The callback for job {} is not {}'s callback shape ({}); ignored", record.requestId(),
                    record.gateway(), e.toString());
            return;
        }
        if (!record.requestId().equals(hint.requestId())) {
            LOG.debug("A callback on the URL of job {} names another job; ignored", record.requestId());
            return;
        }
        boolean progressHint = progress != Progress.OFF && hint.status() == JobStatus.PROCESSING
                               && "QUEUED".equals(record.lastStatus());
        if (!hint.status().isTerminal() && !progressHint) {
            return;
        }
        Optional<JobRecord> claimed = store.claim(record.requestId(), owner, Instant.now(), lease);
        if (claimed.isEmpty()) {
            LOG.debug("Job {}: callback ignored, the job is being worked on", record.requestId());
            return;
        }
        JobRecord mine = claimed.get();
        held.put(mine.requestId(), mine);
        // from here on nothing waits on a worker: the query completes on the HTTP client's threads, the decision and
        // the delivery are handed back to the worker pool (a worker waiting for another worker could starve the pool)
        TempFiles files = new TempFiles();
        query(mine, files).handleAsync((snapshot, error) -> decide(mine, new Outcome(snapshot,
                        error == null ? null : Retrier.unwrap(error)), true, files), workers)
                .thenCompose(exchange -> exchange != null ? exchange : CompletableFuture.<Exchange> completedFuture(null))
                .whenCompleteAsync((exchange, error) -> {
                    if (error != null) {
                        Throwable failure = Retrier.unwrap(error);
                        LOG.warn("pixazo:jobs could not handle the callback of job {}; polling will",
                                mine.requestId(), failure);
                        files.deleteAll();
                        reschedule(mine, Instant.now(), grow(mine.pollInterval()), mine.lastStatus(),
                                String.valueOf(failure), true);
                    } else if (exchange != null && !isStarted()) {
                        // suspended or stopped while the callback was confirmed: not emitted, free for a later one
                        LOG.debug("Job {}: the route was suspended or stopped; its callback's result is emitted later",
                                mine.requestId());
                        discard(exchange, mine);
                    } else if (exchange != null) {
                        deliver(exchange, mine);
                    }
                }, workers);
    }
}
