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
import io.github.camelpixazo.error.PixazoRateLimitException;
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
 * Submits jobs and queries their status at one gateway, with the retry rules that keep billing safe: a submit is
 * repeated only when the gateway certainly did not take it (429, refused or timed-out connection); status queries,
 * which have no side effect, are also repeated on 5xx and I/O errors. This is the only class that sees the API key,
 * and it attaches it only to URLs it builds from {@code baseUrl}.
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

    /** Submits a validated request; completes with the queued job or a typed {@link PixazoException}. */
    public CompletableFuture<SubmittedJob> submit(ImageRequest request) {
        GatewayCall call = gateway.submitCall(request);
        RetryPolicy policy = settings.retryPolicy();
        return retrier.run("a submit to " + base + ". The job may have been queued: check the Pixazo dashboard before"
                           + " sending the message again.", () -> send(call).thenApply(reply -> {
            if (!reply.isSuccess()) {
                throw gateway.failure(scrub(reply), CallPhase.SUBMIT, null);
            }
            return gateway.parseSubmitted(reply);
        }), (failure, retries) -> {
            if (retries >= policy.maxRetries()) {
                return Optional.empty();
            }
            if (failure instanceof PixazoRateLimitException limited) {
                return rateLimitDelay(limited, retries);
            }
            if (FailureKinds.neverSent(failure)) {
                LOG.debug("Submit did not reach {} ({}); retry {} of {}", base, failure, retries + 1, policy.maxRetries());
                return Optional.of(policy.backoff(retries + 1));
            }
            return Optional.empty();
        }).exceptionally(failure -> {
            throw asPixazoException(failure, CallPhase.SUBMIT, null);
        });
    }

    /** Queries a job's status once (with retries on transient failures). */
    public CompletableFuture<JobSnapshot> status(String requestId) {
        GatewayCall call = gateway.statusCall(requestId);
        RetryPolicy policy = settings.retryPolicy();
        return retrier.run("the status query of job " + requestId + ". The job continues at the gateway: query it"
                           + " with pixazo:status rather than submitting again.", () -> send(call).thenApply(reply -> {
            if (!reply.isSuccess()) {
                throw gateway.failure(scrub(reply), CallPhase.STATUS, requestId);
            }
            JobSnapshot snapshot = gateway.parseStatus(reply);
            if (!requestId.equals(snapshot.requestId())) { // it names files and headers: never take another id
                throw new PixazoMalformedResponseException("The gateway answered the status query of job " + requestId
                        + " with request_id '" + snapshot.requestId() + "'.", reply.status(), requestId, null);
            }
            return snapshot;
        }), (failure, retries) -> {
            if (retries >= policy.maxRetries() || !FailureKinds.transientForIdempotentCall(failure)) {
                return Optional.empty();
            }
            LOG.debug("Status query of {} failed ({}); retry {} of {}", requestId, failure.getMessage(), retries + 1,
                    policy.maxRetries());
            return Optional.of(policy.backoff(retries + 1));
        }).exceptionally(failure -> {
            throw asPixazoException(failure, CallPhase.STATUS, requestId);
        });
    }

    private Optional<Duration> rateLimitDelay(PixazoRateLimitException limited, int retries) {
        RetryPolicy policy = settings.retryPolicy();
        Duration asked = limited.getRetryAfter();
        if (asked == null) {
            return Optional.of(policy.backoff(retries + 1));
        }
        if (asked.compareTo(policy.maxDelay()) > 0) {
            LOG.debug("Gateway asked to retry after {}s, more than maxRetryDelay; giving up", asked.toSeconds());
            return Optional.empty();
        }
        return Optional.of(asked);
    }

    private CompletableFuture<HttpReply> send(GatewayCall call) {
        URI uri = URI.create(base + call.path());
        Map<String, String> headers = new HashMap<>(call.headers());
        if (settings.apiKey() != null && sameOrigin(uri, settings.baseUrl())) {
            headers.putAll(gateway.authenticationHeaders(settings.apiKey()));
        }
        HttpCall http = new HttpCall(call.method(), uri, headers, call.body(),
                call.body() != null ? "application/json" : null, settings.connectTimeout(), settings.readTimeout(),
                false, MAX_API_RESPONSE_BYTES);
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
        return new HttpReply(reply.status(), reply.reason(), reply.headers(),
                body.replace(key, "xxxxxx").getBytes(StandardCharsets.UTF_8));
    }

    private PixazoException asPixazoException(Throwable error, CallPhase phase, String requestId) {
        Throwable failure = Retrier.unwrap(error);
        if (failure instanceof PixazoException pixazo) {
            return pixazo;
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
                : "The status query of job " + requestId + " at " + where + " failed, also on retries. The job itself"
                  + " may be fine: query it later with pixazo:status."), 0, null, null, requestId, failure);
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
