package io.github.camelpixazo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.github.camelpixazo.store.JobStore;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The readiness check of a {@code pixazo:jobs} consumer ({@code consumer:<routeId>}, in Camel's consumers repository
 * like every polling consumer's): Camel's own polling-consumer check (DOWN while polls fail, e.g. a job store that
 * cannot be read), with the jobs in its details - how many are pending in the store, how old the oldest is, how many
 * this instance holds, and the last status query that failed (with its job and time). A job store that cannot be
 * counted makes it DOWN.
 */
final class JobsConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final JobsConsumer consumer;

    JobsConsumerHealthCheck(JobsConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polling = super.call(options);
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(polling.getState())
                .details(polling.getDetails());
        polling.getMessage().ifPresent(builder::message);
        polling.getError().ifPresent(builder::error);
        if (!isEnabled()) {
            return builder.build();
        }
        JobStore store = consumer.store();
        if (store != null) {
            try {
                builder.detail("jobs.pending", store.count());
                Optional<Instant> oldest = store.oldestSubmittedAt();
                oldest.ifPresent(at -> {
                    builder.detail("jobs.oldest.submitted", at.toString());
                    builder.detail("jobs.oldest.age.seconds", Duration.between(at, Instant.now()).toSeconds());
                });
                builder.detail("job.store", store.location());
            } catch (RuntimeException e) {
                builder.down().message("The job store " + store.location() + " cannot be read: " + e.getMessage())
                        .error(e);
            }
        }
        builder.detail("jobs.held", consumer.getHeldJobs());
        JobsConsumer.PollError error = consumer.lastPollError();
        if (error != null) {
            builder.detail("last.poll.error", error.message());
            builder.detail("last.poll.error.job", error.requestId());
            builder.detail("last.poll.error.at", error.at().toString());
        }
        return builder.build();
    }
}
