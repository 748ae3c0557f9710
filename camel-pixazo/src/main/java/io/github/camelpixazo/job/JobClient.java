package io.github.camelpixazo.job;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.gateway.CallPhase;
import io.github.camelpixazo.gateway.GatewayCall;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.http.HttpCall;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.request.ImageRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits jobs and queries their status at one gateway. This is the only class that sees the API key, and it
 * attaches it only to URLs it builds from {@code baseUrl}.
 * <p>
 * Each call kind has exactly one retry layer. A submit is retried here, and only when the gateway certainly did not
 * take it ({@link FailureKinds#submitNotTaken}), obeying a {@code Retry-After}. A {@code pixazo:status} query is
 * retried here ({@link #status}); the status queries of a job being waited for are single attempts
 * ({@link #statusOnce}) that {@link JobWaiter}'s poll loop repeats. Every call gets what is left of the job's
 * {@link Deadline}.
 */
public final class JobClient {

    private static final Logger LOG = LoggerFactory.getLogger(JobClient.class);
    private static final long MAX_API_RESPONSE_BYTES = 1024 * 1024;

    private final ImageGateway gateway;
    private final HttpTransport transport;
    private final Retrier retrier;
    private final JobClientSettings settings;
    private final String base;

    public JobClient(ImageGateway gateway, HttpTransport transport, Retrier retrier, JobClientSettings settings) {
        this.gateway = gateway;
        this.transport = transport;
        this.retrier = retrier;
        this.settings = settings;
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The retry rules of this endpoint. */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /**
     * Submits a validated request within the job's deadline; completes with the queued job or a typed
     * {@link PixazoException}: {@link io.github.camelpixazo.error.PixazoRateLimitException} when the gateway
     * refused it for now (nothing queued), {@link PixazoTimeoutException} when the deadline passed.
     */
    public CompletableFuture<SubmittedJob> submit(ImageRequest request, Deadline deadline) {
        GatewayCall call = gateway.submitCall(request);
        RetryPolicy policy = settings.retryPolicy();
        return retrier.run("a submit to " + base + ". The job may have been queued: check the Pixazo dashboard before"
                           + " sending the message again.", deadline, timeLeft -> Futures.map(send(call, timeLeft), reply -> {
            if (!reply.isSuccess()) {
                throw gateway.failure(scrub(reply), CallPhase.SUBMIT, null);
            }
            return gateway.parseSubmitted(reply);
        }), (failure, retries) -> {
            if (retries >= policy.maxRetries() || !FailureKinds.submitNotTaken(failure)) {
                return Optional.empty();
            }
            Duration asked = RetryPolicy.retryAfter(failure);
            if (asked != null && asked.compareTo(policy.maxDelay()) > 0) {
                LOG.debug("Gateway asked to retry the submit after {} ms, more than maxRetryDelay; giving up",
                        asked.toMillis());
                return Optional.empty(); // handed back: nothing was queued, the route may send it later
            }
            if (asked != null && asked.compareTo(deadline.remaining()) >= 0) {
                LOG.debug("Gateway asked to retry the submit after {} ms, past jobTimeout; giving up", asked.toMillis());
                return Optional.empty();
            }
            if (FailureKinds.neverSent(failure)) {
                LOG.debug("Submit did not reach {} ({}); retry {} of {}", base, failure, retries + 1, policy.maxRetries());
            }
            return Optional.of(policy.delay(failure, retries + 1));
        }, last -> submitExpired(deadline, last)).exceptionally(failure -> {
            throw describe(Retrier.unwrap(failure), CallPhase.SUBMIT, null);
        });
    }

    /**
     * One status query, within {@code timeLimit}, not retried: for {@link JobWaiter}, whose poll loop is the retry
     * layer of a waiting job. Fails with what happened (a {@link PixazoException} for an HTTP answer, an
     * {@link java.io.IOException} for a transport failure): classify it with {@link FailureKinds}.
     */
    public CompletableFuture<JobSnapshot> statusOnce(String requestId, Duration timeLimit) {
        GatewayCall call;
        try {
            call = gateway.statusCall(requestId); // validates the id before anything is sent
        } catch (RuntimeException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        return Futures.map(send(call, timeLimit), reply -> {
            if (!reply.isSuccess()) {
                throw gateway.failure(scrub(reply), CallPhase.STATUS, requestId);
            }
            JobSnapshot snapshot = gateway.parseStatus(reply);
            if (!requestId.equals(snapshot.requestId())) { // it names files and headers: never take another id
                throw new PixazoMalformedResponseException("The gateway answered the status query of job " + requestId
                        + " with request_id '" + snapshot.requestId() + "'.", reply.status(), requestId, null);
            }
            return snapshot;
        });
    }

    /**
     * The {@code pixazo:status} operation: one status query, retried on transient failures (the same rule as for a
     * waiting job, {@link FailureKinds#transientAfterAcceptance}) up to {@code maxRetries} times and within the
     * deadline, obeying a {@code Retry-After} up to {@code maxRetryDelay}.
     */
    public CompletableFuture<JobSnapshot> status(String requestId, Deadline deadline) {
        RetryPolicy policy = settings.retryPolicy();
        return retrier.run("the status query of job " + requestId + ". The job continues at the gateway: query it"
                           + " with pixazo:status rather than submitting again.", deadline,
                timeLeft -> statusOnce(requestId, timeLeft), (failure, retries) -> {
                    if (retries >= policy.maxRetries() || !FailureKinds.transientAfterAcceptance(failure)) {
                        return Optional.empty();
                    }
                    Duration asked = RetryPolicy.retryAfter(failure);
                    if (asked != null && asked.compareTo(policy.maxDelay()) > 0) {
                        return Optional.empty();
                    }
                    LOG.debug("Status query of {} failed ({}); retry {} of {}", requestId, failure.getMessage(),
                            retries + 1, policy.maxRetries());
                    return Optional.of(policy.delay(failure, retries + 1));
                }, last -> statusExpired(requestId, deadline, last)).exceptionally(failure -> {
                    throw describe(Retrier.unwrap(failure), CallPhase.STATUS, requestId);
                });
    }

    private CompletableFuture<HttpReply> send(GatewayCall call, Duration timeLimit) {
        URI uri = URI.create(base + call.path());
        Map<String, String> headers = new HashMap<>(call.headers());
        if (settings.apiKey() != null && sameOrigin(uri, settings.baseUrl())) {
            headers.putAll(gateway.authenticationHeaders(settings.apiKey()));
        }
        HttpCall http = new HttpCall(call.method(), uri, headers, call.body(), settings.connectTimeout(),
                settings.readTimeout(), timeLimit, false, MAX_API_RESPONSE_BYTES);
        return transport.execute(http);
    }

    /** A gateway that echoes the key in an error text must not put it into our exception messages. */
    private HttpReply scrub(HttpReply reply) {
        String key = settings.apiKey();
        if (key == null || key.isEmpty()) {
            return reply;
        }
        String body = reply.bodyText();
        if (!body.contains(key)) {
            return reply;
        }
        return new HttpReply(reply.status(), reply.headers(), body.replace(key, "xxxxxx").getBytes(StandardCharsets.UTF_8));
    }

    private PixazoException submitExpired(Deadline deadline, Throwable last) {
        String budget = "jobTimeout=" + Durations.format(deadline.budget());
        if (last == null || FailureKinds.submitNotTaken(last)) {
            return new PixazoTimeoutException("The submit to " + base + " could not be made within " + budget
                    + (last != null ? " (last attempt: " + message(last) + ")" : "") + ". Nothing was queued: send the"
                    + " message again later, or raise jobTimeout.", null, last);
        }
        return new PixazoTimeoutException("No answer to the submit from " + base + " within " + budget + " ("
                + message(last) + "). The job may have been queued and billed, so it is not resubmitted"
                + " automatically: check the Pixazo dashboard before sending the message again.", null, last);
    }

    private static PixazoException statusExpired(String requestId, Deadline deadline, Throwable last) {
        return new PixazoTimeoutException("The status query of job " + requestId + " did not succeed within jobTimeout="
                + Durations.format(deadline.budget()) + (last != null ? " (last failure: " + message(last) + ")" : "")
                + ". The job continues at the gateway: query it again later with pixazo:status.", requestId, last);
    }

    static String message(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** A failure as the exception the route sees: typed, saying what it means for the job. */
    PixazoException describe(Throwable failure, CallPhase phase, String requestId) {
        if (failure instanceof PixazoException pixazo) {
            return pixazo;
        }
        io.github.camelpixazo.media.LocalIoException local = FailureKinds.localCause(failure);
        if (local != null) { // an input file that vanished while it was sent: the gateway got no whole request
            return new io.github.camelpixazo.error.PixazoLocalIoException(local.getMessage(), requestId, failure);
        }
        String where = base + " (" + failure.getClass().getSimpleName()
                       + (failure.getMessage() != null ? ": " + failure.getMessage() : "") + ")";
        if (FailureKinds.neverSent(failure)) {
            return new PixazoException("Could not reach the gateway at " + where + ", also on "
                    + settings.retryPolicy().maxRetries() + " retries. Nothing was "
                    + (phase == CallPhase.SUBMIT ? "queued" : "changed") + "; check baseUrl, the proxy settings and the"
                    + " network.", 0, null, null, requestId, failure);
        }
        if (phase == CallPhase.SUBMIT && FailureKinds.readTimeout(failure)) {
            return new PixazoTimeoutException("No answer to the submit from " + where + " within readTimeout="
                    + Durations.format(settings.readTimeout()) + ". The job may have been queued and billed, so it is not"
                    + " resubmitted automatically: check the Pixazo dashboard before sending the message again.",
                    null, failure);
        }
        return new PixazoException((phase == CallPhase.SUBMIT
                ? "The submit to " + where + " failed after the request was sent. The job may have been queued, so it"
                  + " is not resubmitted automatically."
                : "The status query of job " + requestId + " at " + where + " failed. The job itself may be fine: query"
                  + " it later with pixazo:status."), 0, null, null, requestId, failure);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
               && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
               && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
