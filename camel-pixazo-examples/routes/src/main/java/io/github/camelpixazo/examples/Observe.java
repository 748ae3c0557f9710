package io.github.camelpixazo.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code -Dexample.observe=true}: the example runs with Camel Main's management server ({@code /observe/health},
 * {@code /observe/metrics} with a Prometheus registry from camel-micrometer-prometheus), and just before it stops it
 * reads both endpoints over HTTP ({@code /observe/health?data=true}: with each check's details), as a monitoring system would, and saves what they answered in
 * {@code <example.baseDir>/observe/}.
 */
final class Observe {

    /** The management port, {@code -Dexample.observe.port} (default 9876, Camel's). */
    static final int PORT = Integer.getInteger("example.observe.port", 9876);

    private Observe() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("example.observe");
    }

    /** The Camel Main properties that turn the management server, health checks and Prometheus metrics on. */
    static Map<String, String> properties() {
        return Map.of(
                "camel.management.enabled", "true",
                "camel.management.port", String.valueOf(PORT),
                "camel.management.health-check-enabled", "true",
                "camel.management.metrics-enabled", "true",
                "camel.metrics.enabled", "true",
                "camel.health.enabled", "true",
                "camel.health.exposure-level", "full");
    }

    /** GETs /observe/metrics and /observe/health and writes them verbatim to {@code directory}. */
    static void scrape(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Map.Entry<String, String> endpoint : Map.of("metrics.txt", "/observe/metrics", "health.json",
                "/observe/health?data=true").entrySet()) {
            String url = "http://localhost:" + PORT + endpoint.getValue();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Path file = directory.resolve(endpoint.getKey());
            Files.writeString(file, "# GET " + url + " -> HTTP " + response.statusCode() + "\n" + response.body());
            System.out.println("Saved " + url + " (HTTP " + response.statusCode() + ") to " + file);
        }
    }
}
