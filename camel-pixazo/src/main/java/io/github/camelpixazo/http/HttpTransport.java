package io.github.camelpixazo.http;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Non-blocking HTTP on Apache HttpClient 5's async client, the version camel-http ships. One instance per component:
 * a small, fixed number of I/O threads serves every request of every job, however many are in flight.
 * <p>
 * The client never retries by itself (a blindly repeated submit is billed twice; retries are decided by the job
 * layer, which knows what is safe) and follows redirects only when a call asks for it.
 */
public final class HttpTransport implements AutoCloseable {

    private final CloseableHttpAsyncClient client;

    public HttpTransport(HttpTransportSettings settings) {
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .build());
        SSLContext sslContext = settings.sslContext();
        if (sslContext != null) {
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(settings.ioThreads()).build())
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setThreadFactory(settings.threadFactory());
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        if (settings.configurer() != null) {
            settings.configurer().configure(builder);
        }
        this.client = builder.build();
        this.client.start();
    }

    /**
     * Sends the call; the future completes on an I/O thread with the reply (any status) or with the I/O failure.
     */
    public CompletableFuture<HttpReply> execute(HttpCall call) {
        CompletableFuture<HttpReply> result = new CompletableFuture<>();
        AsyncRequestBuilder request = AsyncRequestBuilder.create(call.method()).setUri(call.uri());
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            request.addHeader(header.getKey(), header.getValue());
        }
        if (call.body() != null) {
            request.setEntity(AsyncEntityProducers.create(call.body(), ContentType.parse(call.contentType())));
        }
        @SuppressWarnings("deprecation") // per-request connect timeout is still honoured by the async exec runtime
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(Timeout.of(call.connectTimeout()))
                .setResponseTimeout(Timeout.of(call.readTimeout()))
                .setRedirectsEnabled(call.followRedirects())
                .build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        AsyncRequestProducer producer = request.build();
        AbstractBinResponseConsumer<HttpReply> consumer = new BoundedResponseConsumer(call.maxResponseBytes());
        try {
            client.execute(producer, consumer, null, context, new FutureCallback<>() {
                @Override
                public void completed(HttpReply reply) {
                    result.complete(reply);
                }

                @Override
                public void failed(Exception ex) {
                    result.completeExceptionally(ex);
                }

                @Override
                public void cancelled() {
                    result.completeExceptionally(new IOException("HTTP request cancelled: " + call));
                }
            });
        } catch (RuntimeException e) { // e.g. the client was shut down
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
