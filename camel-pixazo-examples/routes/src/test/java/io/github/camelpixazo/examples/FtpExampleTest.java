package io.github.camelpixazo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelpixazo.examples.ExampleAssertions.assertImage;
import static io.github.camelpixazo.examples.ExampleAssertions.fileNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FTP example, end to end against the sandbox and an embedded FTP server. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FtpExampleTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
            .processingTime(Duration.ofMillis(300))
            .build();

    @Test
    void imagesInTheInboxAreEditedIntoTheOutboxAndTheRestGoesToError() throws Exception {
        Summary summary = FtpExample.run(Gateway.sandbox(sandbox.sandbox()), ExampleAssertions.BASE_DIR);
        summary.print(System.out);
        Path home = ExampleAssertions.BASE_DIR.resolve("ftp/ftp-home");
        Map<String, byte[]> samples = SampleImages.files();

        assertTrue(summary.completed());
        assertEquals(4, summary.inputs());
        assertEquals(3, summary.jobsSent());
        assertEquals(1, summary.rejectedBeforeSending(), "notes.txt");
        assertEquals(3, summary.images());

        // edited images in /outbox, named after their originals (GPT Image 2 "auto" is 1024x1024 in the sandbox)
        assertEquals(List.of("harbour-watercolor.png", "meadow-watercolor.png", "skyline-watercolor.png"),
                fileNames(home.resolve("outbox")));
        for (String image : fileNames(home.resolve("outbox"))) {
            assertImage(home.resolve("outbox").resolve(image), 1024, 1024);
        }
        // originals in /done, the text file in /error with the reason, nothing left in /inbox
        assertEquals(List.of(), fileNames(home.resolve("inbox")));
        assertEquals(List.of("harbour.png", "meadow.jpg", "skyline.png"), fileNames(home.resolve("done")));
        for (String done : fileNames(home.resolve("done"))) {
            assertArrayEquals(samples.get(done), Files.readAllBytes(home.resolve("done").resolve(done)), done);
        }
        assertEquals(List.of("notes.txt", "notes.txt.reason.txt"), fileNames(home.resolve("error")));
        String reason = Files.readString(home.resolve("error/notes.txt.reason.txt"));
        assertTrue(reason.contains("is not a PNG, JPEG or WEBP image"), reason);

        // the gateway got three edits with the route's prompt, and exactly the bytes that were uploaded (binary mode)
        List<RecordedSubmission> submissions = sandbox.records().submissions();
        assertEquals(3, submissions.size(), submissions.toString());
        for (RecordedSubmission submission : submissions) {
            assertTrue(submission.path().endsWith("/image-to-image-edit"), submission.path());
            assertEquals("Turn this picture into a watercolor painting", submission.body().path("prompt").asText());
            byte[] sent = decodeDataUri(submission.body().path("image"));
            assertTrue(samples.values().stream().anyMatch(sample -> java.util.Arrays.equals(sample, sent)),
                    "the gateway received an uploaded image byte for byte");
        }
    }

    private static byte[] decodeDataUri(JsonNode image) {
        String uri = image.isArray() ? image.get(0).asText() : image.asText();
        assertTrue(uri.startsWith("data:image/"), uri.substring(0, Math.min(40, uri.length())));
        return Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
    }
}
