package io.github.camelpixazo.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives a response body chunk by chunk, as it arrives, and makes the result of the call from it (bytes in memory,
 * a spooled file, ...). Called by one thread at a time, in order.
 *
 * @param <T> what the call completes with
 */
public interface BodySink<T> {

    /** The next chunk; the buffer is only valid during the call. */
    void write(ByteBuffer chunk) throws IOException;

    /** The body is complete: the call's result. */
    T complete() throws IOException;

    /** The call failed or was cancelled before {@link #complete()}: release what was written (temp files). */
    void discard();

    /** The call had already failed (its deadline passed) when {@link #complete()} returned: release the result. */
    default void dispose(T result) {
    }
}
