package io.github.camelpixazo.error;

/**
 * The request is invalid. Raised before anything is sent (then {@link #getOption()} names the option or header at
 * fault) or when the gateway answers HTTP 400 (or Pixapi's 422, a prompt or input its policy refuses). Nothing was
 * queued or billed; fix the input and send again. A {@link PixazoJobNotTakenException}.
 */
public class PixazoValidationException extends PixazoJobNotTakenException {

    private final String option;
    private final transient Object value;
    private final String problem;

    /** A local validation failure: nothing left the JVM. */
    public PixazoValidationException(String option, Object value, String problem) {
        super("Invalid option '" + option + "'" + (value != null ? " = '" + abbreviate(value) + "'" : "") + ": " + problem);
        this.option = option;
        this.value = value;
        this.problem = problem;
    }

    /** The gateway's HTTP 400. */
    public PixazoValidationException(String gatewayError, String gatewayMessage) {
        this("The gateway", 400, gatewayError, gatewayMessage);
    }

    /**
     * The gateway refused the request as invalid: HTTP 400, or 422 (Pixapi: a prompt or input its policy refuses).
     *
     * @param gateway the gateway's name, e.g. "Pixapi"
     */
    public PixazoValidationException(String gateway, int httpStatus, String gatewayError, String gatewayMessage) {
        super(gateway + " rejected the request " + (httpStatus == 422 ? "(HTTP 422: a prompt or input it refuses)"
                : "as invalid (HTTP " + httpStatus + ")") + gatewaySays(gatewayError, gatewayMessage)
              + ": nothing was queued; fix the request and send it again.",
              httpStatus, gatewayError, gatewayMessage, null);
        this.option = null;
        this.value = null;
        this.problem = null;
    }

    /** The option (or header) at fault for local validation failures; null when the gateway rejected the request. */
    public String getOption() {
        return option;
    }

    /** The rejected value for local validation failures. */
    public Object getValue() {
        return value;
    }

    /** What is wrong with the value and what to do, without the option and value (null for the gateway's 400). */
    public String getProblem() {
        return problem;
    }

    /** As the user gave it, with invisible characters escaped and long values cut (see {@link UserText}). */
    private static String abbreviate(Object value) {
        return UserText.quote(value);
    }
}
