package io.github.camelpixazo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
 * The submit-now-collect-later examples, end to end against the sandbox: five prompt files, the blank one refused
 * before sending (listed among the failures with its reason), four jobs submitted by one YAML route, collected by the
 * other from pixazo:jobs, each exactly once; the summary counts the five inputs and the jobs pending in the store; with the file store and webhooks (one callback lost,
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
        String printed = ExampleAssertions.printed(summary);
        System.out.print(printed);
        Path dir = ExampleAssertions.BASE_DIR.resolve(store.example());

        assertTrue(summary.completed(), "the collecting route finished every job");
        assertEquals(5, summary.inputs(), "every prompt file is an input, the blank one included");
        assertEquals(5, summary.finished(), "four jobs collected exactly once, and the blank prompt not submitted");
        assertEquals(1, summary.rejectedBeforeSending(), "the blank prompt");
        assertTrue(printed.contains("jobs:      5 inputs, 4 jobs sent to the gateway, 1 rejected before sending\n"),
                printed);
        Map<String, String> failures = summary.failures().stream()
                .collect(Collectors.toMap(Summary.Failure::input, Summary.Failure::reason));
        assertEquals(Set.of("blank.txt", "refused"), failures.keySet(), "the blank prompt file and the refused job");
        assertTrue(failures.get("blank.txt").startsWith("Invalid option 'prompt'"), failures.get("blank.txt"));
        assertTrue(failures.get("refused").startsWith("FAILED: "), failures.get("refused"));
        assertTrue(printed.contains("- blank.txt: Invalid option 'prompt'"), printed);
        // submitted without waiting: the jobs are pending in the store, none is waited for by a producer
        assertTrue(summary.peakJobsInFlight() >= 1 && summary.peakJobsInFlight() <= 4,
                "jobs pending in the store at peak: " + summary.peakJobsInFlight());
        assertTrue(printed.contains("in flight: peak " + summary.peakJobsInFlight() + " job"
                                    + (summary.peakJobsInFlight() == 1 ? "" : "s") + " pending in the job store at once"),
                printed);
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
        assertEquals(List.of("blank.txt", "blank.txt.reason.txt"), fileNames(dir.resolve("prompts/.error")));
        assertEquals(failures.get("blank.txt"), Files.readString(dir.resolve("prompts/.error/blank.txt.reason.txt")));
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
