package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Thousands of jobs in flight at once, with webhooks, on a fixed handful of sandbox threads. */
class ConcurrencyTest {

    private static final int JOBS = 2000;

    @Test
    void twoThousandConcurrentJobsWithWebhooksNeedNoThreadPerJob() throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofSeconds(4)).build().start();
             WebhookReceiver receiver = new WebhookReceiver()) {
            List<CompletableFuture<HttpResponse<String>>> submits = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                submits.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + TEXT_TO_IMAGE))
                        .header("Ocp-Apim-Subscription-Key", "k")
                        .header("Content-Type", "application/json")
                        .header("X-Webhook-URL", receiver.url())
                        .POST(HttpRequest.BodyPublishers.ofString(json("prompt", "job " + i))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Set<String> requestIds = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> submit : submits) {
                HttpResponse<String> response = submit.join();
                assertEquals(202, response.statusCode(), response.body());
                requestIds.add(SandboxClient.JSON.readTree(response.body()).get("request_id").asText());
            }
            assertEquals(JOBS, requestIds.size(), "every request id is unique");
            assertEquals(JOBS, sandbox.jobCount());

            // submitting takes a few seconds here, so the jobs are still pending, each with a planned webhook
            long sandboxThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(NamedThreadFactory.PREFIX)).count();
            assertTrue(sandboxThreads <= 16 + 4 + 2 + 1, "sandbox threads: " + sandboxThreads);
            int allThreads = Thread.activeCount();
            assertTrue(allThreads < JOBS / 10, "JVM threads: " + allThreads);

            List<WebhookDelivery> deliveries = sandbox.records().awaitWebhookDeliveries(JOBS, Duration.ofSeconds(30));
            assertEquals(JOBS, deliveries.size());
            assertTrue(deliveries.stream().allMatch(WebhookDelivery::succeeded));
            assertEquals(requestIds, deliveries.stream().map(WebhookDelivery::requestId).collect(Collectors.toSet()));
            assertEquals(JOBS, receiver.callbacks().size());

            List<CompletableFuture<HttpResponse<String>>> statuses = new ArrayList<>();
            for (String requestId : requestIds) {
                statuses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v2/requests/status/" + requestId))
                        .header("Ocp-Apim-Subscription-Key", "k").build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> status : statuses) {
                JsonNode json = SandboxClient.JSON.readTree(status.join().body());
                assertEquals("COMPLETED", json.get("status").asText());
            }
            assertEquals(JOBS, sandbox.records().statusQueryCount());
            assertEquals(0, sandbox.cachedImageCount(), "nothing rendered until downloaded");
        } finally {
            clientThreads.shutdownNow();
        }
    }
}
