package io.github.camelpixazo.http;

import java.io.IOException;

/**
 * A request that could not even be built, so nothing was sent: a header value holding a character HTTP does not
 * allow (see {@link io.github.camelpixazo.request.HeaderValues}), or anything else the JDK's request builder
 * refuses. Asking again would fail the same way, so nothing retries it. Its message names the header and the character, never the value (it may be the
 * API key), and it carries no cause for the same reason.
 */
public class UnsendableRequestException extends IOException {

    public UnsendableRequestException(String message) {
        super(message);
    }
}
