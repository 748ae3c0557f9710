package io.github.camelpixazo.http;

import java.net.http.HttpClient;

/**
 * A last say over the JDK {@link HttpClient} the component builds (proxy authentication through an
 * {@link java.net.Authenticator}, a custom {@link java.net.ProxySelector}, cookie handling, ...). Bind one in the
 * registry and set it as the component option {@code httpClientConfigurer}.
 * <p>
 * It runs once for each client the component builds (one per redirect policy and connect timeout), after the
 * component has applied its own options, so whatever it sets wins. Leave {@code followRedirects} alone: API calls must
 * never follow a redirect (it could carry the key to another host).
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    /** Adjusts the builder before the client is built. */
    void configure(HttpClient.Builder builder);
}
