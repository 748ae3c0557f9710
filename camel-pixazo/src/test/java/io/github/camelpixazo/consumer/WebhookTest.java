package io.github.camelpixazo.consumer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;
import io.github.camelpixazo.webhook.CallbackReceiver;
import io.github.camelpixazo.webhook.WebhookTokens;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as hints: the producer gives each job its own callback URL (webhookUrl plus a secret), and the pixazo:jobs
 * consumer receives callbacks on platform-http, which it registers itself. A forged callback for an unknown secret
 * emits nothing and queries nothing; a forged COMPLETED for a known, still-processing job emits nothing (one status
 * query says so); a duplicated callback emits once; a lost callback is made up for by polling; an oversized or
 * non-JSON body is refused with 413 or 400, everything else answered 202.
 */
class WebhookTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000000d001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port = freePort();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(port);
        context.addService(server);
        // a small worker pool: the callback path must never wait on a worker for work queued to the same pool
        PixazoComponent pixazo = context.getComponent("pixazo", PixazoComponent.class);
        pixazo.setWorkerPoolSize(1);
        pixazo.setWorkerPoolMaxSize(2);
        return context;
    }

    @Override
    protected void configure(PixazoConfiguration configuration) {
        super.configure(configuration);
        configuration.setWebhookUrl(webhookUrl());
        configuration.setWebhookAllowHttpLoopback(true);
        configuration.setWebhookFallbackDelay(3_600_000); // callbacks only, unless a test says otherwise
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/pixazo/callbacks";
    }

    private JobStore store() {
        return context.getComponent("pixazo", PixazoComponent.class).getJobStore();
    }

    private void collect(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pixazo:jobs?delay=20&initialDelay=0" + options).routeId("collect").process(received::add);
            }
        });
    }

    /** Submits one job and returns the callback URL the gateway was given. */
    private String submitJob() {
        gateway.stubSubmit(GENERATE_2, ID);
        Exchange out = template.request("pixazo:generate?waitForCompletion=false", e -> e.getIn().setBody("A fox"));
        assertEquals(null, out.getException());
        String url = gateway.api().findAll(postRequestedFor(urlPathEqualTo(GENERATE_2))).get(0).getHeader("X-Webhook-URL");
        assertTrue(url.matches(webhookUrl() + "/[A-Za-z0-9_-]{43}"), url);
        return url;
    }

    private static String callback(String status) {
        return GatewayStub.status(ID, status, null, null, null);
    }

    private static int post(String url, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int post(String url, String body) throws IOException, InterruptedException {
        return post(url, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long statusQueries() {
        return gateway.api().findAll(getRequestedFor(urlPathMatching(STATUS + ".*"))).size();
    }

    @Test
    void aGenuineCallbackIsConfirmedWithOneQueryAndEmitsTheResult() throws Exception {
        collect("");
        String url = submitJob();
        byte[] png = TestImages.png(16, 16);
        gateway.stubCompleted(ID, "image/png", png);

        assertEquals(202, post(url, callback("COMPLETED")));
        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "the result");
        assertArrayEquals(png, received.get(0).getMessage().getBody(byte[].class));
        assertEquals(1, statusQueries(), "one confirmation, no polling");
    }

    @Test
    void aForgedCallbackForAnUnknownSecretEmitsNothingAndQueriesNothing() throws Exception {
        collect("");
        submitJob();
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));

        assertEquals(202, post(webhookUrl() + "/" + WebhookTokens.newToken(), callback("COMPLETED")),
                "a forger learns nothing");
        assertEquals(202, post(webhookUrl() + "/not-a-token", callback("COMPLETED")));
        Thread.sleep(500); // several polls of the consumer: the job's fallback is an hour away
        assertEquals(List.of(), received);
        assertEquals(0, statusQueries());
        assertEquals(1, store().count());
    }

    @Test
    void aForgedCompletedForAKnownProcessingJobEmitsNothing() throws Exception {
        collect("");
        String url = submitJob();
        gateway.stubStatus(ID, "PROCESSING", null);

        assertEquals(202, post(url, callback("COMPLETED")));
        Await.until(Duration.ofSeconds(10), () -> statusQueries() == 1, "the confirmation query");
        Thread.sleep(300);
        assertEquals(List.of(), received, "the gateway says PROCESSING: nothing emitted");
        assertEquals(1, store().count());
        assertEquals("PROCESSING", store().find(ID).orElseThrow().lastStatus());
    }

    @Test
    void aDuplicatedCallbackEmitsOnce() throws Exception {
        collect("");
        String url = submitJob();
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));

        List<CompletableFuture<Integer>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(url, callback("COMPLETED"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        posts.forEach(p -> assertEquals(202, p.join()));
        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "the result");
        assertEquals(202, post(url, callback("COMPLETED")), "a late duplicate");
        Thread.sleep(300);
        assertEquals(1, received.size());
    }

    @Test
    void aSuspendedRouteEmitsNothingOnACallbackAndTheJobWaitsForItsResume() throws Exception {
        collect("");
        String url = submitJob();
        gateway.stubCompleted(ID, "image/png", TestImages.png(16, 16));
        context.getRouteController().suspendRoute("collect"); // as JMX's ManagedRoute#suspend does

        assertEquals(202, post(url, callback("COMPLETED")), "answered as always: a forger learns nothing");
        Thread.sleep(1_000); // a worker would have confirmed and emitted it by now
        assertEquals(List.of(), received, "a suspended route receives no exchange");
        assertEquals(0, statusQueries(), "nor is the job queried for it");
        assertEquals(1, store().count(), "the job waits in the store");

        context.getRouteController().resumeRoute("collect");
        assertEquals(202, post(url, callback("COMPLETED")));
        Await.until(Duration.ofSeconds(30), () -> received.size() == 1 && store().count() == 0, "the result");
    }

    @Test
    void aJobWhoseCallbackIsLostIsStillEmittedByPolling() throws Exception {
        collect("&webhookFallbackDelay=200ms");
        context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setWebhookFallbackDelay(200);
        gateway.stubSubmit(GENERATE_2, ID);
        Exchange out = template.request("pixazo:generate?waitForCompletion=false&webhookFallbackDelay=200ms",
                e -> e.getIn().setBody("A lost callback"));
        assertEquals(null, out.getException());
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));

        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "polled result");
        assertEquals("COMPLETED", received.get(0).getMessage().getHeader(PixazoConstants.STATUS));
    }

    @Test
    void syncModeProgressCallbacksAreConfirmedOnceAndLoggedOnce() throws Exception {
        collect("&progress=log");
        context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setWebhookMode("sync");
        String url = submitJob();
        assertEquals("sync", gateway.api().findAll(postRequestedFor(urlPathEqualTo(GENERATE_2))).get(0)
                .getHeader("X-Webhook-Mode"));
        gateway.stubStatus(ID, "PROCESSING", null);
        try (io.github.camelpixazo.support.LogCapture logs = new io.github.camelpixazo.support.LogCapture()) {
            assertEquals(202, post(url, callback("PROCESSING")));
            Await.until(Duration.ofSeconds(10), () -> logs.count("is PROCESSING") == 1, "the progress line");
            assertEquals(202, post(url, callback("PROCESSING")), "the next sync callback");
            Thread.sleep(300);
            assertEquals(1, logs.lines().stream().filter(l -> l.startsWith("INFO") && l.contains(ID)
                    && l.contains("is PROCESSING")).count(), "logged once");
        }
        assertEquals(1, statusQueries(), "the first PROCESSING hint confirmed; later ones need no query");
        assertEquals(List.of(), received, "progress=log emits nothing");
        assertEquals("PROCESSING", store().find(ID).orElseThrow().lastStatus());
    }

    @Test
    void manyCallbacksAtOnceAllDeliverWithTwoWorkers() throws Exception {
        collect("");
        gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", TestImages.png(8, 8));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Exchange out = template.request("pixazo:generate?waitForCompletion=false", e -> e.getIn().setBody("p"));
            ids.add(((io.github.camelpixazo.gateway.SubmittedJob) out.getMessage().getBody()).requestId());
        }
        List<String> urls = gateway.api().findAll(postRequestedFor(urlPathEqualTo(GENERATE_2))).stream()
                .map(r -> r.getHeader("X-Webhook-URL")).toList();
        List<CompletableFuture<Integer>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String url = urls.get(i);
            String body = GatewayStub.status(ids.get(i), "COMPLETED", null, null, null);
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(url, body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        posts.forEach(p -> assertEquals(202, p.join()));
        Await.until(Duration.ofSeconds(20), () -> received.size() == 20 && store().count() == 0,
                "20 results with a worker pool of 2");
        assertEquals(new java.util.HashSet<>(ids), received.stream()
                .map(e -> e.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class))
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void anOversizedOrNonJsonBodyIsRefusedWith413Or400() throws Exception {
        collect("");
        String url = submitJob();
        assertEquals(413, post(url, new byte[CallbackReceiver.MAX_BODY_BYTES + 1]));
        assertEquals(400, post(url, "not json"));
        assertEquals(400, post(url, "[1,2]"));
        assertEquals(202, post(url, "{}"), "a JSON object: answered 202, then ignored (no status document)");
        Thread.sleep(300);
        assertEquals(0, statusQueries());
        assertEquals(List.of(), received);
    }

    @Test
    void aCallbackBodyThatNeverEndsIsCutAtTheRequestTimeout() throws Exception {
        // unauthenticated and on the open internet: a client that drips its body or never ends it (slowloris) must not
        // hold a connection and a growing buffer for ever
        collect("");
        String url = submitJob();
        URI target = URI.create(url);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout((int) CallbackReceiver.REQUEST_TIMEOUT_MILLIS + 20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                       + target.getPort() + "\r\nContent-Type: application/json\r\n"
                       + "Transfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 2; i++) { // 32 KiB, and never the last chunk
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 503"), String.valueOf(statusLine));
        }
        assertEquals(0, statusQueries());
        assertEquals(List.of(), received);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
