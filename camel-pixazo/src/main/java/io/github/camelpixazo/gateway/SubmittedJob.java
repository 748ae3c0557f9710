package io.github.camelpixazo.gateway;

/**
 * The gateway's answer to a submit: the job is queued. The message body when {@code waitForCompletion=false}; keep
 * {@code requestId} to query the job later with {@code pixazo:status}. {@code pollingUrl} is informational only: the
 * component never follows it (it always builds the status URL from {@code baseUrl}).
 *
 * @param model the model in the user's vocabulary ({@code gpt-image-2}, {@code gpt-image-1.5})
 */
public record SubmittedJob(String requestId, JobStatus status, String pollingUrl, String model) {
}
