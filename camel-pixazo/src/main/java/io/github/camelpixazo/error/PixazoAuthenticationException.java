package io.github.camelpixazo.error;

/**
 * The gateway rejected the API key (HTTP 401) or denied access (HTTP 403) on a submit: nothing was queued. A
 * {@link PixazoJobNotTakenException}. (A 401 or 403 on the status query of a job that was queued is a plain
 * {@link PixazoException} carrying the request id: that job exists.)
 */
public class PixazoAuthenticationException extends PixazoJobNotTakenException {

    public PixazoAuthenticationException(int httpStatus, String gatewayError, String gatewayMessage, String requestId) {
        this("The gateway", httpStatus, gatewayError, gatewayMessage);
    }

    /** @param gateway the gateway's name, e.g. "EvoLink" */
    public PixazoAuthenticationException(String gateway, int httpStatus, String gatewayError, String gatewayMessage) {
        super(httpStatus == 403
                ? gateway + " denied access (HTTP 403)" + gatewaySays(gatewayError, gatewayMessage)
                  + ": check that the apiKey's subscription includes this model and that the key is active."
                  + " Nothing was queued."
                : gateway + " rejected the API key (HTTP " + httpStatus + ")" + gatewaySays(gatewayError, gatewayMessage)
                  + ": check the apiKey option (it is sent only to baseUrl) and that the key is valid for " + gateway
                  + ". Nothing was queued.",
              httpStatus, gatewayError, gatewayMessage, null);
    }
}
