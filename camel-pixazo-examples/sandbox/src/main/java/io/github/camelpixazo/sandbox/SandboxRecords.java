package io.github.camelpixazo.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the sandbox has seen and done since it started or was last reset, for assertions in tests. */
public final class SandboxRecords {

    private final List<RecordedSubmission> submissions = new ArrayList<>();
    private final List<RecordedMediaRequest> mediaRequests = new ArrayList<>();
    private final List<WebhookDelivery> webhookDeliveries = new ArrayList<>();
    private final AtomicInteger statusQueries = new AtomicInteger();
    private final Map<String, AtomicInteger> statusQueriesByRequestId = new ConcurrentHashMap<>();

    SandboxRecords() {
    }

    /** Every submit request, accepted or not, in arrival order. */
    public synchronized List<RecordedSubmission> submissions() {
        return List.copyOf(submissions);
    }

    /** Every request to a status URL, answered or not. */
    public int statusQueryCount() {
        return statusQueries.get();
    }

    public int statusQueryCount(String requestId) {
        AtomicInteger count = statusQueriesByRequestId.get(requestId);
        return count == null ? 0 : count.get();
    }

    public synchronized List<RecordedMediaRequest> mediaRequests() {
        return List.copyOf(mediaRequests);
    }

    /** True if any request to the media host carried the API key header (it never should). */
    public synchronized boolean anyMediaRequestCarriedApiKey() {
        return mediaRequests.stream().anyMatch(RecordedMediaRequest::carriedApiKey);
    }

    /** Completed webhook deliveries (answered or failed), in completion order. */
    public synchronized List<WebhookDelivery> webhookDeliveries() {
        return List.copyOf(webhookDeliveries);
    }

    /**
     * Waits until at least {@code count} webhook deliveries have completed or the timeout has passed, and
     * returns the deliveries so far (fewer than {@code count} after a timeout).
     */
    public synchronized List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (webhookDeliveries.size() < count) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    break;
                }
                wait(remainingMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(webhookDeliveries);
    }

    synchronized void addSubmission(RecordedSubmission submission) {
        submissions.add(submission);
    }

    void countStatusQuery(String requestId) {
        statusQueries.incrementAndGet();
        statusQueriesByRequestId.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
    }

    synchronized void addMediaRequest(RecordedMediaRequest request) {
        mediaRequests.add(request);
    }

    synchronized void addWebhookDelivery(WebhookDelivery delivery) {
        webhookDeliveries.add(delivery);
        notifyAll();
    }

    synchronized void clear() {
        submissions.clear();
        mediaRequests.clear();
        webhookDeliveries.clear();
        statusQueries.set(0);
        statusQueriesByRequestId.clear();
        notifyAll();
    }
}
