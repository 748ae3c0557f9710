package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The gateway's key check, with its 401 wording: Pixazo's (Azure API Management) {@code Ocp-Apim-Subscription-Key},
 * or {@code Authorization: Bearer} for Pixapi and EvoLink.
 */
final class ApiKeyCheck {

    static final String HEADER = "Ocp-Apim-Subscription-Key";
    static final String AUTHORIZATION = "Authorization";

    private final byte[] requiredKey;
    private final boolean bearer;

    /** @param requiredKey the only valid key, or null to accept any non-blank key */
    ApiKeyCheck(String requiredKey, SandboxGateway gateway) {
        this.requiredKey = requiredKey == null ? null : requiredKey.getBytes(StandardCharsets.UTF_8);
        this.bearer = gateway != SandboxGateway.PIXAZO;
    }

    /** A Pixazo check. */
    ApiKeyCheck(String requiredKey) {
        this(requiredKey, SandboxGateway.PIXAZO);
    }

    void check(Headers headers) {
        String key = bearer ? bearerToken(headers.getFirst(AUTHORIZATION)) : headers.getFirst(HEADER);
        if (key == null || key.isBlank()) {
            throw new ApiException(401, "Unauthorized", bearer ? "Missing API key: send Authorization: Bearer <key>"
                    : "Access denied due to missing subscription key. "
                      + "Make sure to include subscription key when making requests to an API.");
        }
        if (requiredKey != null && !MessageDigest.isEqual(requiredKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "Unauthorized", bearer ? "Invalid or expired token"
                    : "Access denied due to invalid subscription key. "
                      + "Make sure to provide a valid key for an active subscription.");
        }
    }

    private static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /** Whether a request carried a key in any gateway's header (a media host must never see one). */
    static boolean isPresent(Headers headers) {
        return headers.containsKey(HEADER) || headers.containsKey(AUTHORIZATION);
    }
}
