package io.github.camelpixazo.producer;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelpixazo.support.GatewayStub.EDIT_2;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big images do not live in the heap: past spoolThreshold a download goes to a temporary file in Camel's
 * stream-caching spool directory, the body is a StreamCache over it that file: copies and byte[] reads, and the file is
 * gone once the exchange completes. Small images stay byte[]. Edit inputs that are files or streams are streamed into
 * the request, never read whole into a String.
 */
class SpoolingTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000005b001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path spool;
    @TempDir
    Path out;

    private final List<Object> bodies = new ArrayList<>();
    private final List<byte[]> converted = new ArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getStreamCachingStrategy().setSpoolDirectory(spool.toFile());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:one").to("pixazo:generate?spoolThreshold=4096")
                        .process(e -> bodies.add(e.getMessage().getBody()))
                        // read whole while the exchange is in flight; Camel resets the cache before the next step
                        .process(e -> {
                            e.getMessage().getBody(java.io.InputStream.class).readNBytes(10); // a reader before us
                            converted.add(e.getMessage().getBody(byte[].class));
                        })
                        .to("file:" + out.toAbsolutePath());
                from("direct:many").to("pixazo:generate?spoolThreshold=4096&n=3")
                        .split(body()).process(e -> bodies.add(e.getMessage().getBody()))
                        .to("file:" + out.toAbsolutePath());
            }
        };
    }

    private static byte[] image(int bytes) {
        byte[] png = TestImages.png(8, 8);
        byte[] padded = Arrays.copyOf(png, bytes);
        for (int i = png.length; i < bytes; i++) {
            padded[i] = (byte) (i * 31);
        }
        return padded;
    }

    private static long spooledFiles() throws Exception {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".spool")).count();
        }
    }

    @Test
    void anImageAboveTheThresholdIsAStreamCacheOverAFileThatFileCopiesAndThatIsDeletedAfterwards() throws Exception {
        byte[] big = image(300_000);
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", big);

        Exchange result = template.request("direct:one", e -> e.getIn().setBody("A prompt"));

        assertNull(result.getException());
        SpooledImageCache body = assertInstanceOf(SpooledImageCache.class, bodies.get(0));
        assertTrue(body instanceof StreamCache && !body.inMemory());
        assertEquals(spool, body.file().getParent(), "in Camel's stream-caching spool directory");
        assertEquals(big.length, body.length());
        assertArrayEquals(big, Files.readAllBytes(out.resolve(ID + ".png")), "file: copied it whole");
        assertArrayEquals(big, converted.get(0), "still converts to byte[]");
        Path file = body.file();
        assertTrue(Files.exists(file), "kept while something holds the body");
        body = null;
        result = null;
        bodies.clear();
        awaitNoSpooledFiles("deleted once nothing holds the body");
        assertFalse(Files.exists(file));
    }

    /** What no exchange, aggregation or variable holds any more is deleted at the next garbage collections. */
    private static void awaitNoSpooledFiles(String what) {
        io.github.camelpixazo.support.Await.until(java.time.Duration.ofSeconds(10), () -> {
            System.gc();
            try {
                return spooledFiles() == 0;
            } catch (Exception e) {
                return false;
            }
        }, what);
    }

    @Test
    void anImageBelowTheThresholdStaysByteArray() throws Exception {
        byte[] small = image(2_000);
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", small);

        template.requestBody("direct:one", "A prompt");

        assertArrayEquals(small, assertInstanceOf(byte[].class, bodies.get(0)));
        assertEquals(0, spooledFiles());
    }

    @Test
    void severalBigImagesAreEachSpooledNotHeldInTheHeapTogether() throws Exception {
        byte[][] images = { image(100_000), image(200_000), image(150_000) };
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", images);

        Exchange result = template.request("direct:many", e -> e.getIn().setBody("A prompt"));

        assertNull(result.getException());
        assertEquals(3, bodies.size());
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(SpooledImageCache.class, bodies.get(i));
            assertArrayEquals(images[i], Files.readAllBytes(out.resolve(ID + "-" + (i + 1) + ".png")));
        }
        result = null;
        bodies.clear();
        awaitNoSpooledFiles("all deleted once nothing holds them");
    }

    @Test
    void anEditInputFileIsStreamedIntoTheRequestAsABase64DataUri() throws Exception {
        byte[] input = image(2_000_000);
        File file = Files.write(out.resolve("input.png"), input).toFile();
        gateway.stubSubmit(EDIT_2, ID);
        gateway.stubCompleted(ID, "image/png", image(1_000));

        Exchange result = template.request("pixazo:edit?prompt=Add a flamingo", e -> e.getIn().setBody(file));

        assertNull(result.getException());
        LoggedRequest sent = gateway.submits(EDIT_2).get(0);
        JsonNode json = JSON.readTree(sent.getBody());
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(input), json.get("image").asText());
        assertEquals(String.valueOf(sent.getBody().length), sent.getHeader("Content-Length"),
                "sent with its length, not chunked");
    }

    @Test
    void anEditInputStreamPastTheThresholdIsSpooledAndDeletedAfterwards() throws Exception {
        byte[] input = image(3_000_000); // above the 1 MB default threshold
        gateway.stubSubmit(EDIT_2, ID);
        gateway.stubCompleted(ID, "image/png", image(1_000));

        Exchange result = template.request("pixazo:edit?prompt=Add a flamingo",
                e -> e.getIn().setBody(new ByteArrayInputStream(input)));

        assertNull(result.getException());
        JsonNode json = JSON.readTree(gateway.submits(EDIT_2).get(0).getBody());
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(input), json.get("image").asText());
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count(), "the spooled input was deleted with the exchange");
        }
    }
}
