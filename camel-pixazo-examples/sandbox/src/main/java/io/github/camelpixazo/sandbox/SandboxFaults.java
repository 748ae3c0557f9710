package io.github.camelpixazo.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;

/**
 * Faults and latency to inject into the running sandbox, changeable at any time from a test.
 *
 * <p>Counted faults affect the next {@code times} matching requests and then disarm themselves; calling
 * the same method again replaces its previous setting. The job outcome methods instead queue up, in call
 * order. When several request faults are armed, the first in this order applies: unauthorized, forbidden,
 * then for submits rate limit, insufficient balance, failed submit; for status queries failed query,
 * malformed body. Faults are checked after the real API key check.
 */
public final class SandboxFaults {

    private int unauthorized;
    private int forbidden;
    private int rateLimitedSubmits;
    private Duration retryAfter = Duration.ZERO;
    private int insufficientBalance;
    private int failedSubmits;
    private int failedSubmitStatus;
    private int failedStatusQueries;
    private int failedStatusQueryStatus;
    private int malformedStatus;
    private final Deque<QueuedEnding> queuedEndings = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean duplicateWebhooks;
    private int lostWebhooks;

    private static final class QueuedEnding {
        private int remaining;
        private final JobEnding ending;

        QueuedEnding(int remaining, JobEnding ending) {
            this.remaining = remaining;
            this.ending = ending;
        }
    }

    SandboxFaults() {
    }

    /** The next {@code times} submits get 429 Too Many Requests with {@code Retry-After} in whole seconds (rounded up). */
    public synchronized SandboxFaults rateLimitSubmits(int times, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.rateLimitedSubmits = requireTimes(times);
        this.retryAfter = retryAfter;
        return this;
    }

    /** The next {@code times} submits get 402 Insufficient Balance, the gateway's wallet error. */
    public synchronized SandboxFaults insufficientBalance(int times) {
        this.insufficientBalance = requireTimes(times);
        return this;
    }

    /** The next {@code times} API requests (submit or status) get 401, as if the key had been revoked. */
    public synchronized SandboxFaults unauthorized(int times) {
        this.unauthorized = requireTimes(times);
        return this;
    }

    /** The next {@code times} API requests (submit or status) get 403 Forbidden. */
    public synchronized SandboxFaults forbidden(int times) {
        this.forbidden = requireTimes(times);
        return this;
    }

    /** The next {@code times} submits fail with {@code httpStatus} (400-599), e.g. 500 or 503. */
    public synchronized SandboxFaults failSubmits(int times, int httpStatus) {
        this.failedSubmits = requireTimes(times);
        this.failedSubmitStatus = requireErrorStatus(httpStatus);
        return this;
    }

    /** The next {@code times} status queries fail with {@code httpStatus} (400-599), e.g. 502. */
    public synchronized SandboxFaults failStatusQueries(int times, int httpStatus) {
        this.failedStatusQueries = requireTimes(times);
        this.failedStatusQueryStatus = requireErrorStatus(httpStatus);
        return this;
    }

    /** The next {@code times} status queries answer 200 with a truncated, invalid JSON body. */
    public synchronized SandboxFaults malformedStatus(int times) {
        this.malformedStatus = requireTimes(times);
        return this;
    }

    /**
     * The next {@code count} accepted jobs end FAILED or ERROR with {@code errorText} in the status
     * {@code error} field (null for a default text). Queued after earlier job outcome calls.
     */
    public synchronized SandboxFaults nextJobsEnd(int count, JobOutcome outcome, String errorText) {
        Objects.requireNonNull(outcome, "outcome");
        if (requireTimes(count) > 0) {
            queuedEndings.add(new QueuedEnding(count, JobEnding.of(outcome, errorText)));
        }
        return this;
    }

    /** The next {@code count} accepted jobs stay PROCESSING forever. Queued after earlier job outcome calls. */
    public synchronized SandboxFaults nextJobsNeverComplete(int count) {
        if (requireTimes(count) > 0) {
            queuedEndings.add(new QueuedEnding(count, JobEnding.NEVER_ENDS));
        }
        return this;
    }

