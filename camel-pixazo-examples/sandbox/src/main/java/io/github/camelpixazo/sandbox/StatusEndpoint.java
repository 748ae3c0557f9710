package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.util.function.Supplier;

/** {@code GET /v2/requests/status/{request_id}}: the job's state as of now. */
final class StatusEndpoint {

    static final String PATH_PREFIX = "/v2/requests/status/";

    private final ApiKeyCheck keyCheck;
    private final SandboxFaults faults;
    private final SandboxRecords records;
    private final JobStore jobs;
    private final Supplier<String> mediaBaseUrl;

    StatusEndpoint(ApiKeyCheck keyCheck, SandboxFaults faults, SandboxRecords records, JobStore jobs,
                   Supplier<String> mediaBaseUrl) {
        this.keyCheck = keyCheck;
        this.faults = faults;
        this.records = records;
        this.jobs = jobs;
        this.mediaBaseUrl = mediaBaseUrl;
    }

    ApiResponse handle(HttpExchange exchange, String requestId) {
        records.countStatusQuery(requestId);
        keyCheck.check(exchange.getRequestHeaders());
        faults.checkAccess();
        boolean malformed = faults.checkStatusQuery();
        long now = System.nanoTime();
        Job job = jobs.get(requestId);
        if (job == null) {
            throw ApiException.notFound("Request '" + requestId + "' not found");
        }
        String body = StrictJson.write(StatusDocument.forStatusEndpoint(job, now, mediaBaseUrl.get()));
        if (malformed) {
            body = body.substring(0, body.length() / 2); // cut mid-document: not JSON any more
        }
        return ApiResponse.json(200, body);
    }
}
