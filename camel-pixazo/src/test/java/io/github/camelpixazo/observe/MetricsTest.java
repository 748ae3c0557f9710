package io.github.camelpixazo.observe;

import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelpixazo.error.PixazoBudgetExceededException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meters' values after a known run (not just their presence), in the MeterRegistry camel-micrometer binds as
 * "metricsRegistry": one job completed after a failed status query (two polls, one retry, two images downloaded),
 * one FAILED, one refused for an empty wallet, one submitted without waiting, one stopped by a budget. And the job
 * log's INFO lines for the same run.
 */
class MetricsTest extends PixazoTestSupport {

    private static final String DONE = "gpt-image-2_019d0000-0000-0000-0000-0000000000d1";
    private static final String BAD = "gpt-image-2_019d0000-0000-0000-0000-0000000000d2";
    private static final String LATER = "gpt-image-2_019d0000-0000-0000-0000-0000000000d3";
    private static final Tags GENERATE = Tags.of("gateway", "pixazo", "model", "gpt-image-2", "operation", "generate");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    private double counter(String name, Tags tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void theMetersCountAKnownRun() {
        byte[] first = TestImages.png(40, 30);
        byte[] second = TestImages.png(20, 10);

        // 1: completes after one failed status query; two images
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("one")).willReturn(json(202, GatewayStub.submitted(DONE))));
        gateway.stub(get(urlPathEqualTo(STATUS + DONE)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{}")).willSetStateTo("recovered"));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/a.png")).willReturn(aResponse().withBody(first)));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/b.png")).willReturn(aResponse().withBody(second)));
        gateway.stub(get(urlPathEqualTo(STATUS + DONE)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, GatewayStub.status(DONE, "COMPLETED", null,
                        List.of(gateway.mediaUrl("/v1/a.png"), gateway.mediaUrl("/v1/b.png")), "image/png"))));
        // 2: FAILED at the gateway
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("two")).willReturn(json(202, GatewayStub.submitted(BAD))));
        gateway.stubStatus(BAD, "FAILED", "content policy");
        // 3: the wallet is empty
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("three")).willReturn(json(402, "{\"error\":\"insufficient_balance\"}")));
        // 4: submitted, not waited for
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("four")).willReturn(json(202, GatewayStub.submitted(LATER))));

        String uri = "pixazo:generate?size=1024x1024&quality=high";
        try (LogCapture log = new LogCapture()) {
            Exchange one = template.request(uri + "&n=2", e -> e.getIn().setBody("one"));
            Exchange two = template.request(uri, e -> e.getIn().setBody("two"));
            Exchange three = template.request(uri, e -> e.getIn().setBody("three"));
            Exchange four = template.request(uri + "&waitForCompletion=false", e -> e.getIn().setBody("four"));
            Exchange five = template.request(uri + "&budget=0.2", e -> e.getIn().setBody("five"));

            assertNull(one.getException());
            assertInstanceOf(PixazoJobFailedException.class, two.getException());
            assertInstanceOf(PixazoInsufficientBalanceException.class, three.getException());
            assertNull(four.getException());
            assertInstanceOf(PixazoBudgetExceededException.class, five.getException());

            List<String> jobs = log.lines().stream().filter(line -> line.contains(JobObservation.LOGGER)).toList();
            String text = String.join("\n", jobs);
            assertTrue(jobs.stream().allMatch(line -> line.startsWith("INFO")), text);
            assertTrue(text.contains("Job " + DONE + " (pixazo gpt-image-2 generate): QUEUED after")
                       && text.contains("estimated 0.422 USD"), text);
            assertTrue(text.contains("Job " + DONE + ": COMPLETED after") && text.contains("2 images"), text);
            assertTrue(text.contains("Job " + BAD + ": failed after") && text.contains("(job_failed)"), text);
            assertTrue(text.contains("Submit (pixazo gpt-image-2 generate) failed after")
                       && text.contains("(insufficient_balance): nothing was queued"), text);
            assertFalse(text.contains("one") && text.contains("prompt"), "no prompt unless logPrompt=true: " + text);
            assertFalse(text.contains(GatewayStub.KEY), text);
        }

        assertEquals(3, counter("pixazo.jobs.submitted", GENERATE), "one, two and four were accepted");
        assertEquals(1, counter("pixazo.jobs.completed", GENERATE));
        assertEquals(1, counter("pixazo.jobs.failed", GENERATE.and("reason", "job_failed")));
        assertEquals(1, counter("pixazo.jobs.failed", GENERATE.and("reason", "insufficient_balance")));
        assertEquals(2, registry.get("pixazo.jobs.failed").counters().size(), "no other reason");
        assertEquals(3, counter("pixazo.status.polls", GENERATE), "two for one (503, then COMPLETED), one for two");
        assertEquals(1, counter("pixazo.retries", GENERATE), "the status query after the 503");
        assertEquals(2, counter("pixazo.downloads", GENERATE));
        assertEquals(first.length + second.length, counter("pixazo.downloaded", GENERATE));
        assertEquals(1, counter("pixazo.budget.refusals", GENERATE));
        // 0.422 (one) + 0.211 (two) + 0.211 (four): what the gateway accepted
        assertEquals(0.844, counter("pixazo.spend.estimated", GENERATE.and("currency", "USD")), 1e-9);
        Gauge inFlight = registry.get("pixazo.jobs.in.flight").tags(GENERATE).gauge();
        assertEquals(0, inFlight.value(), "every job ended");
        Timer duration = registry.get("pixazo.job.duration").tags(GENERATE).timer();
        assertEquals(1, duration.count(), "completed jobs only");

        for (Meter meter : registry.getMeters()) {
            List<String> keys = meter.getId().getTags().stream().map(tag -> tag.getKey()).toList();
            assertTrue(List.of("gateway", "model", "operation", "reason", "currency").containsAll(keys),
                    meter.getId() + " has only the documented tags");
        }
    }

    @Test
    void logPromptPutsThePromptIntoTheAcceptedLine() {
        gateway.stubSubmit(GENERATE_2, LATER);
        try (LogCapture log = new LogCapture()) {
            template.requestBody("pixazo:generate?waitForCompletion=false&logPrompt=true", "a red bicycle");
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("QUEUED")
                    && line.contains("prompt 'a red bicycle'")), String.join("\n", log.lines()));
        }
    }

    @Test
    void theLoggedPromptNeverHoldsTheKeyNorStartsALine() {
        gateway.stubSubmit(GENERATE_2, LATER);
        try (LogCapture log = new LogCapture()) {
            // a prompt built from message data: it quotes the key, and forges a second log line
            template.requestBody("pixazo:generate?waitForCompletion=false&logPrompt=true", "a cat " + GatewayStub.KEY
                    + "\nINFO  io.github.camelpixazo.jobs - Job forged: COMPLETED");
            String text = String.join("\n", log.lines());
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("QUEUED") && line.contains("prompt 'a cat ")),
                    text);
            assertFalse(text.contains(GatewayStub.KEY), text);
            assertFalse(log.lines().stream().anyMatch(line -> line.startsWith("INFO  io.github.camelpixazo.jobs - Job"
                    + " forged")), text);
        }
    }

    /** Job records (shared JDBC store, hand-edited file) may name anything: the tags stay a closed set. */
    @Test
    void tagsFromStoredRecordsCannotGrowTheRegistryWithoutBound() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        MicrometerMetrics metrics = new MicrometerMetrics(own);
        for (int i = 0; i < 500; i++) {
            metrics.meters("gateway-" + i, "model-" + i + "\nforged", "op-" + i).submitted();
        }
        metrics.meters("pixazo", "gpt-image-2", "generate").submitted();

        List<Meter> submitted = own.get("pixazo.jobs.submitted").meters().stream().toList();
        assertEquals(2, submitted.size(), "the known tags and one 'other' set: " + submitted.size());
        assertEquals(500, own.get("pixazo.jobs.submitted").tags("gateway", "other", "model", "other", "operation",
                "other").counter().count());
        assertEquals(1, own.get("pixazo.jobs.submitted").tags(GENERATE).counter().count());
    }
}
