package io.github.camelpixazo.examples.plain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelpixazo.sandbox.PixazoSandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plain Java example against the sandbox: a CamelContext and a ProducerTemplate make a real PNG. */
class PlainJavaExampleTest {

    @TempDir
    Path dir;

    @Test
    void aPromptBecomesAnImageFile() throws Exception {
        Path target = dir.resolve("lighthouse.png");
        try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofMillis(200)).build().start()) {
            long written = PlainJavaExample.generate(sandbox.baseUrl(), "sandbox", "A lighthouse in a storm", target);

            byte[] image = Files.readAllBytes(target);
            assertEquals(written, image.length);
            byte[] signature = new byte[8];
            System.arraycopy(image, 0, signature, 0, 8);
            assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, signature);
            assertEquals("low", sandbox.records().submissions().get(0).body().path("quality").asText());
        }
    }
}
