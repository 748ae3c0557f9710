package io.github.camelpixazo.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.examples.FolderExample.Dsl;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelpixazo.examples.ExampleAssertions.assertImage;
import static io.github.camelpixazo.examples.ExampleAssertions.fileNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folder example, end to end against the sandbox, in each of its three DSLs: the same prompt files must give the
 * same images, the same moves and the same reasons.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FolderExampleTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
            .processingTime(Duration.ofMillis(300))
            .build();

    /** Each DSL's outcome, compared by the last test. */
    private static final Map<Dsl, Map<String, Object>> OUTCOMES = new EnumMap<>(Dsl.class);

    private static final List<String> IMAGES = List.of("lighthouse.png", "robot-barista.png", "sunset.png");

    @Order(1)
    @ParameterizedTest
    @EnumSource(Dsl.class)
    void promptFilesBecomeImagesNamedAfterThem(Dsl dsl) throws Exception {
        Summary summary = FolderExample.run(dsl, Gateway.sandbox(sandbox.sandbox()), ExampleAssertions.BASE_DIR);
        summary.print(System.out);
        Path dir = ExampleAssertions.BASE_DIR.resolve(dsl.example());

        assertTrue(summary.completed(), "the run finished all its input");
        assertEquals(5, summary.inputs());
        assertEquals(3, summary.images());
        assertEquals(2, summary.failures().size(), summary.failures().toString());
        assertEquals(1, summary.rejectedBeforeSending(), "the blank prompt");
        assertEquals(4, summary.jobsSent());
        // four jobs at Pixazo's most expensive published gpt-image-2 price (size and quality auto: an upper bound)
        assertEquals(Map.of("USD", new java.math.BigDecimal("0.844")), summary.spend());

        // images, named after their prompt files, real 1024x1024 PNGs (the sandbox renders "auto" at that size)
        assertEquals(IMAGES, fileNames(dir.resolve("images")));
        for (String image : IMAGES) {
            assertImage(dir.resolve("images").resolve(image), 1024, 1024);
        }
        // ... and each holds the image of the job whose prompt came from the file of that name
        List<RecordedSubmission> submissions = sandbox.records().submissions();
        assertEquals(4, submissions.size(), "blank.txt was never sent: " + submissions);
        for (String image : IMAGES) {
            String name = image.substring(0, image.length() - ".png".length());
            String prompt = Files.readString(dir.resolve("prompts/.done").resolve(name + ".txt")).strip();
            RecordedSubmission submission = submissions.stream()
                    .filter(s -> prompt.equals(s.body().path("prompt").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no job for the prompt of " + name));
            assertArrayEquals(ExampleAssertions.sandboxImage(sandbox.sandbox(), submission.requestId(), "png"),
                    Files.readAllBytes(dir.resolve("images").resolve(image)), image + " is the image of its prompt");
        }
        assertTrue(submissions.stream().noneMatch(s -> s.body().path("prompt").asText().isBlank()));
        assertTrue(submissions.stream().allMatch(RecordedSubmission::carriedApiKey), "the key set on the component");
        assertFalse(sandbox.records().anyMediaRequestCarriedApiKey());

        // the prompt files moved: done ones to .done, failed ones to .error with the reason next to them
        assertEquals(List.of(), fileNames(dir.resolve("prompts")), "no prompt left behind");
        assertEquals(List.of("lighthouse.txt", "robot-barista.txt", "sunset.txt"), fileNames(dir.resolve("prompts/.done")));
        Path error = dir.resolve("prompts/.error");
        assertEquals(List.of("blank.txt", "blank.txt.reason.txt", "refused.txt", "refused.txt.reason.txt"),
                fileNames(error));
        String blankReason = Files.readString(error.resolve("blank.txt.reason.txt"));
        assertTrue(blankReason.contains("Invalid option 'prompt'") && blankReason.contains("non-blank prompt"),
                blankReason);
        String refusedReason = Files.readString(error.resolve("refused.txt.reason.txt"));
        assertTrue(refusedReason.contains("ended with status FAILED"), refusedReason);
        // the gateway's own words, unmasked: the examples' sandbox key is no word of them (a key "sandbox" was)
        assertTrue(refusedReason.contains("Image generation failed (sandbox)"), refusedReason);
        assertArrayEquals(ExampleFiles.resource("prompts/refused.txt"), Files.readAllBytes(error.resolve("refused.txt")),
                "the failed prompt file moved unchanged");

        OUTCOMES.put(dsl, outcome(dir, summary));
    }

    @Order(2)
    @Test
    void theThreeDslsBehaveTheSame() throws Exception {
        for (Dsl dsl : Dsl.values()) {
            if (!OUTCOMES.containsKey(dsl)) { // when this test runs alone
                sandbox.sandbox().reset();
                Summary summary = FolderExample.run(dsl, Gateway.sandbox(sandbox.sandbox()), ExampleAssertions.BASE_DIR);
                OUTCOMES.put(dsl, outcome(ExampleAssertions.BASE_DIR.resolve(dsl.example()), summary));
            }
        }
        assertEquals(OUTCOMES.get(Dsl.JAVA), OUTCOMES.get(Dsl.YAML), "YAML and Java");
        assertEquals(OUTCOMES.get(Dsl.JAVA), OUTCOMES.get(Dsl.XML), "XML and Java");
    }

    /** What a run left behind, without what differs by nature between runs (request ids, timings, image bytes). */
    private static Map<String, Object> outcome(Path dir, Summary summary) throws Exception {
        Map<String, Object> outcome = new TreeMap<>();
        for (String folder : List.of("prompts", "prompts/.done", "prompts/.error", "images")) {
            outcome.put(folder, fileNames(dir.resolve(folder)));
        }
        for (String reason : fileNames(dir.resolve("prompts/.error"))) {
            if (reason.endsWith(".reason.txt")) {
                outcome.put(reason, new String(Files.readAllBytes(dir.resolve("prompts/.error").resolve(reason)),
                        StandardCharsets.UTF_8).replaceAll("gpt-image-2_[0-9a-f-]+", "<request id>"));
            }
        }
        outcome.put("summary", List.of(summary.inputs(), summary.finished(), summary.jobsSent(),
                summary.rejectedBeforeSending(), summary.images(), summary.failures().size()));
        return outcome;
    }
}
