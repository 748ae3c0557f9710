package io.github.camelpixazo.job;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;

import io.github.camelpixazo.http.ResponseTooLargeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/** Classifies failures by what they say about the request: was it sent at all, and is repeating it harmless? */
public final class FailureKinds {

    private FailureKinds() {
    }

    /** The request certainly never reached the gateway, so even a submit can be repeated without double billing. */
    static boolean neverSent(Throwable failure) {
        return failure instanceof ConnectException // includes HttpHostConnectException: connection refused
               || failure instanceof ConnectTimeoutException
               || failure instanceof UnknownHostException
               || failure instanceof NoRouteToHostException
               // no pooled connection became free in time: the request was never written
               || failure instanceof ConnectionRequestTimeoutException
               || failure instanceof DeadlineTimeoutException;
    }

    /** No response within readTimeout (the request was sent: its effect is unknown). */
    static boolean readTimeout(Throwable failure) {
        return failure instanceof SocketTimeoutException && !(failure instanceof ConnectTimeoutException);
    }

    /** Worth repeating for a call without side effects (status query, download): 429, 5xx, garbled or lost answers. */
    public static boolean transientForIdempotentCall(Throwable failure) {
        if (failure instanceof ResponseTooLargeException) {
            return false;
        }
        if (failure instanceof PixazoMalformedResponseException || failure instanceof IOException) {
            return true;
        }
        return failure instanceof PixazoException pixazo
               && (pixazo.getHttpStatus() == 429 || pixazo.getHttpStatus() >= 500);
    }
}
