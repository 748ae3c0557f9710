package io.github.camelpixazo.sandbox;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhook callbacks. Each job with a webhook has at most one pending task on the shared scheduler
 * (no thread per job); the HTTP calls are asynchronous on a small pool.
 *
 * <p>Terminal mode: one task at the job's terminal time. Sync mode: a task every "poll cycle" (a quarter
 * of the job's processing time, at least 100 ms, at most the gateway's 15 s cap) posting the current
 * status, the last one exactly at the terminal time.
 */
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration MIN_SYNC_CYCLE = Duration.ofMillis(100);
    private static final Duration MAX_SYNC_CYCLE = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final JobStore jobs;
    private final SandboxRecords records;
    private final SandboxFaults faults;
    private final Supplier<String> mediaBaseUrl;
    private final Renderer renderer;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private HttpClient client; // created on first use: most sandboxes never call a webhook

    /** The body a callback carries: the gateway's status (Pixazo) or task (EvoLink) shape. */
    @FunctionalInterface
    interface Renderer {
        String payload(Job job, long nanoTime, String mediaBaseUrl);
    }

    WebhookDispatcher(ScheduledExecutorService scheduler, ExecutorService httpExecutor, JobStore jobs,
                      SandboxRecords records, SandboxFaults faults, Supplier<String> mediaBaseUrl) {
        this(scheduler, httpExecutor, jobs, records, faults, mediaBaseUrl,
                (job, nanoTime, media) -> StrictJson.write(StatusDocument.forCallback(job, nanoTime, media)));
    }

    WebhookDispatcher(ScheduledExecutorService scheduler, ExecutorService httpExecutor, JobStore jobs,
                      SandboxRecords records, SandboxFaults faults, Supplier<String> mediaBaseUrl, Renderer renderer) {
        this.renderer = renderer;
        this.scheduler = scheduler;
        this.httpExecutor = httpExecutor;
        this.jobs = jobs;
        this.records = records;
        this.faults = faults;
        this.mediaBaseUrl = mediaBaseUrl;
    }

    /** Plans the callbacks of a newly accepted job; does nothing for a job without webhook. */
    void register(Job job) {
        WebhookTarget target = job.webhook();
        if (target == null) {
            return;
        }
        if (target.mode() == WebhookTarget.Mode.SYNC) {
            scheduleSyncTick(job);
        } else if (job.endsEventually()) {
            schedule(job, job.terminalNanoTime() - System.nanoTime(), () -> post(job, System.nanoTime()));
        }
    }

    /** Drops every planned callback (jobs removed by a reset must not call back). */
    void cancelAll() {
        pending.values().forEach(future -> future.cancel(false));
        pending.clear();
    }

    private void scheduleSyncTick(Job job) {
        long cycle = syncCycle(job.processingTime()).toNanos();
        long now = System.nanoTime();
        long next = now + cycle;
        if (job.endsEventually() && job.terminalNanoTime() <= next) {
            next = job.terminalNanoTime(); // the final callback lands exactly on the terminal state
        }
        schedule(job, next - now, () -> {
            long tick = System.nanoTime();
            post(job, tick);
            if (!job.statusAt(tick).isTerminal()) {
                scheduleSyncTick(job);
            }
        });
    }

    static Duration syncCycle(Duration processingTime) {
        Duration quarter = processingTime.dividedBy(4);
        return quarter.compareTo(MIN_SYNC_CYCLE) < 0 ? MIN_SYNC_CYCLE
                : quarter.compareTo(MAX_SYNC_CYCLE) > 0 ? MAX_SYNC_CYCLE : quarter;
    }

    private void schedule(Job job, long delayNanos, Runnable task) {
        if (!jobs.isCurrent(job) || scheduler.isShutdown()) {
            return;
        }
        try {
            ScheduledFuture<?> future = scheduler.schedule(() -> {
                pending.remove(job.requestId());
                if (jobs.isCurrent(job)) {
                    task.run();
                }
            }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            pending.put(job.requestId(), future);
            if (future.isDone()) { // ran before it was put
                pending.remove(job.requestId(), future);
            }
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Sandbox stopping; webhook for {} not scheduled", job.requestId());
        }
    }

    private void post(Job job, long nanoTime) {
        JobStatus status = job.statusAt(nanoTime);
        String payload = renderer.payload(job, nanoTime, mediaBaseUrl.get());
        int copies = status.isTerminal() && faults.duplicatesWebhooks() ? 2 : 1;
        send(job, status, payload, copies);
    }

    private void send(Job job, JobStatus status, String payload, int copies) {
        HttpRequest request = HttpRequest.newBuilder(job.webhook().url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "pixazo-sandbox")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        String url = job.webhook().url().toString();
        LOG.debug("Webhook {} {} -> {}", job.requestId(), status, url);
        try {
            client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> delivered(job, status, payload, copies, response, failure));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Sandbox stopping; webhook for {} not sent", job.requestId());
        }
    }

    private void delivered(Job job, JobStatus status, String payload, int copies, HttpResponse<Void> response,
                           Throwable failure) {
        if (!jobs.isCurrent(job)) {
            return; // reset while in flight
        }
        String url = job.webhook().url().toString();
        int code = response == null ? -1 : response.statusCode();
        String error = null;
        if (failure != null) {
            error = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
            LOG.debug("Webhook {} to {} failed: {}", job.requestId(), url, error);
        }
        records.addWebhookDelivery(new WebhookDelivery(url, job.requestId(), status.name(), payload, code,
                error, Instant.now()));
        if (copies > 1) { // duplicates go out one after the other, like a retry would
            send(job, status, payload, copies - 1);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .executor(httpExecutor)
                    .build();
        }
        return client;
    }
}
