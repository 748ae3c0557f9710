package io.github.camelpixazo.gateway;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.media.SpooledData;
import io.github.camelpixazo.media.TempFiles;
import io.github.camelpixazo.support.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base64 images in an answer are decoded as a stream, straight into the spool: never one String. Proven with a value
 * longer than Jackson's default maximum String length (20 million characters), which a String-based read would refuse.
 */
class InlineImageReaderTest {

    @TempDir
    Path dir;

    @Test
    void aBase64ValueLongerThanAnyJacksonStringIsDecodedIntoAFile() throws Exception {
        byte[] image = new byte[16 * 1024 * 1024]; // 22.4 million base64 characters
        new Random(7).nextBytes(image);
        System.arraycopy(TestImages.png(2, 2), 0, image, 0, 8); // a PNG signature, so the format is sniffed
        Path answer = dir.resolve("answer.json");
        try (OutputStream out = Files.newOutputStream(answer)) {
            out.write("{\"created\":1766880000,\"data\":[{\"revised_prompt\":\"r\",\"b64_json\":\"".getBytes(
                    StandardCharsets.US_ASCII));
            out.write(Base64.getEncoder().encode(image));
            out.write("\"}],\"usage\":{\"total_tokens\":1}}".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(Files.size(answer) > 20_000_000);
        TempFiles files = new TempFiles();
        SpoolTarget spool = new SpoolTarget(new SpoolSettings(1024 * 1024, dir), files);
        SpooledReply reply = new SpooledReply(200, Map.of(), SpooledData.inFile(answer, Files.size(answer),
                new byte[0]));

        InlineImageReader.Answer read = InlineImageReader.read(reply, spool, "job");

        assertEquals(1, read.images().size());
        SpooledData data = read.images().get(0).data();
        assertFalse(data.inMemory(), "past the 1 MB threshold the image went to a file");
        assertArrayEquals(image, Files.readAllBytes(data.file()));
        assertEquals("image/png", read.images().get(0).mediaType());
        assertEquals(1766880000, read.fields().path("created").asLong());
        assertEquals(1, files.size(), "the decoded image is registered with the unit of work");
        files.deleteAll();
        assertFalse(Files.exists(data.file()));
    }

    @Test
    void aCutOffAnswerDeletesWhatWasDecoded() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(TestImages.png(20, 20));
        byte[] body = ("{\"data\":[{\"b64_json\":\"" + b64 + "\"},{\"b64_json\":\"" + b64.substring(0, 10))
                .getBytes(StandardCharsets.US_ASCII);
        TempFiles files = new TempFiles();
        SpoolTarget spool = new SpoolTarget(new SpoolSettings(0, dir), files);

        assertThrows(java.io.IOException.class, () -> InlineImageReader.read(
                new SpooledReply(200, Map.of(), SpooledData.inMemory(body)), spool, "cut"));

        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no spooled image is left behind");
        }
    }
}
