package io.github.camelpixazo.webhook;

/**
 * Told about each callback that passed the receiver's checks (size, JSON object), on a worker thread, after the
 * gateway has had its 202. Nothing in a callback is trusted yet: {@code token} is the last path segment as received,
 * {@code body} the JSON as posted.
 */
@FunctionalInterface
public interface CallbackListener {

    /** One callback; must not throw (it is logged and dropped if it does). */
    void onCallback(String token, byte[] body);
}
