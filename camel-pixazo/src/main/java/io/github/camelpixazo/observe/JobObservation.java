package io.github.camelpixazo.observe;

import java.time.Duration;
import java.util.Locale;

import io.github.camelpixazo.cost.CostEstimate;
import io.github.camelpixazo.error.UserText;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.job.FailureKinds;
import io.github.camelpixazo.job.JobEvents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job as operators see it: its meters (see {@link JobMeters}) and an INFO line on the logger
 * {@value #LOGGER} at each change of state - accepted (with its request id and estimated price), each new status
 * while it is waited for, and its end (completed with its duration and images, or failed with a
 * {@link FailureReason}). A line never holds the API key; the prompt only when {@code logPrompt=true}. Thread-safe:
 * the events come from HTTP, scheduler and worker threads; each line is written once.
 */
public final class JobObservation implements JobEvents {

    /** The logger of the job lines: set it to WARN to silence them. */
    public static final String LOGGER = "io.github.camelpixazo.jobs";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final JobMeters meters;
    private final String what;
    private final CostEstimate estimate;
    private final String prompt;
    private final long started = System.nanoTime();
    private volatile String requestId;
    private volatile boolean ended;

    /**
     * Starts observing a job whose submit is about to be sent: it counts as in flight from now.
     *
     * @param what     "pixazo gpt-image-2 generate": the gateway, model and operation
     * @param estimate its price, or null when none is published
     * @param prompt   the prompt to log, or null (the default: logPrompt=false)
     */
    public JobObservation(JobMeters meters, String what, CostEstimate estimate, String prompt) {
        this.meters = meters;
        this.what = what;
        this.estimate = estimate;
        this.prompt = prompt;
        meters.inFlight(1);
    }

    /** A budget refused a message before anything was sent (not a job: not in flight, not failed). */
    public static void refused(JobMeters meters) {
        meters.budgetRefused();
    }

    /** The gateway accepted the job. */
    public void accepted(SubmittedJob job) {
        requestId = job.requestId();
        meters.submitted();
        if (estimate != null) {
            meters.spent(estimate.amount(), estimate.currency());
        }
        LOG.info("Job {} ({}): {} after {}{}{}", job.requestId(), what, job.status(), seconds(), price(),
                prompt != null ? ", prompt '" + UserText.quote(prompt) + "'" : "");
    }

    @Override
    public void polled() {
        meters.polled();
    }

    @Override
    public void retried() {
        meters.retried();
    }

    @Override
    public void statusChanged(JobStatus from, JobSnapshot snapshot) {
        if (!snapshot.status().isTerminal()) {
            LOG.info("Job {}: {} after {}{}", snapshot.requestId(), snapshot.status(), seconds(),
                    snapshot.progress() != null ? " (" + snapshot.progress() + "%)" : "");
        }
    }

    /** One image of the job was downloaded. */
    public void downloaded(long bytes) {
        meters.downloaded(bytes);
    }

    /** The job completed and its result is written: {@code images} images, {@code bytes} downloaded. */
    public void completed(int images, long bytes) {
        if (end()) {
            meters.completed(Duration.ofNanos(System.nanoTime() - started));
            LOG.info("Job {}: COMPLETED after {}, {} image{}{}{}", requestId, seconds(), images, images == 1 ? "" : "s",
                    bytes > 0 ? " (" + size(bytes) + " downloaded)" : "", price());
        }
    }

    /** The job was handed to the route as submitted (waitForCompletion=false): it is no longer in flight here. */
    public void handedOver() {
        end();
    }

    /** The job, or its submit, failed. */
    public void failed(Throwable failure) {
        if (end()) {
            String reason = FailureReason.of(failure);
            meters.failed(reason);
            if (requestId != null) {
                LOG.info("Job {}: failed after {} ({}){}", requestId, seconds(), reason, price());
            } else {
                LOG.info("Submit ({}) failed after {} ({}): {}", what, seconds(), reason, FailureKinds.notTaken(failure)
                        ? "nothing was queued" : "the job may have been queued: check the gateway before sending again");
            }
        }
    }

    private boolean end() {
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
        }
        meters.inFlight(-1);
        return true;
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private String price() {
        return estimate != null ? ", estimated " + estimate.describe() : "";
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0) : bytes + " bytes";
    }
}
