package io.github.camelpixazo.observe;

import io.github.camelpixazo.error.PixazoAuthenticationException;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.error.PixazoJobNotTakenException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.error.PixazoUnreachableException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.job.Retrier;

/**
 * Why a job failed, as a short word from a fixed set: the {@code reason} tag of {@code pixazo.jobs.failed} and the word
 * in the job's log line. A fixed set keeps the metric's cardinality bounded; the exception itself says the rest. A
 * budget's refusal is no job failure (nothing was sent): it has its own meter, pixazo.budget.refusals.
 */
public final class FailureReason {

    /** Every reason, in the order the docs list them. */
    public static final java.util.List<String> ALL = java.util.List.of("job_failed", "timeout", "unauthorized",
            "insufficient_balance", "rate_limited", "unreachable", "rejected", "not_taken", "malformed_response",
            "server_error", "other");

    private FailureReason() {
    }

    /** The reason of a failure (its first typed cause decides). */
    public static String of(Throwable failure) {
        Throwable f = Retrier.unwrap(failure);
        if (f instanceof PixazoJobFailedException) {
            return "job_failed";
        }
        if (f instanceof PixazoTimeoutException) {
            return "timeout";
        }
        if (f instanceof PixazoAuthenticationException) {
            return "unauthorized";
        }
        if (f instanceof PixazoInsufficientBalanceException) {
            return "insufficient_balance";
        }
        if (f instanceof PixazoRateLimitException) {
            return "rate_limited";
        }
        if (f instanceof PixazoUnreachableException) {
            return "unreachable";
        }
        if (f instanceof PixazoValidationException) {
            return "rejected";
        }
        if (f instanceof PixazoJobNotTakenException) {
            return "not_taken";
        }
        if (f instanceof PixazoMalformedResponseException) {
            return "malformed_response";
        }
        if (f instanceof PixazoException pixazo) {
            int status = pixazo.getHttpStatus();
            if (status == 401 || status == 403) {
                return "unauthorized";
            }
            if (status == 402) {
                return "insufficient_balance";
            }
            if (status >= 500) {
                return "server_error";
            }
        }
        return "other";
    }
}
