package io.github.camelpixazo.error;

/**
 * The gateway rejected the API key (HTTP 401) or denied access (HTTP 403). On a submit nothing was queued; on a status
 * query the job was queued before (see {@link #getRequestId()}).
 */
public class PixazoAuthenticationException extends PixazoException {

    public PixazoAuthenticationException(int httpStatus, String gatewayError, String gatewayMessage, String requestId) {
        super(httpStatus == 403
                ? "The gateway denied access (HTTP 403)" + gatewaySays(gatewayError, gatewayMessage)
                  + ": check that the apiKey's subscription includes this model and that the key is active."
                  + (requestId != null ? " Job " + requestId + " was queued before this." : "")
                : "The gateway rejected the API key (HTTP " + httpStatus + ")" + gatewaySays(gatewayError, gatewayMessage)
                  + ": check the apiKey option (it is sent only to baseUrl) and that the key is valid for that gateway."
                  + (requestId != null ? " Job " + requestId + " was queued before this: query it with pixazo:status once"
                                         + " the key works." : ""),
              httpStatus, gatewayError, gatewayMessage, requestId, null);
    }
}
