package io.github.camelpixazo.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.camelpixazo.store.FileJobStore;
import io.github.camelpixazo.store.JdbcJobStore;
import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.TestImages;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to the consumer: a corrupt or half-written store record (a crash, a disk full, a hand edit) is reported
 * with its file or row and skipped, never crashes the consumer nor hides the other jobs; a store directory that cannot
 * be written, or a database that is down, fails the route at start-up naming the option.
 */
class BadStoreTest {

    private static final List<String> GOOD = List.of("gpt-image-2_019d0000-0000-0000-0000-00000000e001",
            "gpt-image-2_019d0000-0000-0000-0000-00000000e002");

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    private static GatewayStub gateway;

    @TempDir
    Path tmp;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    private static JobRecord job(String id) {
        Instant now = Instant.now();
        return JobRecord.builder().requestId(id).gateway("pixazo").model("gpt-image-2").operation("generate")
                .submittedAt(now).nextPollAt(now).pollInterval(Duration.ofMillis(20)).lastStatus("QUEUED").build();
    }

    private static void addGood(JobStore store) {
        store.start();
        GOOD.forEach(id -> store.add(job(id)));
        store.stop();
    }

    @Test
    void corruptAndHalfWrittenRecordFilesAreReportedAndSkippedAndTheOtherJobsDelivered() throws Exception {
        Path dir = tmp.resolve("jobs");
        addGood(new FileJobStore(dir));
        Path garbage = Files.writeString(dir.resolve("gpt-image-2_garbage.job.json"), "\u0000\u0001 not json");
        String whole = Files.readString(dir.resolve(GOOD.get(0) + ".job.json"));
        Path half = Files.writeString(dir.resolve("gpt-image-2_half.job.json"), whole.substring(0, whole.length() / 2)
                .replace(GOOD.get(0), "gpt-image-2_half"));
        gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", TestImages.png(8, 8));
        try (LogCapture logs = new LogCapture()) {
            try (Collector app = new Collector("corrupt", gateway.baseUrl(), dir.toString(), "delay=20&initialDelay=0",
                    null)) {
                Await.until(Duration.ofSeconds(20), () -> app.received().size() == 2, "the good jobs");
                Thread.sleep(200);
                assertEquals(new HashSet<>(GOOD), new HashSet<>(app.received()));
                assertTrue(app.context().getRouteController().getRouteStatus("collect").isStarted());
            }
            for (Path bad : List.of(garbage, half)) {
                assertEquals(1, logs.lines().stream().filter(l -> l.startsWith("WARN")
                        && l.contains(bad.toString()) && l.contains("is unusable")).count(), bad + " reported once");
                assertTrue(Files.exists(Path.of(bad + FileJobStore.CORRUPT_SUFFIX)), "set aside: " + bad);
            }
        }
    }

    @Test
    void anUnreadableRowIsReportedWithItsRowAndSkippedAndTheOtherJobsDelivered() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:badrow;DB_CLOSE_DELAY=-1", "sa", "");
        try {
            addGood(new JdbcJobStore(pool));
            JobStore store = new JdbcJobStore(pool);
            store.start();
            store.add(job("gpt-image-2_badrow"));
            store.stop();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE pixazo_jobs SET carried_headers = '{not json' WHERE request_id ="
                                + " 'gpt-image-2_badrow'");
            }
            gateway.stubTemplatedJobs(GENERATE_2, "COMPLETED", TestImages.png(8, 8));
            try (LogCapture logs = new LogCapture();
                 Collector app = new Collector("badrow", gateway.baseUrl(), pool, "delay=20&initialDelay=0", null)) {
                Await.until(Duration.ofSeconds(20), () -> app.received().size() == 2, "the good jobs");
                Thread.sleep(200);
                assertEquals(new HashSet<>(GOOD), new HashSet<>(app.received()));
                assertTrue(logs.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("pixazo_jobs")
                        && l.contains("gpt-image-2_badrow") && l.contains("is unusable")), "the row is named");
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aStoreDirectoryThatCannotBeWrittenFailsTheRouteAtStartNamingTheOption() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        String dir = file.resolve("jobs").toString();
        Exception failure = assertThrows(Exception.class,
                () -> new Collector("unwritable", gateway.baseUrl(), dir, "delay=20", null).close());
        String messages = messages(failure);
        assertTrue(messages.contains("jobStoreDirectory=" + dir) && messages.contains("cannot"), messages);
    }

    @Test
    void aDatabaseThatIsDownFailsTheRouteAtStartNamingTheOption() {
        DataSource down = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused (test)", "08001");
                    }
                    if (method.getName().equals("toString")) {
                        return "down";
                    }
                    return null;
                });
        Exception failure = assertThrows(Exception.class,
                () -> new Collector("down", gateway.baseUrl(), down, "delay=20", null).close());
        String messages = messages(failure);
        assertTrue(messages.contains("jobStoreDataSource") && messages.contains("Connection refused"), messages);
    }

    private static String messages(Throwable e) {
        Set<String> all = new java.util.LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.add(String.valueOf(t.getMessage()));
        }
        return String.join(" | ", all);
    }
}
