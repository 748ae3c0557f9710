package io.github.camelpixazo.error;

/**
 * The job reached a terminal {@code FAILED} or {@code ERROR} status at the gateway. {@code FAILED}: the job ended
 * without images - the model refused or could not render the request (often the prompt or the input images), or the
 * gateway ended it (an EvoLink task that was cancelled is FAILED, its error text starting with {@code cancelled});
 * {@code ERROR}: a gateway system error, documented by Pixazo as not charged, so sending the message again is safe.
 * The message ends with what to do, as the gateway's documents say it.
 */
public class PixazoJobFailedException extends PixazoException {

    private final String status;

    /** With the advice Pixazo's documents give for its FAILED and ERROR statuses. */
    public PixazoJobFailedException(String requestId, String status, String errorText) {
        this(requestId, status, errorText, "ERROR".equals(status)
                ? "ERROR is a gateway system error and is not charged: it is safe to send the message again."
                : "FAILED means the model could not do this request: change the prompt or input images before sending"
                  + " again.");
    }

    /**
     * @param advice what to do, from the gateway that ran the job (see {@code ImageGateway.failureAdvice})
     */
    public PixazoJobFailedException(String requestId, String status, String errorText, String advice) {
        super("Job " + requestId + " ended with status " + status
              + (errorText != null && !errorText.isBlank() ? ": " + errorText : " (the gateway gave no reason)")
              + ". " + advice, 0, errorText, null, requestId, null);
        this.status = status;
    }

    /** {@code FAILED} or {@code ERROR}. */
    public String getStatus() {
        return status;
    }

    /** The gateway's error text for the job (its status {@code error} field), if any. */
    public String getErrorText() {
        return getGatewayError();
    }
}
