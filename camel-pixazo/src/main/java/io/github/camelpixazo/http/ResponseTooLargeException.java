package io.github.camelpixazo.http;

import java.io.IOException;

/** A response body exceeded the call's limit ({@link HttpCall#maxResponseBytes()}); the rest was not read. */
public class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(long limit) {
        super("Response from the server is larger than the limit of " + limit + " bytes");
    }
}
