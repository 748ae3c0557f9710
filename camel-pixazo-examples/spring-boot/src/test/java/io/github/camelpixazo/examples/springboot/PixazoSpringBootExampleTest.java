package io.github.camelpixazo.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelpixazo.PixazoComponent;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot example end to end, as a user runs it: start the application (embedded sandbox, random HTTP port),
 * drop a prompt file, wait for the image, ask the actuator whether the application is healthy.
 */
class PixazoSpringBootExampleTest {

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    @TempDir
    Path dir;

    @Test
    void aPromptFileBecomesAnImageAndTheApplicationIsHealthy() throws Exception {
        try (ConfigurableApplicationContext app = PixazoSpringBootExample.start(Map.of(), "--server.port=0",
                "--example.dir=" + dir.toAbsolutePath())) {
            PixazoComponent pixazo = app.getBean(CamelContext.class).getComponent("pixazo", PixazoComponent.class);
            assertEquals("low", pixazo.getConfiguration().getQuality(), "application.properties reached the component");
            assertEquals(1_000, pixazo.getConfiguration().getPollInterval());
            assertEquals("pixazo-example", app.getBean(CamelContext.class).getName(),
                    "camel.main.name from application.properties");

            Files.createDirectories(dir.resolve("prompts"));
            Files.writeString(dir.resolve("prompts/lighthouse.txt"), "A lighthouse in a storm", StandardCharsets.UTF_8);

            Path image = dir.resolve("images/lighthouse.png");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(image) || !Files.exists(dir.resolve("prompts/.done/lighthouse.txt"))) {
                assertTrue(System.nanoTime() < deadline, "no image after 60 s; files: " + list(dir));
                Thread.sleep(100);
            }
            byte[] head = new byte[8];
            System.arraycopy(Files.readAllBytes(image), 0, head, 0, 8);
            assertArrayEquals(PNG_SIGNATURE, head, "a real PNG");

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().startsWith("{\"status\":\"UP\""), health.body());
            assertTrue(health.body().contains("camel"), "Camel's health is part of it: " + health.body());
            assertTrue(health.body().contains("\"pixazo\""), "the component's readiness check is in it: " + health.body());
            assertEquals("2", pixazo.getBudget(), "the starter binds the budget");

            // the component found Spring Boot's MeterRegistry: the job is counted there, and its estimated price
            io.micrometer.core.instrument.MeterRegistry meters = app.getBean(
                    io.micrometer.core.instrument.MeterRegistry.class);
            assertEquals(1.0, meters.get("pixazo.jobs.completed").counter().count());
            assertEquals(0.006, meters.get("pixazo.spend.estimated").tag("currency", "USD").counter().count(), 1e-9,
                    "one 1024x1024 low-quality job at Pixazo's published 0.006 USD");
            HttpResponse<String> metric = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/actuator/metrics/pixazo.jobs.submitted")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metric.statusCode(), metric.body());
            assertTrue(metric.body().contains("\"value\":1.0"), metric.body());
        }
    }

    private static String list(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.map(dir::relativize).map(Path::toString).toList().toString();
        }
    }
}
