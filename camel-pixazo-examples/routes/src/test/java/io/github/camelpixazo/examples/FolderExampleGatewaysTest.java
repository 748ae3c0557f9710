package io.github.camelpixazo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.examples.FolderExample.Dsl;
import io.github.camelpixazo.sandbox.PixazoSandbox;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.SandboxGateway;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelpixazo.examples.ExampleAssertions.assertImage;
import static io.github.camelpixazo.examples.ExampleAssertions.fileNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folder example end to end against each gateway's sandbox, with one option changed (what
 * {@code -Dgateway=pixapi} does on the README's command line): the same prompt files give the same images, moves and
 * reasons, over each gateway's own wire (paths, Bearer or subscription key, task shapes).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FolderExampleGatewaysTest {

    @ParameterizedTest
    @EnumSource(SandboxGateway.class)
    void theFolderExampleRunsAgainstEachGateway(SandboxGateway which) throws Exception {
        Path baseDir = ExampleAssertions.BASE_DIR.resolve("gateway-" + which.id());
        try (PixazoSandbox sandbox = PixazoSandbox.builder().gateway(which).processingTime(Duration.ofMillis(300))
                .build().start()) {
            Gateway gateway = Gateway.sandbox(sandbox);
            assertEquals(which.id(), gateway.componentProperties().get("camel.component.pixazo.gateway"));

            Summary summary = FolderExample.run(Dsl.JAVA, gateway, baseDir);
            summary.print(System.out);

            Path dir = baseDir.resolve(Dsl.JAVA.example());
            assertTrue(summary.completed());
            assertEquals(5, summary.inputs());
            assertEquals(3, summary.images());
            assertEquals(2, summary.failures().size(), summary.failures().toString());
            assertEquals(1, summary.rejectedBeforeSending(), "the blank prompt");
            assertEquals(4, summary.jobsSent());
            List<String> images = List.of("lighthouse.png", "robot-barista.png", "sunset.png");
            assertEquals(images, fileNames(dir.resolve("images")));
            for (String image : images) {
                assertImage(dir.resolve("images").resolve(image), 1024, 1024);
            }
            String reason = Files.readString(dir.resolve("prompts/.error/refused.txt.reason.txt"));
            assertTrue(reason.contains("ended with status FAILED"), reason);

            List<RecordedSubmission> submissions = sandbox.records().submissions();
            assertEquals(4, submissions.size());
            String path = switch (which) {
                case PIXAZO -> "/gpt-image-2/v1/text-to-image";
                case PIXAPI -> "/v1/async/images/generations";
                case EVOLINK -> "/v1/images/generations";
            };
            for (RecordedSubmission submission : submissions) {
                assertEquals(path, submission.path());
                assertTrue(submission.carriedApiKey());
                assertEquals(which == SandboxGateway.PIXAZO, submission.header("Ocp-Apim-Subscription-Key").isPresent(),
                        "the key in the gateway's own header");
                if (which != SandboxGateway.PIXAZO) {
                    assertEquals("gpt-image-2", submission.body().path("model").asText());
                }
            }
            assertFalse(sandbox.records().anyMediaRequestCarriedApiKey());
            String lighthouse = Files.readString(dir.resolve("prompts/.done/lighthouse.txt")).strip();
            RecordedSubmission job = submissions.stream()
                    .filter(s -> lighthouse.equals(s.body().path("prompt").asText())).findFirst().orElseThrow();
            assertArrayEquals(ExampleAssertions.sandboxImage(sandbox, job.requestId(), "png"),
                    Files.readAllBytes(dir.resolve("images/lighthouse.png")), "the image of its prompt");
        }
    }
}
