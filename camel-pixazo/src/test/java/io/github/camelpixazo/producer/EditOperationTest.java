package io.github.camelpixazo.producer;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelpixazo.support.GatewayStub.EDIT_2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditOperationTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000000e1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path inbox;

    private final byte[] input = TestImages.png(64, 48);
    private final byte[] result = TestImages.png(64, 48);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox.toAbsolutePath() + "?include=.*\\.png&move=.done")
                        .routeId("folder").autoStartup(false)
                        .to("pixazo:edit?prompt=Add a flamingo to the pool")
                        .to("mock:edited");
            }
        };
    }

    private JsonNode editSent() throws Exception {
        return JSON.readTree(gateway.submits(EDIT_2).get(0).getBodyAsString());
    }

    private static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private void stubJob() {
        gateway.stubSubmit(EDIT_2, ID);
        gateway.stubCompleted(ID, "image/png", result);
    }

    @Test
    void sendsByteArrayBodyAsDataUriAndReturnsTheEditedImage() throws Exception {
        stubJob();

        Exchange out = template.request("pixazo:edit?prompt=Add a flamingo to the pool", e -> e.getIn().setBody(input));

        assertNull(out.getException());
        assertArrayEquals(result, out.getMessage().getBody(byte[].class));
        assertEquals(ID + ".png", out.getMessage().getHeader(Exchange.FILE_NAME));
        JsonNode sent = editSent();
        assertEquals("Add a flamingo to the pool", sent.get("prompt").asText());
        assertEquals(dataUri("image/png", input), sent.get("image").asText());
        assertEquals(2, sent.size(), "only prompt and image were set: " + sent);
    }

    @Test
    void readsInputStreamFileAndPathBodies() throws Exception {
        Path file = Files.write(inbox.resolve("direct-input.jpg.bin"), TestImages.jpeg(40, 30));
        for (Object body : List.of(new ByteArrayInputStream(Files.readAllBytes(file)), file.toFile(), file)) {
            gateway.reset();
            stubJob();

            Exchange out = template.request("pixazo:edit?prompt=Warmer light", e -> e.getIn().setBody(body));

            assertNull(out.getException(), () -> "body type " + body.getClass());
            // the type comes from the bytes, not the file name
            assertEquals(dataUri("image/jpeg", Files.readAllBytes(file)), editSent().get("image").asText());
        }
    }

    @Test
    void editsFilesArrivingFromAFileConsumer() throws Exception {
        stubJob();
        MockEndpoint edited = getMockEndpoint("mock:edited");
        edited.expectedMessageCount(1);
        Files.write(inbox.resolve("pool.png"), input);

        context.getRouteController().startRoute("folder");

        edited.setResultWaitTime(10_000);
        edited.assertIsSatisfied();
        assertArrayEquals(result, edited.getExchanges().get(0).getMessage().getBody(byte[].class));
        assertEquals(dataUri("image/png", input), editSent().get("image").asText());
        Await.until(Duration.ofSeconds(5), () -> Files.exists(inbox.resolve(".done/pool.png")), "pool.png moved to .done");
    }

    @Test
    void passesHttpsUrlsThroughAndCombinesSeveralReferences() throws Exception {
        stubJob();
        byte[] jpeg = TestImages.jpeg(20, 20);
        String url = "https://example.com/body-lotion.png";

        template.requestBody("pixazo:edit?prompt=Compose a gift basket",
                List.of(url, jpeg, dataUri("image/webp", TestImages.webpHeader(30, 30))));

        JsonNode images = editSent().get("image");
        assertTrue(images.isArray());
        assertEquals(url, images.get(0).asText());
        assertEquals(dataUri("image/jpeg", jpeg), images.get(1).asText());
        assertEquals(dataUri("image/webp", TestImages.webpHeader(30, 30)), images.get(2).asText());
    }

    @Test
    void sendsTheMaskFromTheOptionOrFromTheHeaderWithAllOptions() throws Exception {
        byte[] mask = TestImages.png(64, 48);
        Path maskFile = Files.write(inbox.resolve("mask.png.bin"), mask);
        stubJob();

        template.requestBody("pixazo:edit?prompt=Inpaint&mask=file:" + maskFile.toAbsolutePath()
                             + "&size=1024x1024&quality=high&format=png&background=opaque&moderation=auto&n=1", input);

        JsonNode sent = editSent();
        assertEquals(dataUri("image/png", mask), sent.get("mask").asText());
        assertEquals(JSON.readTree("{\"n\":1,\"size\":\"1024x1024\",\"quality\":\"high\",\"format\":\"png\","
                                   + "\"background\":\"opaque\",\"moderation\":\"auto\"}"),
                ((com.fasterxml.jackson.databind.node.ObjectNode) sent.deepCopy()).without(List.of("prompt", "image", "mask")));

        gateway.reset();
        stubJob();
        byte[] other = TestImages.png(64, 48);
        Exchange out = template.request("pixazo:edit?prompt=Inpaint", e -> {
            e.getIn().setBody(input);
            e.getIn().setHeader(PixazoConstants.MASK, other);
        });
        assertEquals(dataUri("image/png", other), editSent().get("mask").asText());
        assertNull(out.getMessage().getHeader(PixazoConstants.MASK), "the mask is not carried into the next call");
    }

    @Test
    void promptComesFromTheHeaderWhenSet() throws Exception {
        stubJob();

        template.requestBodyAndHeader("pixazo:edit?prompt=from the option", input, PixazoConstants.PROMPT, "from the header");

        assertEquals("from the header", editSent().get("prompt").asText());
        assertFalse(editSent().has("mask"));
    }
}
