package io.github.camelpixazo.gateway;

import java.util.Map;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.request.GatewayCapabilities;
import io.github.camelpixazo.request.ImageRequest;

/**
 * The one seam per gateway: its paths, authentication header, wire field names and response shapes. Everything above
 * it speaks {@link ImageRequest}, {@link SubmittedJob} and {@link JobSnapshot}; everything below it is plain HTTP.
 * Implementations are stateless and thread-safe.
 */
public interface ImageGateway extends GatewayCapabilities {

    /** A name for messages, e.g. "Pixazo". */
    String name();

    /** The headers that carry the key; added only to calls to the baseUrl origin. */
    Map<String, String> authenticationHeaders(String apiKey);

    /** The submit call for a validated request. */
    GatewayCall submitCall(ImageRequest request);

    /**
     * The status query of a job.
     *
     * @throws io.github.camelpixazo.error.PixazoValidationException if the id is not a well-formed request id
     */
    GatewayCall statusCall(String requestId);

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
     * Reads a successful submit response.
     *
     * @throws io.github.camelpixazo.error.PixazoMalformedResponseException if it is not the documented shape
     */
    SubmittedJob parseSubmitted(HttpReply reply);

    /**
     * Reads a successful status response.
     *
     * @throws io.github.camelpixazo.error.PixazoMalformedResponseException if it is not the documented shape
     */
    JobSnapshot parseStatus(HttpReply reply);

    /** The typed exception for an unsuccessful HTTP reply. */
    PixazoException failure(HttpReply reply, CallPhase phase, String requestId);
}
