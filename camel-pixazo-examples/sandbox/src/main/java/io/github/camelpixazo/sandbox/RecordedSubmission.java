package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One submit request as the sandbox received it, whatever the answer was.
 *
 * @param path           the request path, including any base path
 * @param headers        request headers, names case-insensitive
 * @param body           the body parsed as JSON, or null when it was empty or not JSON; a multipart/form-data body
 *                       (Pixapi's edits) as an object of its fields, a file part as {@code {"filename",
 *                       "contentType", "size"}}, a repeated part as an array
 * @param responseStatus the HTTP status the sandbox answered (202 when accepted)
 * @param requestId      the request id given to an accepted job, else null
 */
public record RecordedSubmission(String path, Map<String, List<String>> headers, JsonNode body,
                                 int responseStatus, String requestId, Instant receivedAt) {

    public RecordedSubmission {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the request carried a key: {@code Ocp-Apim-Subscription-Key} or {@code Authorization}. */
    public boolean carriedApiKey() {
        return headers.containsKey(ApiKeyCheck.HEADER) || headers.containsKey(ApiKeyCheck.AUTHORIZATION);
    }

    public boolean accepted() {
        return requestId != null;
    }

    /** Leaves out header values, which include the API key. */
    @Override
    public String toString() {
        return "RecordedSubmission[path=" + path + ", headers=" + headers.keySet() + ", body=" + abbreviatedBody()
                + ", responseStatus=" + responseStatus + ", requestId=" + requestId + ", receivedAt=" + receivedAt + "]";
    }

    private String abbreviatedBody() {
        String text = String.valueOf(body);
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
