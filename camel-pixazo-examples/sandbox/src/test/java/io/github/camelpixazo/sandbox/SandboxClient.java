package io.github.camelpixazo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain JDK HTTP client speaking the gateway protocol to a running sandbox, for the tests. */
final class SandboxClient {

    static final String KEY = "test-key";
    static final String TEXT_TO_IMAGE = "/gpt-image-2/v1/text-to-image";
    static final String EDIT = "/gpt-image-2/v1/image-to-image-edit";
    static final String GPT_IMAGE_1_5 = "/gpt-image-1-5-api-923/v1/gpt-image-1-5-api-request";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final PixazoSandbox sandbox;

    SandboxClient(PixazoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }

        String message() {
            return json().path("message").asText();
        }
    }

    Response submit(String path, String json) {
        return submit(path, json, Map.of("Ocp-Apim-Subscription-Key", KEY));
    }

    Response submit(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    /** Submits and asserts 202; returns the request id. */
    String accepted(String path, String json) {
        Response response = submit(path, json);
        assertEquals(202, response.status(), response.body());
        return response.json().get("request_id").asText();
    }

    Response status(String requestId) {
        return get(sandbox.baseUrl() + "/v2/requests/status/" + requestId, Map.of("Ocp-Apim-Subscription-Key", KEY));
    }

    JsonNode statusJson(String requestId) {
        Response response = status(requestId);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** Polls every 20 ms until the job is terminal. */
    JsonNode awaitTerminal(String requestId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = statusJson(requestId);
            String value = status.get("status").asText();
            if (value.equals("COMPLETED") || value.equals("FAILED") || value.equals("ERROR")) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                fail("job " + requestId + " still " + value + " after " + timeout);
            }
            sleep(20);
        }
    }

    Response get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    /** Downloads media without any key, as a client must. */
    HttpResponse<byte[]> download(String url) {
        return download(url, Map.of());
    }

    HttpResponse<byte[]> download(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::setHeader);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static HttpClient http() {
        return HTTP;
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Builds a JSON object from alternating names and values. */
    static String json(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }
}
