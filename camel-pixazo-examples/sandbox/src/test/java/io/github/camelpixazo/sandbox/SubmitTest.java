package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.EDIT;
import static io.github.camelpixazo.sandbox.SandboxClient.GPT_IMAGE_1_5;
import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The three submit endpoints accept what the reference documents and answer like the gateway. */
class SubmitTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().processingTime(Duration.ofMillis(50)).build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    @Test
    void textToImageAnswers202WithRequestIdAndPollingUrl() {
        SandboxClient.Response response = client.submit(TEXT_TO_IMAGE, json("prompt", "A serene sunset over mountains"));

        assertEquals(202, response.status(), response.body());
        JsonNode body = response.json();
        String requestId = body.get("request_id").asText();
        assertTrue(requestId.matches("gpt-image-2_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                requestId);
        assertEquals("QUEUED", body.get("status").asText());
        assertEquals(sandbox.baseUrl() + "/v2/requests/status/" + requestId, body.get("polling_url").asText());
        assertEquals(3, body.size(), "only request_id, status and polling_url: " + body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void textToImageAcceptsTheReferenceExampleWithEveryField() {
        String body = """
                {"prompt": "Photorealistic 2K landscape of a fjord at golden hour, dramatic clouds, ultra-detailed",
                 "n": 4, "size": "2048x1152", "quality": "high", "format": "webp", "output_compression": 80,
                 "background": "opaque", "moderation": "low"}""";
        String requestId = client.accepted(TEXT_TO_IMAGE, body);

        JsonNode done = client.awaitTerminal(requestId, Duration.ofSeconds(5));
        assertEquals(4, done.at("/output/media_url").size());
        assertEquals("image/webp", done.at("/output/media_type").asText());
    }

    @Test
    void editAcceptsAnHttpsUrlWithoutFetchingIt() {
        String requestId = client.accepted(EDIT, json("prompt", "Add a flamingo to the pool",
                "image", "https://pub-582b7213209642b9b995c96c95a30381.r2.dev/gpt-images-2/img_c86ec1806237_0.png"));
        assertTrue(requestId.startsWith("gpt-image-2_"));
    }

    @Test
    void editAcceptsAnArrayOfUrlsAndDataUrisWithAMatchingMask() {
        String body = json("prompt", "Compose a gift basket containing all items",
                "image", List.of("https://example.com/body-lotion.png",
                        TestImages.dataUri("image/png", TestImages.png(64, 48)),
                        TestImages.dataUri("image/jpeg", TestImages.jpeg(30, 20)),
                        TestImages.dataUri("image/webp", TestImages.webp(10, 10))),
                "mask", TestImages.dataUri("image/png", TestImages.png(300, 300)),
                "n", 1, "size", "1024x1024", "quality", "high", "format", "png", "output_compression", 90,
                "background", "opaque", "moderation", "auto");
        // the first image is an https URL, so the mask size cannot be compared and is accepted
        client.accepted(EDIT, body);
    }

    @Test
    void editAcceptsAMaskOfTheSameSizeAsTheFirstDataUriImage() {
        client.accepted(EDIT, json("prompt", "in-paint the sky",
                "image", TestImages.dataUri("image/png", TestImages.png(64, 48)),
                "mask", TestImages.dataUri("image/png", TestImages.png(64, 48))));
        client.accepted(EDIT, json("prompt", "in-paint the sky",
                "image", List.of(TestImages.dataUri("image/webp", TestImages.webp(33, 17)), "https://example.com/b.png"),
                "mask", TestImages.dataUri("image/png", TestImages.png(33, 17))));
    }

    @Test
    void gptImage15AcceptsTheReferenceExample() {
        String body = """
                {"prompt": "create a realistic image taken with iphone at these coordinates 41°43′32″N 49°56′49″W 15 April 1912",
                 "image_size": "1024x1024", "background": "auto", "quality": "high", "num_images": 1, "output_format": "png"}""";
        String requestId = client.accepted(GPT_IMAGE_1_5, body);
        assertTrue(requestId.startsWith("gpt-image-1-5-api-923_"), requestId);
    }

    @Test
    void everySubmitIsRecordedWithPathHeadersBodyAndAnswer() {
        String requestId = client.accepted(TEXT_TO_IMAGE, json("prompt", "recorded", "n", 2));
        client.submit(TEXT_TO_IMAGE, json("prompt", "rejected", "n", 99));

        List<RecordedSubmission> submissions = sandbox.records().submissions();
        assertEquals(2, submissions.size());
        RecordedSubmission first = submissions.get(0);
        assertEquals(TEXT_TO_IMAGE, first.path());
        assertEquals(202, first.responseStatus());
        assertEquals(requestId, first.requestId());
        assertEquals(2, first.body().get("n").asInt());
        assertTrue(first.carriedApiKey());
        assertEquals(SandboxClient.KEY, first.header("ocp-apim-subscription-key").orElseThrow());
        assertFalse(first.toString().contains(SandboxClient.KEY), "toString must not show the key: " + first);
        RecordedSubmission second = submissions.get(1);
        assertEquals(400, second.responseStatus());
        assertNull(second.requestId());
        assertFalse(second.accepted());
    }

    @Test
    void unknownModelIsRejectedLikeTheGatewayQueue() {
        SandboxClient.Response response = client.submit("/gpt-image-3/v1/text-to-image", json("prompt", "x"));
        assertEquals(400, response.status());
        assertEquals("Model not found", response.error());
        assertEquals("Model 'gpt-image-3' not found or is disabled", response.message());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        SandboxClient.Response unknown = client.submit("/gpt-image-2/v2/text-to-image", json("prompt", "x"));
        assertEquals(404, unknown.status());
        assertEquals("Not Found", unknown.error());

        SandboxClient.Response get = client.get(sandbox.baseUrl() + TEXT_TO_IMAGE,
                Map.of("Ocp-Apim-Subscription-Key", SandboxClient.KEY));
        assertEquals(405, get.status());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void oversizedBodiesAre413WithoutBeingRead() throws Exception {
        URI base = URI.create(sandbox.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + TEXT_TO_IMAGE + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nOcp-Apim-Subscription-Key: k\r\nContent-Type: application/json\r\nContent-Length: "
                    + (StrictJson.MAX_BODY_BYTES + 1L) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine.startsWith("HTTP/1.1 413 "), statusLine);
        }
        assertEquals(413, sandbox.records().submissions().get(0).responseStatus());
    }

    @Test
    void nonJsonContentTypeIsRejected() {
        SandboxClient.Response response = client.submit(TEXT_TO_IMAGE, json("prompt", "x"),
                Map.of("Ocp-Apim-Subscription-Key", SandboxClient.KEY, "Content-Type", "text/plain"));
        assertEquals(415, response.status());
        assertTrue(response.message().contains("application/json"), response.message());

        SandboxClient.Response withCharset = client.submit(TEXT_TO_IMAGE, json("prompt", "x"),
                Map.of("Ocp-Apim-Subscription-Key", SandboxClient.KEY, "Content-Type", "application/json; charset=UTF-8"));
        assertEquals(202, withCharset.status());
    }
}
