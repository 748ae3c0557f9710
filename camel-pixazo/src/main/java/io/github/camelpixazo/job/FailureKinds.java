package io.github.camelpixazo.job;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.TimeLimitExceededException;
import io.github.camelpixazo.media.LocalIoException;

/**
 * The one place that says what a failure means for a job: was a request sent at all, did the gateway take a submit,
 * and - once a job was accepted - does a failed status query or download end the wait, or is it transient until the
 * deadline. The component page's table "One rule for a job's failures" is this class in words.
 */
public final class FailureKinds {

    private FailureKinds() {
    }

    /** The request certainly never reached the gateway, so even a submit can be repeated without double billing. */
    public static boolean neverSent(Throwable failure) {
        return failure instanceof ConnectException // refused, or the host did not resolve (JDK client)
               || failure instanceof HttpConnectTimeoutException
               || failure instanceof UnknownHostException
               || failure instanceof NoRouteToHostException
               // the time limit passed while the call still waited for a free connection
               || failure instanceof TimeLimitExceededException limit && !limit.requestStarted();
    }

    /**
     * This machine failed, not the gateway: a spool directory or temporary file that cannot be written, a full disk, a
     * local input file that cannot be read ({@link LocalIoException}, anywhere in the cause chain, since the HTTP
     * client wraps what a request body or a response sink throws). Never retried: asking the gateway again would fail
     * the same way, and downloading an image again and again until the deadline only fills the network.
     */
    public static boolean local(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LocalIoException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The {@link LocalIoException} in the cause chain, or null. */
    public static LocalIoException localCause(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof LocalIoException local) {
                return local;
            }
        }
        return null;
    }

    /** No response within readTimeout (the request was sent: its effect is unknown). */
    public static boolean readTimeout(Throwable failure) {
        return failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException);
    }

    /**
     * A submit the gateway certainly did not take, so sending it again cannot bill twice: nothing was sent, a 429,
     * or a 503 that came with a Retry-After (a refusal before any work: Pixapi and EvoLink document their 503s as
     * "retry later"). A 503 without Retry-After, other 5xx and read timeouts are not: the job may have been queued.
     */
    public static boolean submitNotTaken(Throwable failure) {
        return failure instanceof PixazoRateLimitException || neverSent(failure);
    }

    /**
     * The final failure of a submit says that the gateway certainly did not take the job: it is, or is caused by, a
     * {@link io.github.camelpixazo.error.PixazoJobNotTakenException} (a deadline that passed while nothing was queued
     * carries one as its cause, as Camel's failover expects). Then nothing can be billed, and a budget gives the job's
     * reservation back.
     */
    public static boolean notTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.github.camelpixazo.error.PixazoJobNotTakenException) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a job was accepted, the gateway (or the media host) said that the job, its result or the key is gone, so
     * asking again cannot help: a 4xx other than 408, 425 and 429 - typically 401/403 (key rejected or not allowed,
     * or a signed result URL that expired), 404/410 (no such job, or a result URL that has expired), 400 (a request
     * id it does not accept). Also a request that could not be made at all (an invalid request id, a header value HTTP does not allow) and a failing JVM
     * ({@link VirtualMachineError}: asking again would fail the same way).
     */
    public static boolean jobOrKeyGone(Throwable failure) {
        if (failure instanceof VirtualMachineError || failure instanceof PixazoValidationException
            || failure instanceof io.github.camelpixazo.http.UnsendableRequestException) {
            return true;
        }
        if (failure instanceof PixazoException pixazo) {
            int status = pixazo.getHttpStatus();
            return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
        }
        return false;
    }

    /**
     * The one rule for every failure of a status query or a download after the job was accepted: transient - ask
     * again, until the job's deadline - unless {@link #jobOrKeyGone(Throwable)} or {@link #local(Throwable)}. Transient includes 408, 425, 429, every
     * 5xx, I/O errors and timeouts, malformed answers (not JSON, not an image) and oversized ones: a proxy's
     * error page or a truncated answer says nothing about the job.
     */
    public static boolean transientAfterAcceptance(Throwable failure) {
        return !jobOrKeyGone(failure) && !local(failure);
    }
}
