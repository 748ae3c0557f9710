package io.github.camelpixazo.http;

import java.io.IOException;

/**
 * Decides, once the status and headers are known, where the body goes: a download spools a 200 to disk but keeps an
 * error page small in memory.
 *
 * @param <T> what the call completes with
 */
@FunctionalInterface
public interface ResponseHandler<T> {

    BodySink<T> open(ResponseHead head) throws IOException;
}
