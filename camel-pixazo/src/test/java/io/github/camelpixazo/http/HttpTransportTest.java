package io.github.camelpixazo.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transport on its own, against a JDK HttpServer on loopback: the connection limit (FIFO, no thread held), time
 * limits and read timeouts that cut a body, redirects only where asked, the proxy option, the configurer's last say,
 * streamed request bodies, and that an Error thrown while a body is read still completes the call.
 */
class HttpTransportTest {

    private HttpServer server;
    private ExecutorService serverThreads;
    private ExecutorService clientThreads;
    private ScheduledExecutorService timer;
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch release = new CountDownLatch(0);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/slow", exchange -> {
            peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            seen.add(exchange.getRequestURI().getQuery());
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            respond(exchange, 200, "ok".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write(new byte[1024]);
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (InterruptedException | IOException stopped) {
                // the client went away
            }
        });
        server.createContext("/silent-body", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[10]);
                out.flush();
                Thread.sleep(20_000);
            } catch (InterruptedException | IOException stopped) {
                // the client went away
            }
        });
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Content-Length", String.valueOf(
                    exchange.getRequestHeaders().getFirst("Content-Length")));
            respond(exchange, 200, body);
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/echo");
            respond(exchange, 302, new byte[0]);
        });
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString());
            respond(exchange, 200, "proxied".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        clientThreads = Executors.newFixedThreadPool(2);
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        clientThreads.shutdownNow();
        timer.shutdownNow();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private HttpTransport transport(int maxConnections, String proxyHost, int proxyPort, HttpClientConfigurer configurer) {
        return new HttpTransport(new HttpTransportSettings(maxConnections, null, proxyHost, proxyPort, "test",
                clientThreads, timer, configurer));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static HttpCall get(URI uri, Duration timeLimit, boolean followRedirects) {
        return new HttpCall("GET", uri, Map.of(), null, Duration.ofSeconds(5), Duration.ofSeconds(60), timeLimit,
                followRedirects, 10_000_000);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void atMostMaxConnectionsCallsAreInFlightAndTheOthersWaitWithoutAThread() throws Exception {
        release = new CountDownLatch(1);
        HttpTransport transport = transport(2, null, 0, null);
        List<CompletableFuture<HttpReply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(transport.execute(get(uri("/slow?n=" + i), null, false)));
        }
        while (concurrent.get() < 2) {
            Thread.sleep(10);
        }
        // the transport's two threads are free: six calls wait as pending futures, not as blocked threads
        assertEquals(6, transport.waitingForConnection(), "six calls wait for one of the two connections");
        CompletableFuture.runAsync(() -> { }, clientThreads).get(10, TimeUnit.SECONDS); // its threads are not blocked
        release.countDown();
        for (CompletableFuture<HttpReply> call : calls) {
            assertEquals(200, call.get(30, TimeUnit.SECONDS).status());
        }
        assertEquals(2, peak.get(), "never more than maxConnections at the server");
    }

    @Test
    void callsWaitingForAConnectionGetItInTheOrderTheyCame() throws Exception {
        release = new CountDownLatch(1);
        HttpTransport transport = transport(1, null, 0, null);
        List<CompletableFuture<HttpReply>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(transport.execute(get(uri("/slow?n=" + i), null, false)));
        }
        while (transport.waitingForConnection() < 5) {
            Thread.sleep(10);
        }
        release.countDown();
        for (CompletableFuture<HttpReply> call : calls) {
            assertEquals(200, call.get(30, TimeUnit.SECONDS).status());
        }
        assertEquals(List.of("n=0", "n=1", "n=2", "n=3", "n=4", "n=5"), seen, "FIFO");
    }

    @Test
    void aCallWaitingForAConnectionGivesUpAtItsTimeLimitHavingSentNothing() throws Exception {
        release = new CountDownLatch(1);
        HttpTransport transport = transport(1, null, 0, null);
        CompletableFuture<HttpReply> busy = transport.execute(get(uri("/slow?n=busy"), null, false));
        while (concurrent.get() < 1) {
            Thread.sleep(10);
        }
        Throwable e = failure(transport.execute(get(uri("/slow?n=late"), Duration.ofMillis(300), false)));

        TimeLimitExceededException limit = assertInstanceOf(TimeLimitExceededException.class, e);
        assertTrue(!limit.requestStarted(), "it never had a connection, so nothing was sent");
        assertEquals(0, transport.waitingForConnection(), "it left the queue");
        release.countDown();
        assertEquals(200, busy.get(30, TimeUnit.SECONDS).status());
        assertEquals(List.of("n=busy"), seen);
    }

    @Test
    void theTimeLimitCutsABodyThatDripsIn() {
        HttpTransport transport = transport(4, null, 0, null);
        long start = System.nanoTime();

        Throwable e = failure(transport.execute(get(uri("/drip"), Duration.ofMillis(1500), false)));

        assertInstanceOf(TimeLimitExceededException.class, e);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 1500, "not before its time limit");
        assertEquals(0, transport.inFlight());
    }

    @Test
    void theReadTimeoutAlsoCoversSilenceInTheMiddleOfABody() {
        HttpTransport transport = transport(4, null, 0, null);
        HttpCall call = new HttpCall("GET", uri("/silent-body"), Map.of(), null, Duration.ofSeconds(5),
                Duration.ofMillis(500), null, false, 1_000_000);

        Throwable e = failure(transport.execute(call));

        assertInstanceOf(java.net.http.HttpTimeoutException.class, e);
        assertTrue(e.getMessage().contains("readTimeout"), e.getMessage());
    }

    @Test
    void redirectsAreFollowedOnlyWhenTheCallAsks() throws Exception {
        HttpTransport transport = transport(4, null, 0, null);

        assertEquals(302, transport.execute(get(uri("/redirect"), null, false)).get(30, TimeUnit.SECONDS).status(),
                "an API call never follows a redirect: it could carry the key elsewhere");
        assertEquals(200, transport.execute(get(uri("/redirect"), null, true)).get(30, TimeUnit.SECONDS).status(),
                "a download does");
    }

    @Test
    void theProxyOptionSendsEveryCallThroughTheProxy() throws Exception {
        // the loopback server stands in for a proxy: the JDK client sends it the absolute URI of a host that does
        // not exist, so a 200 proves the call went through the proxy
        HttpTransport transport = transport(4, "127.0.0.1", server.getAddress().getPort(), null);

        HttpReply reply = transport.execute(get(URI.create("http://gateway.pixazo.invalid/v2/requests/status/x"), null,
                false)).get(30, TimeUnit.SECONDS);

        assertEquals("proxied", reply.bodyText());
        assertTrue(seen.stream().anyMatch(u -> u.endsWith("gateway.pixazo.invalid/v2/requests/status/x")), seen.toString());
    }

    @Test
    void theConfigurerHasTheLastSayOverEachClient() throws Exception {
        AtomicInteger configured = new AtomicInteger();
        HttpClientConfigurer viaProxy = builder -> {
            configured.incrementAndGet();
            builder.proxy(java.net.ProxySelector.of(server.getAddress()));
        };
        HttpTransport transport = transport(4, null, 0, viaProxy);

        HttpReply reply = transport.execute(get(URI.create("http://gateway.pixazo.invalid/configured"), null, false))
                .get(30, TimeUnit.SECONDS);

        assertEquals("proxied", reply.bodyText());
        transport.execute(get(uri("/echo"), null, true)).get(30, TimeUnit.SECONDS);
        assertEquals(2, configured.get(), "once per client built: one per redirect policy");
    }

    @Test
    void aBodyOfSegmentsIsStreamedWithItsContentLength() throws Exception {
        HttpTransport transport = transport(4, null, 0, null);
        byte[] big = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(7).nextBytes(big);
        RequestBody body = RequestBody.of("application/octet-stream", List.of(
                new RequestBody.BytesSegment("head-".getBytes(StandardCharsets.US_ASCII)),
                new RequestBody.StreamSegment(big.length, () -> new java.io.ByteArrayInputStream(big)),
                new RequestBody.BytesSegment("-tail".getBytes(StandardCharsets.US_ASCII))));
        HttpCall call = new HttpCall("POST", uri("/echo"), Map.of(), body, Duration.ofSeconds(5), Duration.ofSeconds(30),
                null, false, 10_000_000);

        HttpReply first = transport.execute(call).get(30, TimeUnit.SECONDS);
        HttpReply again = transport.execute(call).get(30, TimeUnit.SECONDS); // a retry sends it whole again

        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        body.writeTo(expected);
        assertArrayEquals(expected.toByteArray(), first.body());
        assertArrayEquals(expected.toByteArray(), again.body());
        assertEquals(String.valueOf(body.contentLength()), first.header("X-Content-Length"), "sent with Content-Length");
    }

    @Test
    void anErrorThrownWhileTheBodyIsReadStillCompletesTheCall() {
        HttpTransport transport = transport(4, null, 0, null);
        AtomicReference<String> thread = new AtomicReference<>();
        CompletableFuture<String> call = transport.execute(get(uri("/echo"), null, false), head -> new BodySink<>() {
            @Override
            public void write(ByteBuffer chunk) {
                thread.set(Thread.currentThread().getName());
                throw new OutOfMemoryError("simulated: no heap for this chunk");
            }

            @Override
            public String complete() {
                thread.set(Thread.currentThread().getName());
                throw new OutOfMemoryError("simulated: no heap for the result");
            }

            @Override
            public void discard() {
            }
        });

        Throwable e = failure(call);

        assertInstanceOf(OutOfMemoryError.class, e, "the Error completed the call, on " + thread.get());
        assertEquals(0, transport.inFlight(), "and its connection was given back");
    }

    @Test
    void closingFailsEveryCallInFlightAndRefusesNewOnes() throws Exception {
        release = new CountDownLatch(1);
        HttpTransport transport = transport(1, null, 0, null);
        CompletableFuture<HttpReply> sent = transport.execute(get(uri("/slow?n=sent"), null, false));
        CompletableFuture<HttpReply> waiting = transport.execute(get(uri("/slow?n=waiting"), null, false));
        while (concurrent.get() < 1) {
            Thread.sleep(10);
        }

        transport.close();

        assertTrue(failure(sent).getMessage().contains("component stopped"));
        assertTrue(failure(waiting).getMessage().contains("component stopped"));
        assertTrue(failure(transport.execute(get(uri("/echo"), null, false))).getMessage().contains("closed"));
    }
}
