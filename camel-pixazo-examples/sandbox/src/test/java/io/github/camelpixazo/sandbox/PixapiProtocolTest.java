package io.github.camelpixazo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox speaking Pixapi: sync and async endpoints, tasks, multipart edits, url and b64_json, error shapes. */
class PixapiProtocolTest {

    private static PixazoSandbox sandbox;
    private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + SandboxClient.KEY);

    @BeforeAll
    static void start() {
        sandbox = PixazoSandbox.builder().gateway(SandboxGateway.PIXAPI).processingTime(Duration.ofMillis(200))
                .build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private SandboxClient.Response post(String path, String json, Map<String, String> headers) {
        return new SandboxClient(sandbox).submit(path, json, headers);
    }

    private JsonNode task(String id) {
        SandboxClient.Response response = new SandboxClient(sandbox).get(sandbox.baseUrl() + "/v1/tasks/" + id, BEARER);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    @Test
    void anAsyncGenerationIsATaskThatCompletesWithUrls() {
        SandboxClient.Response submitted = post("/v1/async/images/generations", SandboxClient.json("model", "gpt-image-2",
                "prompt", "A harbour", "n", 2, "size", "1536x1024"), BEARER);
        assertEquals(200, submitted.status(), submitted.body());
        String id = submitted.json().path("id").asText();
        assertTrue(id.startsWith("task_"), id);
        assertEquals("pending", submitted.json().path("status").asText());

        JsonNode task = task(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!task.path("status").asText().equals("completed") && System.nanoTime() < deadline) {
            SandboxClient.sleep(30);
            task = task(id);
        }
        assertEquals("completed", task.path("status").asText());
        assertEquals(2, task.path("data").size());
        assertEquals(task.path("data").get(0).path("url").asText(), task.path("results").get(0).asText());
        HttpResponse<byte[]> image = new SandboxClient(sandbox).download(task.path("data").get(1).path("url").asText());
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(1, sandbox.records().submissions().size());
        assertTrue(sandbox.records().submissions().get(0).carriedApiKey());
    }

    @Test
    void theSynchronousEndpointAnswersWithBase64WhenTheJobIsDone() {
        long start = System.nanoTime();
        SandboxClient.Response answer = post("/v1/images/generations", SandboxClient.json("model", "gpt-image-1.5",
                "prompt", "Inline", "response_format", "b64_json", "output_format", "webp"), BEARER);
        long took = (System.nanoTime() - start) / 1_000_000;

        assertEquals(200, answer.status(), answer.body());
        assertTrue(took >= 150, "answered only when done, after " + took + " ms");
        byte[] image = Base64.getDecoder().decode(answer.json().path("data").get(0).path("b64_json").asText());
        assertEquals("RIFF", new String(image, 0, 4, StandardCharsets.US_ASCII), "a WEBP, as asked");
    }

    @Test
    void anEditIsMultipartAndItsPartsAreChecked() throws Exception {
        byte[] png = TestImages.png(64, 48);
        SandboxClient.Response ok = multipart("/v1/async/images/edits", png, "image/png", TestImages.png(64, 48));
        assertEquals(200, ok.status(), ok.body());
        JsonNode recorded = sandbox.records().submissions().get(0).body();
        assertEquals("gpt-image-2", recorded.path("model").asText());
        assertEquals("image/png", recorded.path("image").path("contentType").asText());
        assertEquals(png.length, recorded.path("image").path("size").asInt());

        SandboxClient.Response wrongType = multipart("/v1/async/images/edits", png, "text/plain", null);
        assertEquals(400, wrongType.status());
        assertEquals("invalid_request_error", wrongType.json().path("error").path("type").asText());
        SandboxClient.Response wrongMask = multipart("/v1/async/images/edits", png, "image/png", TestImages.png(32, 32));
        assertEquals(400, wrongMask.status());
        assertTrue(wrongMask.json().path("error").path("message").asText().contains("same dimensions"));
        SandboxClient.Response json = post("/v1/async/images/edits", SandboxClient.json("model", "gpt-image-2",
                "prompt", "x"), BEARER);
        assertEquals(400, json.status(), "edits must be multipart");
    }

    private SandboxClient.Response multipart(String path, byte[] image, String imageType, byte[] mask) throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "model", null, null, "gpt-image-2".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "prompt", null, null, "Add a hat".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "image", "image-1.png", imageType, image);
        if (mask != null) {
            part(body, boundary, "mask", "mask.png", "image/png", mask);
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return SandboxClient.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer k")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String file, String type,
                             byte[] content) throws Exception {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                   + (file != null ? "; filename=\"" + file + "\"\r\nContent-Type: " + type : "") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void errorsComeInBothDocumentedShapesWithBearerChecks() {
        SandboxClient.Response noKey = post("/v1/async/images/generations", SandboxClient.json("model", "gpt-image-2",
                "prompt", "p"), Map.of("Ocp-Apim-Subscription-Key", "k"));
        assertEquals(401, noKey.status());
        assertEquals(401, noKey.json().path("error").path("code").asInt());
        assertEquals("unauthorized", noKey.json().path("error").path("type").asText());

        sandbox.faults().insufficientBalance(1);
        SandboxClient.Response broke = post("/v1/async/images/generations", SandboxClient.json("model", "gpt-image-2",
                "prompt", "p"), BEARER);
        assertEquals(402, broke.status());
        assertEquals("insufficient_credits", broke.json().path("error").path("type").asText());

        sandbox.faults().failSubmits(1, 503);
        SandboxClient.Response down = post("/v1/async/images/generations", SandboxClient.json("model", "gpt-image-2",
                "prompt", "p"), BEARER);
        assertEquals(503, down.status());
        assertEquals("model_unavailable", down.json().path("error").path("code").asText(), "the guide's string code");
        assertTrue(down.json().path("error").path("request_id").asText().startsWith("req_"));
        assertEquals("1", down.headers().firstValue("Retry-After").orElseThrow());

        SandboxClient.Response unknownModel = post("/v1/async/images/generations", SandboxClient.json("model",
                "dall-e-3", "prompt", "p"), BEARER);
        assertEquals(404, unknownModel.status());
        assertEquals("model_not_found", unknownModel.json().path("error").path("type").asText());
        SandboxClient.Response unknownField = post("/v1/async/images/generations", SandboxClient.json("model",
                "gpt-image-2", "prompt", "p", "style", "vivid"), BEARER);
        assertEquals(400, unknownField.status());
    }

    @Test
    void aFailedTaskCarriesItsError() {
        String id = post("/v1/async/images/generations", SandboxClient.json("model", "gpt-image-2", "prompt",
                "[sandbox:failed] no"), BEARER).json().path("id").asText();
        SandboxClient.sleep(300);

        JsonNode task = task(id);

        assertEquals("failed", task.path("status").asText());
        assertEquals("prompt_rejected", task.path("error").path("code").asText());
        assertFalse(task.has("data"));
    }
}
