package io.github.camelpixazo.http;

import java.io.IOException;
import java.time.Duration;

/**
 * A call's {@link HttpCall#timeLimit()} passed before it completed; the exchange was cancelled.
 * {@link #requestStarted()} says whether the request may have reached the server: false when the call was still
 * waiting for a free connection (then nothing was sent).
 */
public class TimeLimitExceededException extends IOException {

    private final boolean requestStarted;

    public TimeLimitExceededException(Duration limit, boolean requestStarted) {
        super("The call did not complete within its time limit of " + limit.toMillis() + " ms"
              + (requestStarted ? "" : " (it was still waiting for a free connection: nothing was sent)"));
        this.requestStarted = requestStarted;
    }

    /** False when nothing was sent (the call never got a connection). */
    public boolean requestStarted() {
        return requestStarted;
    }
}
