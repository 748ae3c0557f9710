package io.github.camelpixazo.job;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.error.PixazoUnreachableException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.error.SecretRedactor;
import io.github.camelpixazo.gateway.CallPhase;
import io.github.camelpixazo.gateway.GatewayCall;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.gateway.JobRef;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.SubmitOutcome;
import io.github.camelpixazo.http.HttpCall;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.request.ImageRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits jobs and queries their status at one gateway. This is the only class that sees the API key, and it
 * attaches it only to URLs it builds from {@code baseUrl}, in the header the gateway documents.
 * <p>
 * Each call kind has exactly one retry layer. A submit is retried here, and only when the gateway certainly did not
 * take it ({@link FailureKinds#submitNotTaken}), obeying a {@code Retry-After}. A {@code pixazo:status} query is
 * retried here ({@link #status}); the status queries of a job being waited for are single attempts
 * ({@link #statusOnce}) that {@link JobWaiter}'s poll loop repeats. Every call gets what is left of the job's
 * {@link Deadline}.
 * <p>
 * Answers that may carry images inline (a gateway's {@link GatewayCall#inlineImages()}) are spooled into the caller's
 * {@link SpoolTarget} rather than buffered; the others are buffered up to 1 MB.
 */
public final class JobClient {

    private static final Logger LOG = LoggerFactory.getLogger(JobClient.class);
    private static final long MAX_API_RESPONSE_BYTES = 1024 * 1024;
    /** An answer carrying images inline: up to ten images of {@link MediaDownloader#MAX_IMAGE_BYTES}, as base64. */
    private static final long MAX_INLINE_RESPONSE_BYTES = 10 * MediaDownloader.MAX_IMAGE_BYTES * 4 / 3 + MAX_API_RESPONSE_BYTES;

    private final ImageGateway gateway;
    private final HttpTransport transport;
    private final Retrier retrier;
    private final JobClientSettings settings;
    private final String base;
    private final CallListener listener;
    private final SecretRedactor redactor;

    public JobClient(ImageGateway gateway, HttpTransport transport, Retrier retrier, JobClientSettings settings) {
        this(gateway, transport, retrier, settings, CallListener.NONE);
    }

    /** @param listener told the HTTP status of every submit and status query (for the health check) */
    public JobClient(ImageGateway gateway, HttpTransport transport, Retrier retrier, JobClientSettings settings,
                     CallListener listener) {
        this.listener = listener;
        this.gateway = gateway;
        this.transport = transport;
        this.retrier = retrier;
        this.settings = settings;
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.redactor = SecretRedactor.of(settings.apiKey());
    }

    /** Removes this client's API key, in every form an echo may take, from text and failures it quotes. */
    public SecretRedactor redactor() {
        return redactor;
    }

    /** The gateway this client talks to. */
    public ImageGateway gateway() {
        return gateway;
    }

    /** The retry rules of this endpoint. */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /**
     * Submits a validated request within the job's deadline; completes with the outcome - a job to poll, or the
     * finished job when the gateway answered synchronously - or with a typed {@link PixazoException}: a
     * {@link io.github.camelpixazo.error.PixazoJobNotTakenException} when the gateway certainly did not take it,
     * {@link PixazoTimeoutException} when the deadline passed.
     *
     * @param spool where images an answer carries inline are decoded to (the exchange's spool)
     */
    public CompletableFuture<SubmitOutcome> submit(ImageRequest request, Deadline deadline, SpoolTarget spool) {
        return submit(request, deadline, spool, JobEvents.NONE);
    }

    /** As {@link #submit(ImageRequest, Deadline, SpoolTarget)}, telling {@code events} of each retry. */
    public CompletableFuture<SubmitOutcome> submit(ImageRequest request, Deadline deadline, SpoolTarget spool,
                                                   JobEvents events) {
        GatewayCall call = gateway.submitCall(request);
        RetryPolicy policy = settings.retryPolicy();
        // the failure of the last attempt, whatever Retrier reports as the more telling one: an attempt that was sent
        // and cut by the deadline may have queued the job, even after an earlier 429 said "not taken"
        AtomicReference<Throwable> latest = new AtomicReference<>();
        return retrier.run("a submit to " + base + ". The job may have been queued: check the " + gateway.name()
                           + " dashboard before sending the message again.", deadline,
                timeLeft -> recordingFailure(redacting(Futures.map(send(call, timeLeft, spool, CallPhase.SUBMIT,
                        null), reply -> {
                    try {
                        return gateway.parseSubmitted(reply, request, spool);
                    } finally {
                        reply.delete();
                    }
                })), latest), (failure, retries) -> {
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
                        LOG.debug("Gateway asked to retry the submit after {} ms, past jobTimeout; giving up",
                                asked.toMillis());
                        return Optional.empty();
                    }
                    if (FailureKinds.neverSent(failure)) {
                        LOG.debug("Submit did not reach {} ({}); retry {} of {}", base, failure, retries + 1,
                                policy.maxRetries());
                    }
                    JobEvents.tell(events::retried);
                    return Optional.of(policy.delay(failure, retries + 1));
                }, telling -> submitExpired(deadline, telling, latest.get())).exceptionally(failure -> {
                    throw describe(Retrier.unwrap(failure), CallPhase.SUBMIT, null);
                });
    }

    /** The attempt, recording its failure before the retry layer sees it; cancelling it cancels the exchange. */
    private static <T> CompletableFuture<T> recordingFailure(CompletableFuture<T> attempt,
                                                             AtomicReference<Throwable> latest) {
        CompletableFuture<T> recorded = new CompletableFuture<>();
        attempt.whenComplete((value, error) -> {
            if (error != null) {
                latest.set(Retrier.unwrap(error));
                recorded.completeExceptionally(error);
            } else {
                recorded.complete(value);
            }
        });
        recorded.whenComplete((value, error) -> {
            if (error instanceof java.util.concurrent.CancellationException && !attempt.isDone()) {
                attempt.cancel(true);
            }
        });
        return recorded;
    }

    /**
     * One status query, within {@code timeLimit}, not retried: for {@link JobWaiter}, whose poll loop is the retry
     * layer of a waiting job. Fails with what happened (a {@link PixazoException} for an HTTP answer, an
     * {@link java.io.IOException} for a transport failure): classify it with {@link FailureKinds}.
     *
     * @param spool where images a completed job's answer carries inline are decoded to
     */
    public CompletableFuture<JobSnapshot> statusOnce(JobRef job, Duration timeLimit, SpoolTarget spool) {
        GatewayCall call;
        try {
            requireThisGateway(job);
            call = gateway.statusCall(job); // validates the id before anything is sent
        } catch (RuntimeException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        String requestId = job.requestId();
        return redacting(Futures.map(send(call, timeLimit, spool, CallPhase.STATUS, requestId), reply -> {
            JobSnapshot snapshot;
            try {
                snapshot = gateway.parseStatus(reply, job, spool);
            } finally {
                reply.delete();
            }
            if (!requestId.equals(snapshot.requestId())) { // it names files and headers: never take another id
                snapshot.images().forEach(image -> image.data().delete());
                throw new PixazoMalformedResponseException(gateway.name() + " answered the status query of job "
                        + requestId + " with request id '" + snapshot.requestId() + "'.", reply.status(), requestId,
                        null);
            }
            return revealsSecret(snapshot) ? withoutSecret(snapshot) : snapshot;
        }));
    }

    /**
     * Every failure of an attempt without the key: a gateway or proxy that echoes it (in a reply body, its error
     * words, a parser's message, the JDK's) must not put it into an exception, a log line or a header.
     */
    private <T> CompletableFuture<T> redacting(CompletableFuture<T> attempt) {
        return Futures.mapFailure(attempt, failure -> redactor.redact(failure));
    }

    private boolean revealsSecret(JobSnapshot snapshot) {
        return redactor.reveals(snapshot.error()) || snapshot.mediaUrls().stream().anyMatch(redactor::reveals);
    }

    /**
     * The snapshot with the key masked in its reason and its result URLs: a URL that carries the key is not fetched
     * as it is (the key would go to the media host, and into any HTTP log); its masked form fails to download, and
     * says why.
     */
    private JobSnapshot withoutSecret(JobSnapshot s) {
        return new JobSnapshot(s.requestId(), s.status(), s.model(), redactor.redact(s.error()),
                s.mediaUrls().stream().map(redactor::redact).toList(), s.mediaType(), s.createdAt(), s.updatedAt(),
                s.completedAt(), s.progress(), s.images());
    }

    /** {@link #statusOnce(JobRef, Duration, SpoolTarget)} for a job of this gateway known by its id only. */
    public CompletableFuture<JobSnapshot> statusOnce(String requestId, Duration timeLimit) {
        return statusOnce(new JobRef(gateway.id(), requestId, null, null), timeLimit, SpoolTarget.inMemory());
    }

    /**
     * The {@code pixazo:status} operation, and the query a consumer makes for a stored job: one status query,
     * retried on transient failures (the same rule as for a waiting job, {@link FailureKinds#transientAfterAcceptance})
     * up to {@code maxRetries} times and within the deadline, obeying a {@code Retry-After} up to
     * {@code maxRetryDelay}.
     *
     * @param job   the job; its gateway must be this client's (else a {@link PixazoValidationException})
     * @param spool where images the answer carries inline (Pixapi's {@code b64_json}) are decoded to
     */
    public CompletableFuture<JobSnapshot> status(JobRef job, Deadline deadline, SpoolTarget spool) {
        RetryPolicy policy = settings.retryPolicy();
        String requestId = job.requestId();
        return retrier.run("the status query of job " + requestId + ". The job continues at the gateway: query it"
                           + " with pixazo:status rather than submitting again.", deadline,
                timeLeft -> statusOnce(job, timeLeft, spool), (failure, retries) -> {
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

    /** {@link #status(JobRef, Deadline, SpoolTarget)} keeping inline images in memory. */
    public CompletableFuture<JobSnapshot> status(JobRef job, Deadline deadline) {
        return status(job, deadline, SpoolTarget.inMemory());
    }

    /** {@link #status(JobRef, Deadline)} for a job of this gateway known by its id only. */
    public CompletableFuture<JobSnapshot> status(String requestId, Deadline deadline) {
        return status(new JobRef(gateway.id(), requestId, null, null), deadline);
    }

    private void requireThisGateway(JobRef job) {
        if (!gateway.id().equals(job.gateway())) {
            throw new PixazoValidationException("gateway", job.gateway(), "job " + job.requestId() + " was submitted to"
                    + " the gateway '" + job.gateway() + "', but this endpoint talks to '" + gateway.id() + "': query"
                    + " it with an endpoint whose option gateway is " + job.gateway() + " (its key and baseUrl).");
        }
    }

    /**
     * Sends one API call. A synchronous endpoint stays silent until the job is done, so its read timeout is what is
     * left of the deadline; an answer that may carry images is spooled, any other is buffered up to 1 MB.
     */
    private CompletableFuture<SpooledReply> send(GatewayCall call, Duration timeLimit, SpoolTarget spool,
                                                 CallPhase phase, String requestId) {
        URI uri = URI.create(base + call.path());
        Map<String, String> headers = new HashMap<>(call.headers());
        if (settings.apiKey() != null && sameOrigin(uri, settings.baseUrl())) {
            headers.putAll(gateway.authenticationHeaders(settings.apiKey()));
        }
        Duration readTimeout = call.waitsForResult() && timeLimit != null ? timeLimit : settings.readTimeout();
        HttpCall http = new HttpCall(call.method(), uri, headers, call.body(), settings.connectTimeout(), readTimeout,
                timeLimit, false, call.inlineImages() ? MAX_INLINE_RESPONSE_BYTES : MAX_API_RESPONSE_BYTES);
        CompletableFuture<SpooledReply> sent = call.inlineImages()
                ? transport.executeSpooled(http, spool.settings(), spool.files(),
                        "pixazo-" + (requestId != null ? requestId : "submit"), MAX_API_RESPONSE_BYTES)
                : Futures.map(transport.execute(http), SpooledReply::of);
        return Futures.map(sent, reply -> {
            JobEvents.tell(() -> listener.answered(phase, reply.status()));
            if (!reply.isSuccess()) {
                throw gateway.failure(scrub(toHttpReply(reply)), phase, requestId);
            }
            return reply;
        });
    }

    /** An unsuccessful answer is always buffered (up to 1 MB), see {@link HttpTransport#executeSpooled}. */
    private static HttpReply toHttpReply(SpooledReply reply) {
        return new HttpReply(reply.status(), reply.headers(), reply.body().inMemory() ? reply.body().bytes()
                : new byte[0]);
    }

    /**
     * A gateway that echoes the key in an error body must not put it into our exception messages: removed before the
     * gateway reads its words, in every form {@link SecretRedactor} knows (the failure is redacted again on its way
     * out, see {@link #redacting}).
     */
    private HttpReply scrub(HttpReply reply) {
        String body = reply.bodyText();
        if (!redactor.reveals(body)) {
            return reply;
        }
        return new HttpReply(reply.status(), reply.headers(), redactor.redact(body).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The submit's deadline passed. Whether the job may exist is decided by the last attempt, not by the failure the
     * retry layer found more telling: an attempt sent and then cut by the deadline may have queued it. When nothing
     * was queued the cause is a {@link io.github.camelpixazo.error.PixazoJobNotTakenException} (Camel's failover
     * looks through causes); when the job may exist, nothing in the cause chain is one.
     *
     * @param telling the failure to report (see {@link Retrier#moreTelling}), or null
     * @param latest  the last attempt's failure, or null when no attempt failed
     */
    private PixazoException submitExpired(Deadline deadline, Throwable telling, Throwable latest) {
        String budget = "jobTimeout=" + Durations.format(deadline.budget());
        if (latest != null && !FailureKinds.submitNotTaken(latest)) {
            return new PixazoTimeoutException("No answer to the submit from " + base + " within " + budget + " ("
                    + message(latest) + (telling != null && telling != latest ? "; before it: " + message(telling) : "")
                    + "). The job may have been queued and billed, so it is not resubmitted automatically: check the "
                    + gateway.name() + " dashboard before sending the message again.", null, latest);
        }
        Throwable last = telling != null ? telling : latest;
        String text = "The submit to " + base + " could not be made within " + budget
                      + (last != null ? " (last attempt: " + message(last) + ")" : "") + ". Nothing was queued: send the"
                      + " message again later, or raise jobTimeout.";
        Throwable cause = last == null || last instanceof io.github.camelpixazo.error.PixazoJobNotTakenException ? last
                : new PixazoUnreachableException("Could not reach " + gateway.name() + " at " + base + ": "
                  + message(last), last);
        return new PixazoTimeoutException(text, null, cause);
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
        if (local != null) { // this machine, not the gateway: never retried
            boolean answerLost = phase == CallPhase.SUBMIT && !local.isInput(); // sent whole, its answer not stored
            return new io.github.camelpixazo.error.PixazoLocalIoException(local.getMessage() + (answerLost
                    ? " The submit was sent and its answer could not be stored: the job may have been queued and billed,"
                      + " so it is not resubmitted automatically: check the " + gateway.name() + " dashboard before"
                      + " sending the message again." : ""), requestId, failure);
        }
        if (failure instanceof io.github.camelpixazo.http.UnsendableRequestException unsendable) {
            return new PixazoException(unsendable.getMessage() + " Nothing was " + (phase == CallPhase.SUBMIT
                    ? "queued" : "changed") + ": fix the value, then send the message again.", 0, null, null,
                    requestId, null);
        }
        String where = base + " (" + failure.getClass().getSimpleName()
                       + (failure.getMessage() != null ? ": " + failure.getMessage() : "") + ")";
        if (FailureKinds.neverSent(failure)) {
            String text = "Could not reach " + gateway.name() + " at " + where + ", also on "
                          + settings.retryPolicy().maxRetries() + " retries. Nothing was "
                          + (phase == CallPhase.SUBMIT ? "queued" : "changed") + "; check baseUrl, the proxy settings"
                          + " and the network.";
            return phase == CallPhase.SUBMIT ? new PixazoUnreachableException(text, failure)
                    : new PixazoException(text, 0, null, null, requestId, failure);
        }
        if (phase == CallPhase.SUBMIT && FailureKinds.readTimeout(failure)) {
            return new PixazoTimeoutException("No answer to the submit from " + where + " within readTimeout="
                    + Durations.format(settings.readTimeout()) + ". The job may have been queued and billed, so it is"
                    + " not resubmitted automatically: check the " + gateway.name() + " dashboard before sending the"
                    + " message again.", null, failure);
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
