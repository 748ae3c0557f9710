package io.github.camelpixazo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelpixazo.examples.QueueExample.Kind;
import io.github.camelpixazo.sandbox.JobOutcome;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelpixazo.examples.ExampleAssertions.assertImage;
import static io.github.camelpixazo.examples.ExampleAssertions.fileNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue examples, end to end against the sandbox: a burst of prompts on one consumer must be in flight together
 * (the producer waits without a thread per job), and every prompt must give its image.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueueExampleTest {

    private static final int BURST = QueueExample.SANDBOX_BURST;

    /** Jobs take two seconds: long enough for the whole burst to be submitted while the first jobs still run. */
    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
            .processingTime(Duration.ofSeconds(2))
            .build();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBurstOfPromptsIsInFlightAtOnceOnAHandfulOfThreads(Kind kind) throws Exception {
        Summary summary = QueueExample.run(kind, BURST, Gateway.sandbox(sandbox.sandbox()), ExampleAssertions.BASE_DIR);
        summary.print(System.out);
        System.out.println(kind + ": " + summary.headline());

        assertTrue(summary.completed());
        assertEquals(BURST, summary.jobsSent());
        assertEquals(List.of(), summary.failures());

        // one consumer, yet most of the burst waited at the same time ...
        assertTrue(summary.peakJobsInFlight() >= BURST / 2,
                "expected at least " + BURST / 2 + " jobs in flight at once, got " + summary.peakJobsInFlight());
        // ... without a thread per job: far fewer threads were added than jobs were waited for (this counts the
        // in-process sandbox's and broker's own threads too)
        int added = summary.peakThreads() - summary.threadsBefore();
        assertTrue(added < BURST / 3, "threads added during the burst: " + added + " (" + summary.headline() + ")");

        // every prompt was sent once and gave its image, named after its prompt id
        List<RecordedSubmission> submissions = sandbox.records().submissions();
        Set<String> prompts = submissions.stream().map(s -> s.body().path("prompt").asText()).collect(Collectors.toSet());
        assertEquals(IntStream.range(0, BURST).mapToObj(QueueExample::prompt).collect(Collectors.toSet()), prompts);
        assertEquals(BURST, submissions.size());
        Path images = ExampleAssertions.BASE_DIR.resolve(kind.example()).resolve("images");
        assertEquals(IntStream.range(0, BURST).mapToObj(i -> QueueExample.promptId(i) + ".png").sorted().toList(),
                fileNames(images));
        for (String image : fileNames(images)) {
            assertTrue(ExampleAssertions.isPng(Files.readAllBytes(images.resolve(image))), image);
        }
        assertImage(images.resolve(QueueExample.promptId(BURST - 1) + ".png"), 1024, 1024);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failedJobsAreReportedWithTheirReasonWhileTheOthersComplete(Kind kind) throws Exception {
        int burst = 12;
        sandbox.sandbox().faults().nextJobsEnd(3, JobOutcome.FAILED, "refused by the test");

        Summary summary = QueueExample.run(kind, burst, Gateway.sandbox(sandbox.sandbox()), ExampleAssertions.BASE_DIR);

        assertTrue(summary.completed(), summary.headline());
        assertEquals(burst, summary.jobsSent());
        assertEquals(3, summary.failures().size(), summary.failures().toString());
        summary.failures().forEach(failure -> assertTrue(failure.reason().contains("refused by the test"), failure.reason()));
        assertEquals(burst - 3, fileNames(ExampleAssertions.BASE_DIR.resolve(kind.example()).resolve("images")).size());
    }
}
