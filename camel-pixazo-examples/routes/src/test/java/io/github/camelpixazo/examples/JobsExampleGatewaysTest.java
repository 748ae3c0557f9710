package io.github.camelpixazo.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.examples.JobsExample.Store;
import io.github.camelpixazo.sandbox.PixazoSandbox;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.SandboxGateway;
import io.github.camelpixazo.sandbox.WebhookDelivery;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelpixazo.examples.ExampleAssertions.fileNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submit-now-collect-later example (file store) against each gateway's sandbox, as {@code -Dgateway=pixapi} runs
 * it: every job collected once from pixazo:jobs. Pixazo and EvoLink call each job's own URL back (one callback lost,
 * the others duplicated: still each job once); Pixapi documents no callbacks, so its jobs are found by polling and no
 * webhook is configured.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobsExampleGatewaysTest {

    @ParameterizedTest
    @EnumSource(SandboxGateway.class)
    void theJobsExampleCollectsEveryJobOnceFromEachGateway(SandboxGateway which) throws Exception {
        Path baseDir = ExampleAssertions.BASE_DIR.resolve("jobs-gateway-" + which.id());
        try (PixazoSandbox sandbox = PixazoSandbox.builder().gateway(which).processingTime(Duration.ofMillis(300))
                .build().start()) {
            Summary summary = JobsExample.run(Store.FILE, Gateway.sandbox(sandbox), baseDir);
            summary.print(System.out);
            Path dir = baseDir.resolve(Store.FILE.example());

            assertTrue(summary.completed(), "the collecting route finished every job");
            assertEquals(5, summary.finished(), "each job collected exactly once, and the blank prompt not submitted");
            assertEquals(List.of("blank.txt", "refused"), summary.failures().stream().map(Summary.Failure::input)
                    .sorted().toList(), summary.failures().toString());
            List<RecordedSubmission> submissions = sandbox.records().submissions();
            assertEquals(4, submissions.size(), "four jobs submitted, none twice");
            assertEquals(List.of("lighthouse.png", "robot-barista.png", "sunset.png"), fileNames(dir.resolve("images")));

            List<WebhookDelivery> deliveries = sandbox.records().webhookDeliveries();
            if (which == SandboxGateway.PIXAPI) {
                assertEquals(List.of(), deliveries, "no callbacks: polling only");
                assertTrue(submissions.stream().noneMatch(s -> s.body().has("callback_url")));
            } else {
                assertTrue(deliveries.stream().allMatch(d -> d.url().matches("http://127\\.0\\.0\\.1:\\d+/pixazo/"
                        + "callbacks/[A-Za-z0-9_-]{43}")), "per-job URLs: " + deliveries);
                assertEquals(1, deliveries.stream().filter(d -> d.responseCode() == -1).count(), "one callback lost");
                assertEquals(6, deliveries.stream().filter(d -> d.responseCode() == 202).count(),
                        "the three others delivered twice");
            }
        }
    }
}
