package io.github.camelpixazo.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.request.GatewayCapabilities;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageRequest;

/**
 * The one seam per gateway: its base URL, key header, paths, wire field names, answer shapes and error bodies.
 * Everything above it speaks {@link ImageRequest}, {@link SubmitOutcome}, {@link SubmittedJob} and
 * {@link JobSnapshot}; everything below it is plain HTTP. Implementations are stateless and thread-safe: one per
 * gateway, found by id in {@link Gateways}.
 * <p>
 * The calls are made by {@code job.JobClient}, which adds the key only to {@code baseUrl}'s origin and classifies
 * transport failures; a gateway only builds calls and reads answers.
 */
public interface ImageGateway extends GatewayCapabilities {

    /** The id users write in the option {@code gateway}: {@code pixazo}, {@code pixapi}, {@code evolink}. */
    String id();

    /** The gateway's base URL as its reference documents it (the default of {@code baseUrl}). */
    String defaultBaseUrl();

    /** The environment variable read when no key is configured: {@code <ID>_API_KEY}. */
    default String apiKeyVariable() {
        return id().toUpperCase(Locale.ROOT) + "_API_KEY";
    }

    /** The headers that carry the key; added only to calls to the baseUrl origin. */
    Map<String, String> authenticationHeaders(String apiKey);

    /** The submit call for a validated request (JSON or multipart; the path picks sync or async where both exist). */
    GatewayCall submitCall(ImageRequest request);

    /**
     * Reads a successful submit answer: a job to poll, or (synchronous endpoints) the finished job.
     *
     * @param spool where images returned inline are decoded to
     * @throws io.github.camelpixazo.error.PixazoMalformedResponseException if it is not the documented shape
     */
    SubmitOutcome parseSubmitted(SpooledReply reply, ImageRequest request, SpoolTarget spool);

    /**
     * The status query of a job.
     *
     * @throws io.github.camelpixazo.error.PixazoValidationException if the id is not safe to put in a path
     */
    GatewayCall statusCall(JobRef job);

    /**
     * Reads a successful status answer.
     *
     * @param spool where images returned inline are decoded to
     * @throws io.github.camelpixazo.error.PixazoMalformedResponseException if it is not the documented shape
     */
    JobSnapshot parseStatus(SpooledReply reply, JobRef job, SpoolTarget spool);

    /**
     * Reads the body of a webhook callback into what it claims about the job - a hint, never the truth: callbacks are
     * not signed, so a consumer confirms with a status query. Pixazo's callback has the status answer's shape
     * (pixazo-gpt-image-api.txt), EvoLink's the task query's (evolink-gpt-image-1.5-api.txt); Pixapi documents no
     * callbacks.
     *
     * @return empty for a gateway without callbacks
     * @throws io.github.camelpixazo.error.PixazoMalformedResponseException if the body is not the documented shape
     */
    Optional<JobSnapshot> parseCallback(byte[] body);

    /**
     * Checks a request id a user gave (to {@code pixazo:status}) against this gateway's documented form, before it is
     * sent. Ids the gateway itself returns are only checked for safety ({@link #statusCall}), so that a change in the
     * gateway's id format cannot strand a paid job.
     *
     * @param  given                                                 the value as the user gave it, for the message
     * @throws io.github.camelpixazo.error.PixazoValidationException on option {@code requestId} for another form
     */
    void requireDocumentedRequestId(String requestId, Object given);

    /**
     * The typed exception for an unsuccessful HTTP reply: the same types for the same meaning on every gateway (see
     * {@link GatewayErrors}); only reading the error body is the gateway's own.
     */
    PixazoException failure(HttpReply reply, CallPhase phase, String requestId);

    /** What to do about a FAILED or ERROR job, for its exception's message. */
    default String failureAdvice(JobSnapshot snapshot) {
        return "FAILED means the job ended at " + name() + " without images: read the reason above, then change the"
               + " prompt or input images before sending again.";
    }

    /**
     * Where each option goes on the wire for a model and operation, in the order the request is built: what the
     * gateway pages document and the requests really carry.
     */
    List<WireField> wireFields(ImageModel model, ImageOperation operation);
}
