package io.github.camelpixazo.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.sandbox.PixazoSandbox;
import io.github.camelpixazo.sandbox.SandboxGateway;
import io.github.camelpixazo.sandbox.WebhookDelivery;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One application submitting to three sandboxes at once - Pixazo, Pixapi and EvoLink, each speaking its own protocol
 * - and collecting from one {@code pixazo:jobs} route, redeployed while every job is still running: the new instance,
 * on the same file store and callback port, receives each job once, from the gateway that took it. Pixazo's and
 * EvoLink's sandboxes call the jobs' own URLs back (their callbacks, in each gateway's shape, are what delivers them:
 * the polling fallback is minutes away); Pixapi's jobs, which have no callbacks, are found by polling. Each sandbox
 * counted exactly its own submits.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JobsAcrossGatewaysRestartTest {

    private static final int PER_GATEWAY = 2;
    /**
     * Long enough for the first instance to submit six jobs and stop before any job ends, also on two cores shared with
     * a parallel build (4 s was a fixed budget such a build can pass, failing "nothing finished before the redeploy").
     */
    private static final Duration PROCESSING = Duration.ofSeconds(12);

    @TempDir
    Path tmp;

    private final Map<SandboxGateway, PixazoSandbox> sandboxes = new HashMap<>();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void startSandboxes() throws IOException {
        for (SandboxGateway gateway : SandboxGateway.values()) {
            sandboxes.put(gateway, PixazoSandbox.builder().gateway(gateway).processingTime(PROCESSING).build().start());
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stopSandboxes() {
        sandboxes.values().forEach(PixazoSandbox::stop);
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/callbacks";
    }

    /** The application: one submit route per gateway (each with its sandbox's URL), one collecting route. */
    private CamelContext app(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(port);
        context.addService(server);
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(sandboxes.get(SandboxGateway.PIXAZO).baseUrl());
        pixazo.getConfiguration().setApiKey("sandbox");
        pixazo.getConfiguration().setPollInterval(100);
        pixazo.getConfiguration().setMaxPollInterval(300);
        pixazo.getConfiguration().setWebhookFallbackDelay(600_000); // callbacks deliver, not polling
        pixazo.setJobStoreDirectory(tmp.resolve("jobs").toString());
        context.addComponent("pixazo", pixazo);
        String submit = "pixazo:generate?waitForCompletion=false&carryHeaders=source";
        String callbacks = "&webhookUrl=" + webhookUrl() + "&webhookAllowHttpLoopback=true";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pixazo").to(submit + callbacks);
                from("direct:pixapi").to(submit + "&gateway=pixapi&apiKey=sandbox&baseUrl="
                                         + sandboxes.get(SandboxGateway.PIXAPI).baseUrl());
                from("direct:evolink").to(submit + callbacks + "&gateway=evolink&apiKey=sandbox&baseUrl="
                                          + sandboxes.get(SandboxGateway.EVOLINK).baseUrl());
                from("pixazo:jobs?delay=50&initialDelay=0" + callbacks).routeId("collect").process(received::add);
            }
        });
        context.getShutdownStrategy().setTimeout(20);
        context.start();
        return context;
    }

    @Test
    void jobsOfThreeGatewaysSubmittedBeforeARedeployAreEachCollectedOnceAfterIt() throws Exception {
        Map<String, SandboxGateway> submitted = new HashMap<>();
        CamelContext first = app("before");
        try {
            for (SandboxGateway gateway : SandboxGateway.values()) {
                for (int i = 0; i < PER_GATEWAY; i++) {
                    SubmittedJob job = first.createProducerTemplate().requestBodyAndHeader("direct:" + gateway.id(),
                            "A lighthouse " + i, "source", gateway.id() + "-" + i + ".txt", SubmittedJob.class);
                    assertEquals(gateway.id(), job.gateway());
                    submitted.put(job.requestId(), gateway);
                }
            }
        } finally {
            first.stop();
        }
        assertEquals(List.of(), received, "nothing finished before the redeploy");

        CamelContext second = app("after");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < submitted.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500); // more polls and any late callback: nothing more arrives
            assertEquals(submitted.size(), received.size(), "each job once: " + received);
            assertEquals(0, second.getComponent("pixazo", PixazoComponent.class).jobStore().count());
        } finally {
            second.stop();
        }

        List<String> ids = new ArrayList<>();
        for (Exchange exchange : received) {
            String id = exchange.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class);
            ids.add(id);
            SandboxGateway gateway = submitted.get(id);
            assertEquals(gateway.id(), exchange.getMessage().getHeader(PixazoConstants.GATEWAY), id);
            assertEquals("COMPLETED", exchange.getMessage().getHeader(PixazoConstants.STATUS), id);
            assertTrue(exchange.getMessage().getHeader("source", String.class).startsWith(gateway.id() + "-"));
            assertArrayEquals(ExampleAssertions.sandboxImage(sandboxes.get(gateway), id, "png"),
                    exchange.getMessage().getBody(byte[].class), id + ": the image of its own sandbox");
        }
        assertEquals(submitted.keySet(), new HashSet<>(ids));
        for (SandboxGateway gateway : SandboxGateway.values()) {
            PixazoSandbox sandbox = sandboxes.get(gateway);
            assertEquals(PER_GATEWAY, sandbox.records().submissions().size(), gateway + ": none submitted twice");
            List<WebhookDelivery> deliveries = sandbox.records().webhookDeliveries();
            if (gateway == SandboxGateway.PIXAPI) {
                assertEquals(List.of(), deliveries, "Pixapi: no callbacks, found by polling");
            } else {
                assertEquals(PER_GATEWAY, deliveries.stream().filter(d -> d.responseCode() == 202).count(),
                        gateway + ": each job's callback reached the new instance: " + deliveries);
            }
        }
    }
}
