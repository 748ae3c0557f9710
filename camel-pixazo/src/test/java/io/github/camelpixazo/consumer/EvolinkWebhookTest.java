package io.github.camelpixazo.consumer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.TestEnvironment;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EvoLink's callbacks on pixazo:jobs: the job's own {@code callback_url} (webhookUrl plus its secret) goes in the
 * submit's JSON body, and EvoLink posts its task query's shape there when the task ends
 * (evolink-gpt-image-1.5-api.txt). Read by EvoLink's parser, confirmed with one {@code GET /v1/tasks/{id}}, emitted
 * once with {@code CamelPixazoGateway=evolink} and {@code CamelPixazoProgress} - by a collecting endpoint whose own
 * gateway is Pixazo, so the job's gateway is what counts; a forged completed task for a running one emits nothing; a body in Pixazo's shape on an EvoLink job's URL is no EvoLink callback: ignored without a query.
 */
class EvolinkWebhookTest extends PixazoTestSupport {

    private static final String TASK = "task-unified-1757156493-whk00001";
    private static final String SUBMIT = "/v1/images/generations";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port = freePort();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TestEnvironment.set(context.getComponent("pixazo", PixazoComponent.class),
                java.util.Map.of("PIXAZO_API_KEY", GatewayStub.KEY));
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(port);
        context.addService(server);
        return context;
    }

    @Override
    protected void configure(PixazoConfiguration configuration) {
        super.configure(configuration);
        configuration.setGateway("evolink");
        configuration.setWebhookUrl(webhookUrl());
        configuration.setWebhookAllowHttpLoopback(true);
        configuration.setWebhookFallbackDelay(3_600_000); // callbacks only
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/evolink/callbacks";
    }

    private JobStore store() {
        return context.getComponent("pixazo", PixazoComponent.class).getJobStore();
    }

    private static String task(String status, int progress, String extra) {
        return "{\"created\":1757156493,\"id\":\"" + TASK + "\",\"model\":\"gpt-image-2\",\"object\":"
               + "\"image.generation.task\",\"progress\":" + progress + ",\"status\":\"" + status + "\",\"task_info\":"
               + "{\"can_cancel\":false},\"type\":\"image\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private void stubTask(String status, int progress, byte[] image) {
        String extra = "";
        if (image != null) {
            gateway.media().stubFor(get(urlPathEqualTo("/e/" + TASK + ".png")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "image/png").withBody(image)));
            extra = "\"results\":[\"" + gateway.mediaUrl("/e/" + TASK + ".png") + "\"]";
        }
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task(status, progress, extra))));
    }

    /** Submits one job through EvoLink; returns the callback_url it was given. */
    private String submitJob() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the collecting endpoint's own gateway is Pixazo: the job's gateway (EvoLink) reads its callbacks
                from("pixazo:jobs?delay=20&initialDelay=0&gateway=pixazo&baseUrl=" + gateway.baseUrl())
                        .routeId("collect").process(received::add);
            }
        });
        gateway.stub(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(SUBMIT)).willReturn(json(200, "{\"created\":1757156493,\"id\":\"" + TASK
                + "\",\"model\":\"gpt-image-2\",\"object\":\"image.generation.task\",\"progress\":0,\"status\":"
                + "\"pending\",\"type\":\"image\"}")));
        Exchange out = template.request("pixazo:generate?waitForCompletion=false", e -> e.getIn().setBody("A heron"));
        assertEquals(null, out.getException());
        JsonNode body = JSON.readTree(gateway.api().findAll(postRequestedFor(urlPathEqualTo(SUBMIT))).get(0)
                .getBodyAsString());
        String url = body.path("callback_url").asText();
        assertTrue(url.matches(webhookUrl() + "/[A-Za-z0-9_-]{43}"), "a per-job callback_url: " + url);
        assertEquals("evolink", store().find(TASK).orElseThrow().gateway());
        return url;
    }

    private long statusQueries() {
        return gateway.api().findAll(getRequestedFor(urlPathMatching("/v1/tasks/.*"))).size();
    }

    private static int post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void evolinksCallbackIsConfirmedWithOneTaskQueryAndEmittedOnce() throws Exception {
        String url = submitJob();
        byte[] png = TestImages.png(14, 14);
        stubTask("completed", 100, png);
        String callback = task("completed", 100, "\"results\":[\"" + gateway.mediaUrl("/e/" + TASK + ".png") + "\"]");

        assertEquals(202, post(url, callback));
        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "the result");
        assertEquals(202, post(url, callback), "EvoLink retries: a duplicate after delivery");
        Thread.sleep(300);

        assertEquals(1, received.size(), "emitted once");
        Exchange result = received.get(0);
        assertArrayEquals(png, result.getMessage().getBody(byte[].class));
        assertEquals(TASK, result.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertEquals("evolink", result.getMessage().getHeader(PixazoConstants.GATEWAY));
        assertEquals(100, result.getMessage().getHeader(PixazoConstants.PROGRESS));
        assertEquals(1, statusQueries(), "one confirmation, no polling");
        gateway.api().verify(getRequestedFor(urlPathEqualTo("/v1/tasks/" + TASK))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer " + GatewayStub.KEY)));
    }

    @Test
    void aForgedCompletedTaskForARunningOneEmitsNothing() throws Exception {
        String url = submitJob();
        stubTask("processing", 35, null);

        assertEquals(202, post(url, task("completed", 100, "\"results\":[\"https://forger.example/x.png\"]")));
        Await.until(Duration.ofSeconds(10), () -> statusQueries() == 1, "the confirmation query");
        Thread.sleep(300);

        assertEquals(List.of(), received, "EvoLink says processing: nothing emitted");
        assertEquals("PROCESSING", store().find(TASK).orElseThrow().lastStatus());
    }

    @Test
    void aBodyInPixazosShapeOnAnEvolinkJobsUrlIsIgnoredWithoutAQuery() throws Exception {
        String url = submitJob();
        stubTask("completed", 100, TestImages.png(8, 8));

        String pixazoShape = "{\"request_id\":\"" + TASK + "\",\"status\":\"COMPLETED\",\"model_id\":\"gpt-image-2\","
                             + "\"output\":{\"media_url\":[\"https://x.example/a.png\"],\"media_type\":\"image/png\"}}";
        assertEquals(202, post(url, pixazoShape), "answered like any callback");
        Thread.sleep(500);

        assertEquals(0, statusQueries(), "not EvoLink's task shape (no id): nothing to confirm");
        assertEquals(List.of(), received);
        assertFalse(store().find(TASK).isEmpty());
    }

    @Test
    void aWebhookUrlTooLongForEvolinkOnceItCarriesTheJobsSecretFailsAtStartUp() {
        // 2,005 characters: within EvoLink's 2,048 on its own, but not with the job's secret segment (44 more)
        String longUrl = webhookUrl() + "/" + "a".repeat(2005 - webhookUrl().length() - 1);
        assertEquals(2005, longUrl.length());

        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:long").to("pixazo:generate?waitForCompletion=false&webhookUrl=" + longUrl);
            }
        }));
        Throwable cause = failure;
        while (cause != null && !(cause instanceof PixazoValidationException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof PixazoValidationException, String.valueOf(failure));
        assertEquals("webhookUrl", ((PixazoValidationException) cause).getOption());
        assertTrue(cause.getMessage().contains("is 2005 characters long") && cause.getMessage().contains("(2049"
                   + " characters); EvoLink accepts at most 2048"), cause.getMessage());
    }

    @Test
    void aWebhookUrlThatFitsWithTheSecretIsAccepted() throws Exception {
        String longUrl = webhookUrl() + "/" + "a".repeat(2004 - webhookUrl().length() - 1); // 2,048 with the secret
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fits").to("pixazo:generate?waitForCompletion=false&webhookUrl=" + longUrl);
            }
        });
        assertTrue(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
