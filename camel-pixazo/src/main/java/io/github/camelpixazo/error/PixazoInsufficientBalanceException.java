package io.github.camelpixazo.error;

/** HTTP 402: the wallet behind the API key cannot pay for the job. Nothing was queued or billed. */
public class PixazoInsufficientBalanceException extends PixazoException {

    public PixazoInsufficientBalanceException(String gatewayError, String gatewayMessage) {
        super("The gateway refused the job for insufficient balance (HTTP 402)" + gatewaySays(gatewayError, gatewayMessage)
              + ": add funds to the account of the apiKey, then send the message again; nothing was queued or billed.",
              402, gatewayError, gatewayMessage, null, null);
    }
}
