package io.github.camelpixazo.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

/**
 * How the shared HTTP transport is built.
 *
 * @param maxConnections how many calls may be in flight at once (one HTTP/1.1 connection each); more wait in FIFO
 *                       order without holding a thread
 * @param sslContext     null for the JVM default
 * @param proxyHost      null for none (the JVM's default proxy selector then applies, e.g. {@code -Dhttps.proxyHost})
 * @param executor       runs the client's work (sending, receiving, completing futures); named threads
 * @param timer          fires read timeouts and time limits
 * @param configurer     null, or a last say over each client builder
 */
public record HttpTransportSettings(int maxConnections, SSLContext sslContext, String proxyHost, int proxyPort,
                                    String userAgent, ExecutorService executor, ScheduledExecutorService timer,
                                    HttpClientConfigurer configurer) {
}
