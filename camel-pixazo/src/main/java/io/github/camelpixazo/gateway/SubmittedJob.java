package io.github.camelpixazo.gateway;

import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;

/**
 * The gateway's answer to a submit: the job is queued. The message body when {@code waitForCompletion=false}; keep
 * {@code requestId} (and {@code gateway}) to query the job later with {@code pixazo:status}. {@code pollingUrl} is
 * informational only: the component never follows it (it always builds the status URL from {@code baseUrl}).
 *
 * @param requestId the gateway's id of the job (Pixazo's {@code request_id}, Pixapi's and EvoLink's task {@code id})
 * @param model     the model in the user's vocabulary ({@code gpt-image-2}, {@code gpt-image-1.5})
 * @param gateway   the id of the gateway that took it ({@code pixazo}, {@code pixapi}, {@code evolink}); a stored job
 *                  must be queried there
 * @param operation what the job does, or null when unknown
 */
public record SubmittedJob(String requestId, JobStatus status, String pollingUrl, String model, String gateway,
                           ImageOperation operation) {

    /** A job of the Pixazo gateway whose operation is not recorded. */
    public SubmittedJob(String requestId, JobStatus status, String pollingUrl, String model) {
        this(requestId, status, pollingUrl, model, "pixazo", null);
    }

    /** What a status query of this job needs. */
    public JobRef ref() {
        ImageModel parsed = null;
        for (ImageModel candidate : ImageModel.values()) {
            if (candidate.value().equals(model)) {
                parsed = candidate;
            }
        }
        return new JobRef(gateway, requestId, parsed, operation);
    }
}
