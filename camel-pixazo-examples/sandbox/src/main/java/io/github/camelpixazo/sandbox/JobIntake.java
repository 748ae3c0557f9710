package io.github.camelpixazo.sandbox;

import java.time.Duration;
import java.time.Instant;

/** Accepts a validated job for any protocol: decides how it ends (queued fault, prompt marker) and plans callbacks. */
final class JobIntake {

    private final SandboxSettings settings;
    private final SandboxFaults faults;
    private final JobStore jobs;
    private final WebhookDispatcher webhooks;

    JobIntake(SandboxSettings settings, SandboxFaults faults, JobStore jobs, WebhookDispatcher webhooks) {
        this.settings = settings;
        this.faults = faults;
        this.jobs = jobs;
        this.webhooks = webhooks;
    }

    /** @param webhook where to call back, or null */
    Job accept(String requestId, Model model, GenerationRequest request, WebhookTarget webhook, boolean inline) {
        JobEnding ending = faults.takeQueuedEnding();
        if (ending == null) {
            ending = PromptMarkers.ending(request.prompt());
        }
        Duration processing = settings.processingTime();
        if (PromptMarkers.isSlow(request.prompt())) {
            processing = processing.multipliedBy(PromptMarkers.SLOW_FACTOR);
        }
        Job job = new Job(requestId, model, request, ending, webhook, processing, Instant.now(), System.nanoTime(),
                inline);
        jobs.add(job);
        webhooks.register(job);
        return job;
    }
}
