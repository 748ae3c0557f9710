package io.github.camelpixazo.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.support.TestImages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The pixazo:jobs consumer with 10,000 pending jobs, on the file store and on a real PostgreSQL 14
 * ({@code synchronous_commit=on}), against a small loopback gateway written for the purpose (JDK HttpServer: ids,
 * statuses by completion time, webhook callbacks at completion, a small PNG per job). Measures:
 * <ul>
 * <li>restart: 10,000 jobs submitted (all finished at the gateway), the application restarted: time from the new
 * CamelContext's start to the first emission, and until all were delivered;</li>
 * <li>delivery: 10,000 jobs finishing 5 to 15 s after their submit: status polls per job, and the delay from a job's
 * completion at the gateway to its exchange (p50, p99), with polling only (pollInterval=1s, x1.5, max 4s) and with
 * webhooks (each job's callback confirmed by one query); the same with two instances sharing PostgreSQL.</li>
 * </ul>
 * Prints a Markdown table. Not a unit test:
 *
 * <pre>
 * mvn -q -pl camel-pixazo test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelpixazo.benchmark.JobsConsumerBenchmark [-Dexec.args=10000]
 * </pre>
 */
public final class JobsConsumerBenchmark {

    private static final String CONSUMER = "delay=100&initialDelay=0&greedy=true&maxMessagesPerPoll=200"
                                           + "&pollConcurrency=32";

    private JobsConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Files.createTempDirectory("jobs-consumer-benchmark");
        List<String> rows = new ArrayList<>();
        try (Gateway gateway = new Gateway();
             EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                     .setServerConfig("fsync", "on").setServerConfig("max_connections", "100").start()) {
            rows.add(restart("file", jobs, gateway, () -> work.resolve("restart-file").toString()));
            rows.add(restart("PostgreSQL", jobs, gateway, () -> pool(pg, "restart")));
            for (boolean webhooks : new boolean[] { false, true }) {
                rows.add(delivery("file", 1, webhooks, jobs, gateway,
                        () -> work.resolve("delivery-file-" + webhooks).toString()));
                rows.add(delivery("PostgreSQL", 1, webhooks, jobs, gateway, () -> pool(pg, "d1" + webhooks)));
                JdbcConnectionPool shared = pool(pg, "d2" + webhooks);
                rows.add(delivery("PostgreSQL", 2, webhooks, jobs, gateway, () -> shared));
            }
        } finally {
            deleteQuietly(work);
        }
        System.out.println();
        System.out.println("| scenario | store | instances | jobs delivered | emitted twice | start to first emission"
                           + " | all delivered after | status polls per job | delivery after completion p50 | p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    @FunctionalInterface
    private interface StoreSupplier {
        Object get() throws Exception;
    }

    /** Jobs submitted and finished while the application was down: start-up to first emission, and to the last. */
    private static String restart(String kind, int jobs, Gateway gateway, StoreSupplier store) throws Exception {
        gateway.reset(0, 0);
        Object location = store.get();
        try (App app = new App("submitter", gateway, location, null, false, 0)) {
            app.submit(jobs);
        }
        gateway.resetCounters();
        long start = System.nanoTime();
        try (App app = new App("restarted", gateway, location, CONSUMER, false, 0)) {
            long startedAt = start;
            app.awaitDelivered(jobs, 600);
            long first = app.firstEmission.get() - startedAt;
            long all = app.lastEmission.get() - startedAt;
            return String.format("| restart, %d pending | %s | 1 | %d | %d | %.2f s | %.1f s | %.2f | - | - |", jobs,
                    kind, app.delivered.size(), app.emissions.get() - app.delivered.size(), first / 1e9, all / 1e9,
                    gateway.statusQueries.get() / (double) jobs);
        } finally {
            dispose(location);
        }
    }

    /** Jobs finishing 5-15 s after their submit: polls per job and delay from completion to emission. */
    private static String delivery(String kind, int instances, boolean webhooks, int jobs, Gateway gateway,
                                   StoreSupplier store) throws Exception {
        gateway.reset(5_000, 15_000);
        Object location = store.get();
        List<App> apps = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                apps.add(new App("instance-" + i, gateway, location, CONSUMER, webhooks, i));
            }
            apps.get(0).submit(jobs);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (apps.stream().mapToInt(a -> a.delivered.size()).sum() < jobs && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<Long> latencies = new ArrayList<>();
            long emitted = 0;
            long emissions = 0;
            for (App app : apps) {
                emitted += app.delivered.size();
                emissions += app.emissions.get();
                app.delivered.forEach((id, at) -> latencies.add(at - gateway.completesAt.get(id)));
            }
            Collections.sort(latencies);
            return String.format("| %s | %s | %d | %d | %d | - | - | %.2f | %d ms | %d ms |",
                    webhooks ? "delivery, webhooks" : "delivery, polling only", kind, instances, emitted,
                    emissions - emitted, gateway.statusQueries.get() / (double) jobs, percentile(latencies, 50),
                    percentile(latencies, 99));
        } finally {
            for (App app : apps) {
                app.close();
            }
            dispose(location);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static JdbcConnectionPool pool(EmbeddedPostgres pg, String database) throws Exception {
        String name = "bench_" + database.toLowerCase().replaceAll("[^a-z0-9]", "");
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] { "localhost" });
        source.setPortNumbers(new int[] { pg.getPort() });
        source.setDatabaseName(name);
        source.setUser("postgres");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        return pool;
    }

    private static void dispose(Object location) {
        if (location instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }

    /** One application instance: submit route, pixazo:jobs route, and optionally the webhook receiver. */
    private static final class App implements AutoCloseable {
        final CamelContext context = new DefaultCamelContext();
        final Map<String, Long> delivered = new ConcurrentHashMap<>();
        final AtomicLong firstEmission = new AtomicLong();
        final AtomicLong lastEmission = new AtomicLong();
        final AtomicLong emissions = new AtomicLong();

        App(String name, Gateway gateway, Object store, String consumer, boolean webhooks, int index) throws Exception {
            context.getCamelContextExtension().setName(name);
            PixazoComponent pixazo = new PixazoComponent();
            pixazo.getConfiguration().setBaseUrl(gateway.apiUrl());
            pixazo.getConfiguration().setApiKey("benchmark");
            pixazo.getConfiguration().setPollInterval(1_000);
            pixazo.getConfiguration().setMaxPollInterval(4_000);
            pixazo.setMaxConnections(64);
            if (store instanceof JdbcConnectionPool pool) {
                pixazo.setJobStoreDataSource(pool);
            } else {
                pixazo.setJobStoreDirectory(String.valueOf(store));
            }
            if (webhooks) {
                int port = freePort();
                MainHttpServer server = new MainHttpServer();
                server.setCamelContext(context);
                server.setHost("127.0.0.1");
                server.setPort(port);
                context.addService(server);
                pixazo.getConfiguration().setWebhookUrl("http://127.0.0.1:" + port + "/pixazo/callbacks");
                pixazo.getConfiguration().setWebhookAllowHttpLoopback(true);
                pixazo.getConfiguration().setWebhookFallbackDelay(120_000);
            }
            context.addComponent("pixazo", pixazo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("pixazo:generate?waitForCompletion=false");
                    if (consumer != null) {
                        from("pixazo:jobs?" + consumer + "&instanceId=" + name + "-" + index).process(e -> {
                            long now = System.currentTimeMillis();
                            long nano = System.nanoTime();
                            delivered.put(e.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class), now);
                            emissions.incrementAndGet();
                            firstEmission.compareAndSet(0, nano);
                            lastEmission.set(nano);
                        });
                    }
                }
            });
            context.start();
        }

        void submit(int jobs) throws Exception {
            ProducerTemplate template = context.createProducerTemplate();
            ExecutorService senders = Executors.newFixedThreadPool(16);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                int n = i;
                sent.add(senders.submit(() -> template.requestBody("direct:submit", "prompt " + n)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            senders.shutdown();
        }

        void awaitDelivered(int jobs, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (delivered.size() < jobs && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    /** The stand-in gateway: submit, status by completion time, webhook callbacks, media. */
    private static final class Gateway implements AutoCloseable {
        final Map<String, Long> completesAt = new ConcurrentHashMap<>();
        final AtomicLong statusQueries = new AtomicLong();
        private final HttpServer api;
        private final HttpServer media;
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        private final HttpClient callbacks = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final byte[] png = TestImages.png(64, 64);
        private volatile long minMillis;
        private volatile long maxMillis;

        Gateway() throws IOException {
            api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
            media = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
            api.createContext("/", this::api);
            media.createContext("/", exchange -> {
                drain(exchange);
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
                exchange.close();
            });
            api.setExecutor(Executors.newFixedThreadPool(8));
            media.setExecutor(Executors.newFixedThreadPool(4));
            api.start();
            media.start();
        }

        String apiUrl() {
            return "http://127.0.0.1:" + api.getAddress().getPort();
        }

        void reset(long minMillis, long maxMillis) {
            this.minMillis = minMillis;
            this.maxMillis = maxMillis;
            completesAt.clear();
            resetCounters();
        }

        void resetCounters() {
            statusQueries.set(0);
        }

        private void api(HttpExchange exchange) throws IOException {
            drain(exchange);
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST")) {
                String id = "gpt-image-2_" + UUID.randomUUID();
                long at = System.currentTimeMillis() + (maxMillis == 0 ? 0
                        : ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1));
                completesAt.put(id, at);
                String hook = exchange.getRequestHeaders().getFirst("X-Webhook-URL");
                if (hook != null) {
                    timer.schedule(() -> callbacks.sendAsync(HttpRequest.newBuilder(URI.create(hook))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(status(id))).build(),
                            HttpResponse.BodyHandlers.discarding()), Math.max(0, at - System.currentTimeMillis()),
                            TimeUnit.MILLISECONDS);
                }
                send(exchange, 202, "{\"request_id\":\"" + id + "\",\"status\":\"QUEUED\"}");
                return;
            }
            statusQueries.incrementAndGet();
            String id = path.substring(path.lastIndexOf('/') + 1);
            send(exchange, 200, status(id));
        }

        private String status(String id) {
            Long at = completesAt.get(id);
            boolean done = at != null && System.currentTimeMillis() >= at;
            String output = done ? "{\"media_url\":[\"http://127.0.0.1:" + media.getAddress().getPort() + "/" + id
                                   + ".png\"],\"media_type\":\"image/png\"}" : "null";
            return "{\"request_id\":\"" + id + "\",\"status\":\"" + (done ? "COMPLETED" : "PROCESSING")
                   + "\",\"model_id\":\"gpt-image-2\",\"error\":null,\"output\":" + output + "}";
        }

        private static void drain(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }

        private static void send(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            api.stop(0);
            media.stop(0);
            timer.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }
}
