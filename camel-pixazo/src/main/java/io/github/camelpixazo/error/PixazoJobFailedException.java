package io.github.camelpixazo.error;

/**
 * The job reached a terminal {@code FAILED} or {@code ERROR} status at the gateway. {@code FAILED}: the model refused
 * or could not render the request (often the prompt or the input images); {@code ERROR}: a gateway system error,
 * documented as not charged, so sending the message again is safe.
 */
public class PixazoJobFailedException extends PixazoException {

    private final String status;

    public PixazoJobFailedException(String requestId, String status, String errorText) {
        super("Job " + requestId + " ended with status " + status
              + (errorText != null && !errorText.isBlank() ? ": " + errorText : " (the gateway gave no reason)")
              + ("ERROR".equals(status)
                      ? ". ERROR is a gateway system error and is not charged: it is safe to send the message again."
                      : ". FAILED means the model could not do this request: change the prompt or input images before sending again."),
              0, errorText, null, requestId, null);
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
