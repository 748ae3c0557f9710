package io.github.camelpixazo.error;

/**
 * HTTP 402: the wallet behind the API key cannot pay for the job. Nothing was queued or billed; a
 * {@link PixazoJobNotTakenException}, so a failover route may send the message to another gateway.
 */
public class PixazoInsufficientBalanceException extends PixazoJobNotTakenException {

    public PixazoInsufficientBalanceException(String gatewayError, String gatewayMessage) {
        this("The gateway", gatewayError, gatewayMessage);
    }

    /** @param gateway the gateway's name, e.g. "Pixazo" */
    public PixazoInsufficientBalanceException(String gateway, String gatewayError, String gatewayMessage) {
        super(gateway + " refused the job for insufficient balance (HTTP 402)" + gatewaySays(gatewayError, gatewayMessage)
              + ": add funds to the account of the apiKey, then send the message again; nothing was queued or billed.",
              402, gatewayError, gatewayMessage, null);
    }
}
