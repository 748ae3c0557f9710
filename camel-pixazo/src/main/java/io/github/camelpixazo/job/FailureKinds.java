package io.github.camelpixazo.job;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;

import org.apache.hc.client5.http.ConnectTimeoutException;

/** Classifies failures by what they say about the request: was it sent at all, and is repeating it harmless? */
final class FailureKinds {

    private FailureKinds() {
    }

    /** The request certainly never reached the gateway, so even a submit can be repeated without double billing. */
    static boolean neverSent(Throwable failure) {
        return failure instanceof ConnectException // includes HttpHostConnectException: connection refused
               || failure instanceof ConnectTimeoutException
               || failure instanceof UnknownHostException
               || failure instanceof NoRouteToHostException;
    }

    /** No response within readTimeout (the request was sent: its effect is unknown). */
    static boolean readTimeout(Throwable failure) {
        return failure instanceof SocketTimeoutException && !(failure instanceof ConnectTimeoutException);
    }

    /** Worth repeating for a call without side effects (status query, download): 429, 5xx, garbled or lost answers. */
    static boolean transientForIdempotentCall(Throwable failure) {
        if (failure instanceof PixazoMalformedResponseException || failure instanceof IOException) {
            return true;
        }
        return failure instanceof PixazoException pixazo
               && (pixazo.getHttpStatus() == 429 || pixazo.getHttpStatus() >= 500);
    }
}
