package io.github.camelpixazo.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@link JobStore} shares: Camel's service life cycle ({@link ServiceSupport}), the checks of the
 * arguments every store takes, and the reporting of unusable records (a WARN line, the listener, and the list of
 * recent problems).
 */
public abstract class AbstractJobStore extends ServiceSupport implements JobStore {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    private static final int KEPT_PROBLEMS = 100;

    private final Deque<StoreProblem> problems = new ArrayDeque<>();
    private volatile StoreProblemListener problemListener;

    @Override
    public void setProblemListener(StoreProblemListener listener) {
        this.problemListener = listener;
    }

    @Override
    public List<StoreProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Logs the problem at WARN, keeps it for {@link #problems()} and tells the listener (whose failures are logged). */
    protected void report(StoreProblem problem) {
        LOG.warn("{}", problem);
        synchronized (problems) {
            if (problems.size() == KEPT_PROBLEMS) {
                problems.removeFirst();
            }
            problems.addLast(problem);
        }
        StoreProblemListener listener = problemListener;
        if (listener != null) {
            try {
                listener.onProblem(problem);
            } catch (RuntimeException e) {
                LOG.warn("The job store's problem listener failed on {}", problem.location(), e);
            }
        }
    }

    /** Throws {@link IllegalStateException} unless started (or starting: loading runs during start). */
    protected void checkStarted() {
        if (!isStarted() && !isStarting()) {
            throw new IllegalStateException("The job store " + location() + " is not started");
        }
    }

    /** Checks what {@link #claimDue} and {@link #claim} take. */
    protected static void checkClaim(String owner, Instant now, Duration lease) {
        checkOwner(owner);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be at least 1 ms, got " + lease);
        }
    }

    /** Owner ids are non-blank, at most 200 characters. */
    protected static void checkOwner(String owner) {
        if (owner == null || owner.isBlank() || owner.length() > JobRecord.MAX_ID) {
            throw new IllegalArgumentException("owner must be a non-blank id of at most " + JobRecord.MAX_ID
                                               + " characters, got '" + owner + "'");
        }
    }

    /** {@code max} is 1 or more. */
    protected static void checkMax(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be 1 or more, got " + max);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location() + "]";
    }
}
