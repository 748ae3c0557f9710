package io.github.camelpixazo.http;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

/**
 * A last say over the async HttpClient the component builds (proxy authentication, custom interceptors, ...). Bind
 * one in the registry and set it as the component option {@code httpClientConfigurer}.
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configure(HttpAsyncClientBuilder builder);
}