    /** Delays every API response (submit and status, not media) by {@code delay}; zero turns it off. */
    public SandboxFaults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        this.latency = delay;
        return this;
    }

    /** Delivers every terminal webhook callback twice, as the gateway may on network retries. */
    public SandboxFaults duplicateWebhooks(boolean enabled) {
        this.duplicateWebhooks = enabled;
        return this;
    }

    /**
     * The next {@code times} terminal webhook callbacks are lost: never sent, as when the receiver was unreachable
     * and the gateway gave up. Recorded as deliveries with response code -1 and the error "lost (injected by the
     * sandbox)". A collecting route must then find the job by polling.
     */
    public synchronized SandboxFaults loseWebhooks(int times) {
        this.lostWebhooks = requireTimes(times);
        return this;
    }

    /** Disarms every fault and removes the latency. */
    public synchronized void clear() {
        unauthorized = 0;
        forbidden = 0;
        rateLimitedSubmits = 0;
        retryAfter = Duration.ZERO;
        insufficientBalance = 0;
        failedSubmits = 0;
        failedStatusQueries = 0;
        malformedStatus = 0;
        queuedEndings.clear();
        latency = Duration.ZERO;
        duplicateWebhooks = false;
        lostWebhooks = 0;
    }

    /** Whether this terminal callback is to be lost, consuming one use of the fault. */
    synchronized boolean takeLostWebhook() {
        if (lostWebhooks > 0) {
            lostWebhooks--;
            return true;
        }
        return false;
    }

    Duration responseDelay() {
        return latency;
    }

    boolean duplicatesWebhooks() {
        return duplicateWebhooks;
    }

    /** Throws the armed access fault, if any, consuming one use of it. */
    synchronized void checkAccess() {
        if (unauthorized > 0) {
            unauthorized--;
            throw new ApiException(401, "Unauthorized", "Access denied due to invalid subscription key. "
                    + "Make sure to provide a valid key for an active subscription. (injected by the sandbox)");
        }
        if (forbidden > 0) {
            forbidden--;
            throw new ApiException(403, "Forbidden", "You do not have access to this resource. (injected by the sandbox)");
        }
    }

    synchronized void checkSubmit() {
        if (rateLimitedSubmits > 0) {
            rateLimitedSubmits--;
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            throw new ApiException(429, "Too Many Requests", "Rate limit is exceeded. Try again in " + seconds
                    + " seconds. (injected by the sandbox)", Map.of("Retry-After", Long.toString(seconds)));
        }
        if (insufficientBalance > 0) {
            insufficientBalance--;
            throw new ApiException(402, "Insufficient Balance", "Your wallet does not have enough balance.");
        }
        if (failedSubmits > 0) {
            failedSubmits--;
            throw injected(failedSubmitStatus);
        }
    }

    /** @return true if the next status response must be malformed; throws for a failed status query */
    synchronized boolean checkStatusQuery() {
        if (failedStatusQueries > 0) {
            failedStatusQueries--;
            throw injected(failedStatusQueryStatus);
        }
        if (malformedStatus > 0) {
            malformedStatus--;
            return true;
        }
        return false;
    }

    /** The ending queued for the next accepted job, or null when none is queued. */
    synchronized JobEnding takeQueuedEnding() {
        QueuedEnding head = queuedEndings.peek();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            queuedEndings.poll();
        }
        return head.ending;
    }

    private static ApiException injected(int status) {
        // a throttled or unavailable gateway usually says when to come back
        Map<String, String> headers = status == 429 || status == 503 ? Map.of("Retry-After", "1") : Map.of();
        return new ApiException(status, ApiException.reasonPhrase(status), "Injected fault (sandbox)", headers);
    }

    private static int requireTimes(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        return times;
    }

    private static int requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("httpStatus must be 400-599: " + status);
        }
        return status;
    }
}
