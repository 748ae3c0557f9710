package io.github.camelpixazo.sandbox;

import java.time.Instant;

/**
 * One request to the media host.
 *
 * @param requestId     the job the path names, or null when the path is not a media path
 * @param carriedApiKey whether it carried {@code Ocp-Apim-Subscription-Key} or {@code Authorization}; a client must
 *                      never send its key
 *                      to the media (CDN) host, which is a different origin
 */
public record RecordedMediaRequest(String method, String path, String requestId, boolean carriedApiKey,
                                   int responseStatus, Instant receivedAt) {
}
