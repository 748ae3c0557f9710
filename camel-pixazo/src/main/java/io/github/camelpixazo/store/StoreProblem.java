package io.github.camelpixazo.store;

import java.time.Instant;

/**
 * A stored record the store could not use: a half-written, truncated, empty, garbled or hand-edited file, a leftover
 * temporary file, or a database row whose values do not make a {@link JobRecord}. The store reports each one (a WARN
 * log line and its {@link StoreProblemListener}), skips it, and goes on with the other records; {@link #action()}
 * says what it did with it so that it is not reported on every poll.
 *
 * @param location  the file (absolute path) or row ({@code table pixazo_jobs, request_id 'x'}) concerned
 * @param requestId the request id, when it could be read; else null
 * @param reason    what is wrong, e.g. the JSON parser's message or the field that failed validation
 * @param action    what the store did: "moved to ....corrupt", "deleted", "marked in column problem", ...
 * @param at        when the problem was found
 */
public record StoreProblem(String location, String requestId, String reason, String action, Instant at) {

    @Override
    public String toString() {
        return "Job store record " + location + (requestId == null ? "" : " (request id " + requestId + ")")
               + " is unusable: " + reason + "; " + action;
    }
}
