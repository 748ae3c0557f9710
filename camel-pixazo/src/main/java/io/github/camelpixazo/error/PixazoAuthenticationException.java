package io.github.camelpixazo.error;

/** The gateway rejected the API key (HTTP 401) or denied access to the model (HTTP 403). Nothing was queued. */
public class PixazoAuthenticationException extends PixazoException {

    public PixazoAuthenticationException(int httpStatus, String gatewayError, String gatewayMessage, String requestId) {
        super(httpStatus == 403
                ? "The gateway denied access (HTTP 403)" + gatewaySays(gatewayError, gatewayMessage)
                  + ": check that the apiKey's subscription includes this model and that the key is active."
                : "The gateway rejected the API key (HTTP " + httpStatus + ")" + gatewaySays(gatewayError, gatewayMessage)
                  + ": check the apiKey option (it is sent only to baseUrl) and that the key is valid for that gateway.",
              httpStatus, gatewayError, gatewayMessage, requestId, null);
    }
}
