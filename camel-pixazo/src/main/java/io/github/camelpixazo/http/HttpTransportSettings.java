package io.github.camelpixazo.http;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import javax.net.ssl.SSLContext;


/**
 * How the shared HTTP client is built.
 *
 * @param sslContext  null for the JVM default
 * @param proxyHost   null for a direct connection
 * @param configurer  null, or a last say over the client builder
 */
public record HttpTransportSettings(int maxConnections, int ioThreads, Duration connectTimeout, SSLContext sslContext,
                                    String proxyHost, int proxyPort, String userAgent, ThreadFactory threadFactory,
                                    HttpClientConfigurer configurer) {
}
