package io.github.camelpixazo.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.camelpixazo.store.FileJobStore;
import io.github.camelpixazo.store.JdbcJobStore;
import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.JobStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * How fast the job stores are with 10,000 pending jobs: the file store, H2 (a file database) and a real PostgreSQL 14
 * (embedded, {@code synchronous_commit=on}, so each commit waits for its WAL flush as in production). For each: adds
 * per second (one thread, then four), the start-up time with 10,000 pending records, claims per second in batches of
 * 100, updates (new poll state, lease released) and removes per second; then two owners, each with its own pool,
 * claiming and removing the same 10,000 PostgreSQL records concurrently. Prints a Markdown table. Not a unit test:
 *
 * <pre>
 * mvn -q -pl camel-pixazo test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelpixazo.benchmark.JobStoreBenchmark
 * </pre>
 */
public final class JobStoreBenchmark {

    private static final int JOBS = 10_000;
    private static final int BATCH = 100;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private JobStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : JOBS;
        Path work = Files.createTempDirectory("job-store-benchmark");
        List<String> rows = new ArrayList<>();
        try {
            String disk = String.format("This disk: %.0f fsyncs/s (1 KB rewritten and forced, 2,000 times).",
                    fsyncRate(work.resolve("probe")));
            System.out.println(disk);
            Path dir = work.resolve("file-store");
            rows.add(measure("file", jobs, () -> new FileJobStore(dir)));

            String h2Url = "jdbc:h2:file:" + work.resolve("h2").toAbsolutePath() + "/jobs";
            JdbcConnectionPool h2 = JdbcConnectionPool.create(h2Url, "sa", "");
            rows.add(measure("H2 (file database)", jobs, () -> new JdbcJobStore(h2)));
            h2.dispose();

            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on").start()) {
                JdbcConnectionPool pool = pool(pg, 8);
                String settings = settings(pool);
                System.out.println(settings);
                rows.add(measure("PostgreSQL 14", jobs, () -> new JdbcJobStore(pool)));
                String shared = twoOwners(pg, jobs);
                pool.dispose();
                System.out.println();
                System.out.println("| store | add/s, 1 thread | add/s, 4 threads | start with " + jobs
                                   + " pending | claims/s (batches of " + BATCH + ") | updates/s | removes/s |");
                System.out.println("|---|---|---|---|---|---|---|");
                rows.forEach(System.out::println);
                System.out.println();
                System.out.println(shared);
                System.out.println(disk + " " + settings);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static String measure(String name, int jobs, Supplier<JobStore> open) {
        JobStore store = open.get();
        store.start();
        int half = jobs / 2;
        long t = System.nanoTime();
        for (int i = 0; i < half; i++) {
            store.add(record("one-" + i));
        }
        double addOne = rate(half, t);
        t = System.nanoTime();
        parallel(4, jobs - half, i -> store.add(record("four-" + i)));
        double addFour = rate(jobs - half, t);
        store.stop();

        t = System.nanoTime();
        JobStore reopened = open.get();
        reopened.start();
        long startMillis = (System.nanoTime() - t) / 1_000_000;
        check(reopened.count() == jobs, name + ": " + reopened.count() + " records after restart");

        t = System.nanoTime();
        List<JobRecord> claimed = new ArrayList<>(jobs);
        for (List<JobRecord> batch = reopened.claimDue("bench", T0, LEASE, BATCH); !batch.isEmpty();
             batch = reopened.claimDue("bench", T0, LEASE, BATCH)) {
            claimed.addAll(batch);
        }
        double claims = rate(claimed.size(), t);
        check(claimed.size() == jobs, name + ": claimed " + claimed.size());

        t = System.nanoTime();
        for (JobRecord r : claimed) {
            check(reopened.update(r.withPollState(T0.plusSeconds(20), Duration.ofSeconds(20), 1, "PROCESSING", null),
                    "bench"), "update lost");
        }
        double updates = rate(jobs, t);

        List<JobRecord> again = new ArrayList<>(jobs);
        for (List<JobRecord> batch = reopened.claimDue("bench", T0.plusSeconds(20), LEASE, 1000); !batch.isEmpty();
             batch = reopened.claimDue("bench", T0.plusSeconds(20), LEASE, 1000)) {
            again.addAll(batch);
        }
        t = System.nanoTime();
        for (JobRecord r : again) {
            check(reopened.remove(r.requestId(), "bench"), "remove lost");
        }
        double removes = rate(again.size(), t);
        check(reopened.count() == 0, name + ": " + reopened.count() + " left");
        reopened.stop();
        String row = String.format("| %s | %.0f | %.0f | %d ms | %.0f | %.0f | %.0f |", name, addOne, addFour,
                startMillis, claims, updates, removes);
        System.out.println(row);
        return row;
    }

    /** Two owners with a pool each claim (batches of 100) and remove every record; none may get a record twice. */
    private static String twoOwners(EmbeddedPostgres pg, int jobs) throws Exception {
        JdbcConnectionPool first = pool(pg, 4);
        JdbcConnectionPool second = pool(pg, 4);
        JdbcJobStore a = new JdbcJobStore(first);
        a.setJobsTable("shared_jobs");
        a.start();
        parallel(4, jobs, i -> a.add(record("shared-" + i)));
        JdbcJobStore b = new JdbcJobStore(second);
        b.setJobsTable("shared_jobs");
        b.start();
        Set<String> removed = ConcurrentHashMap.newKeySet();
        AtomicInteger doubles = new AtomicInteger();
        Map<String, AtomicInteger> perOwner = Map.of("a", new AtomicInteger(), "b", new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long t = System.nanoTime();
        List<Future<?>> owners = new ArrayList<>();
        for (String owner : List.of("a", "b")) {
            JobStore store = owner.equals("a") ? a : b;
            owners.add(pool.submit(() -> {
                for (List<JobRecord> batch = store.claimDue(owner, T0, LEASE, BATCH); !batch.isEmpty();
                     batch = store.claimDue(owner, T0, LEASE, BATCH)) {
                    for (JobRecord r : batch) {
                        if (store.remove(r.requestId(), owner)) {
                            perOwner.get(owner).incrementAndGet();
                            if (!removed.add(r.requestId())) {
                                doubles.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> owner : owners) {
            owner.get();
        }
        double rate = rate(removed.size(), t);
        pool.shutdown();
        a.stop();
        b.stop();
        first.dispose();
        second.dispose();
        check(removed.size() == jobs && doubles.get() == 0, "two owners: " + removed.size() + " removed, "
                                                              + doubles.get() + " twice");
        String row = String.format("Two owners sharing PostgreSQL (a pool each), claim in batches of %d and remove:"
                                   + " %d records in total, %.0f records/s, owner a %d, owner b %d, claimed twice %d",
                BATCH, removed.size(), rate, perOwner.get("a").get(), perOwner.get("b").get(), doubles.get());
        System.out.println(row);
        return row;
    }

    private static double fsyncRate(Path file) throws IOException {
        int count = 2000;
        byte[] content = new byte[1024];
        long t = System.nanoTime();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            for (int i = 0; i < count; i++) {
                channel.write(java.nio.ByteBuffer.wrap(content), 0);
                channel.force(true);
            }
        }
        return rate(count, t);
    }

    private static String settings(JdbcConnectionPool pool) throws java.sql.SQLException {
        StringBuilder text = new StringBuilder("PostgreSQL settings:");
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "synchronous_commit", "fsync")) {
                try (java.sql.ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    text.append(' ').append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return text.append('.').toString();
    }

    private static JdbcConnectionPool pool(EmbeddedPostgres pg, int size) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(size);
        return pool;
    }

    private static JobRecord record(String id) {
        return JobRecord.builder()
                .requestId(id)
                .gateway("pixazo")
                .baseUrl("https://gateway.pixazo.ai")
                .model("gpt-image-2")
                .operation("generate")
                .n(1)
                .format("png")
                .submittedAt(T0)
                .carriedHeaders(Map.of("CamelFileName", "prompts/" + id + ".txt", "CamelFileLength", 1234))
                .estimatedCost(new BigDecimal("0.04"))
                .costCurrency("USD")
                .nextPollAt(T0)
                .pollInterval(Duration.ofSeconds(10))
                .lastStatus("QUEUED")
                .build();
    }

    @FunctionalInterface
    private interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int threads, int count, Task task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
