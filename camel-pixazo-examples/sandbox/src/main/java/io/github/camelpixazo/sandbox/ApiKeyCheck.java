package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The gateway's (Azure API Management) subscription key check, with its 401 wording. */
final class ApiKeyCheck {

    static final String HEADER = "Ocp-Apim-Subscription-Key";

    private final byte[] requiredKey;

    /** @param requiredKey the only valid key, or null to accept any non-blank key */
    ApiKeyCheck(String requiredKey) {
        this.requiredKey = requiredKey == null ? null : requiredKey.getBytes(StandardCharsets.UTF_8);
    }

    void check(Headers headers) {
        String key = headers.getFirst(HEADER);
        if (key == null || key.isBlank()) {
            throw new ApiException(401, "Unauthorized", "Access denied due to missing subscription key. "
                    + "Make sure to include subscription key when making requests to an API.");
        }
        if (requiredKey != null && !MessageDigest.isEqual(requiredKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "Unauthorized", "Access denied due to invalid subscription key. "
                    + "Make sure to provide a valid key for an active subscription.");
        }
    }

    static boolean isPresent(Headers headers) {
        return headers.containsKey(HEADER);
    }
}
