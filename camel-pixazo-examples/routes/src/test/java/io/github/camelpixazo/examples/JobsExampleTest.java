package io.github.camelpixazo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.examples.JobsExample.Store;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.WebhookDelivery;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelpixazo.examples.ExampleAssertions.assertImage;
import static io.github.camelpixazo.examples.ExampleAssertions.fileNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submit-now-collect-later examples, end to end against the sandbox: four jobs submitted by one YAML route,
 * collected by the other from pixazo:jobs, each exactly once; with the file store and webhooks (one callback lost,
 * every one duplicated: polling finds the lost one, the duplicates emit nothing more), and with the JDBC store on H2.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobsExampleTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
            .processingTime(Duration.ofMillis(300))
            .build();

    private static final List<String> IMAGES = List.of("lighthouse.png", "robot-barista.png", "sunset.png");

    private Path check(Store store) throws Exception {
        Summary summary = JobsExample.run(store, Gateway.sandbox(sandbox.sandbox()), ExampleAssertions.BASE_DIR);
        summary.print(System.out);
        Path dir = ExampleAssertions.BASE_DIR.resolve(store.example());

        assertTrue(summary.completed(), "the collecting route finished every job");
        assertEquals(4, summary.inputs());
        assertEquals(4, summary.finished(), "each job collected exactly once");
        assertEquals(1, summary.rejectedBeforeSending(), "the blank prompt");
        assertEquals(1, summary.failures().size(), "the refused prompt's job, FAILED: " + summary.failures());
        assertEquals("refused", summary.failures().get(0).input());
        List<RecordedSubmission> submissions = sandbox.records().submissions();
        assertEquals(4, submissions.size(), "four jobs submitted, none twice");
        assertEquals(IMAGES, fileNames(dir.resolve("images")));
        for (String image : IMAGES) {
            assertImage(dir.resolve("images").resolve(image), 1024, 1024);
            String name = image.substring(0, image.length() - 4);
            String prompt = Files.readString(dir.resolve("prompts/.done").resolve(name + ".txt")).strip();
            RecordedSubmission submission = submissions.stream()
                    .filter(s -> prompt.equals(s.body().path("prompt").asText())).findFirst().orElseThrow();
            assertArrayEquals(ExampleAssertions.sandboxImage(sandbox.sandbox(), submission.requestId(), "png"),
                    Files.readAllBytes(dir.resolve("images").resolve(image)), image + " is its prompt's image");
        }
        assertEquals(List.of("refused.reason.txt"), fileNames(dir.resolve("failed")));
        assertTrue(Files.readString(dir.resolve("failed/refused.reason.txt")).startsWith("FAILED: "));
        assertEquals(List.of("blank.txt"), fileNames(dir.resolve("prompts/.error")));
        return dir;
    }

    @Test
    void theFileStoreExampleCollectsEveryJobOnceThroughWebhooksAndPolling() throws Exception {
        Path dir = check(Store.FILE);
        List<WebhookDelivery> deliveries = sandbox.records().webhookDeliveries();
        assertTrue(deliveries.stream().allMatch(d -> d.url().matches("http://127\\.0\\.0\\.1:\\d+/pixazo/callbacks/"
                                                                    + "[A-Za-z0-9_-]{43}")), "per-job URLs");
        assertEquals(1, deliveries.stream().filter(d -> d.responseCode() == -1).count(), "one callback lost");
        assertEquals(6, deliveries.stream().filter(d -> d.responseCode() == 202).count(),
                "the three others delivered twice");
        try (var files = Files.list(dir.resolve("job-store"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".job.json"))
                    .toList(), "every delivered job left the store");
        }
    }

    @Test
    void theJdbcStoreExampleCollectsEveryJobOnce() throws Exception {
        Path dir = check(Store.JDBC);
        JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db").resolve("jobs"), "sa", "");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM pixazo_jobs")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "every delivered job left the table");
        } finally {
            db.dispose();
        }
        assertEquals(List.of(), sandbox.records().webhookDeliveries(), "polling only");
    }
}
