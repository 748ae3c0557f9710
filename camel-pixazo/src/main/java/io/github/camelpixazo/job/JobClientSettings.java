package io.github.camelpixazo.job;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how one endpoint talks to its gateway.
 *
 * @param baseUrl the gateway's base URL without trailing slash; the only origin that ever receives the key
 */
public record JobClientSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
                                RetryPolicy retryPolicy) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "JobClientSettings[baseUrl=" + baseUrl + ", apiKey=xxxxxx]";
    }
}
