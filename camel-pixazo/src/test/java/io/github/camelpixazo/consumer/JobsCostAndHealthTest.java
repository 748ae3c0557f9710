package io.github.camelpixazo.consumer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_1_5;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8 on the pixazo:jobs side: the estimate made before the submit is kept in the job record and put on the job's
 * pixazo:jobs exchange (absent where no price is published), and the consumer's health check reports the pending jobs,
 * the oldest one's age and the last status query that failed.
 */
class JobsCostAndHealthTest extends PixazoTestSupport {

    private static final String PRICED = "gpt-image-2_019d0000-0000-0000-0000-0000000000f1";
    private static final String UNPRICED = "gpt-image-1-5-api-923_019d0000-0000-0000-0000-0000000000f2";
    private static final String STUCK = "gpt-image-2_019d0000-0000-0000-0000-0000000000f3";

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        return context;
    }

    private JobStore store() {
        return context.getComponent("pixazo", PixazoComponent.class).getJobStore();
    }

    private void collect() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pixazo:jobs?delay=20&initialDelay=0").routeId("collect").process(received::add);
            }
        });
    }

    @Test
    void theEstimateTravelsThroughTheStoreToTheJobsExchange() throws Exception {
        gateway.stubSubmit(GENERATE_2, PRICED);
        gateway.stubCompleted(PRICED, "image/png", TestImages.png(8, 8), TestImages.png(8, 8));
        gateway.stubSubmit(GENERATE_1_5, UNPRICED);
        gateway.stubCompleted(UNPRICED, "image/png", TestImages.png(8, 8));

        assertNull(template.request("pixazo:generate?waitForCompletion=false&size=1536x1024&quality=high&n=2",
                e -> e.getIn().setBody("two ships")).getException());
        assertNull(template.request("pixazo:generate?waitForCompletion=false&model=gpt-image-1.5",
                e -> e.getIn().setBody("a ship")).getException());
        JobRecord record = store().find(PRICED).orElseThrow();
        assertEquals(new BigDecimal("0.33"), record.estimatedCost());
        assertEquals("USD", record.costCurrency());
        assertNull(store().find(UNPRICED).orElseThrow().estimatedCost());

        collect();
        Await.until(Duration.ofSeconds(10), () -> received.size() == 2, "both results");

        Exchange priced = received.stream().filter(e -> PRICED.equals(e.getMessage().getHeader(
                PixazoConstants.REQUEST_ID))).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.33"), priced.getMessage().getHeader(PixazoConstants.ESTIMATED_COST));
        assertEquals("USD", priced.getMessage().getHeader(PixazoConstants.COST_CURRENCY));
        Exchange unpriced = received.stream().filter(e -> UNPRICED.equals(e.getMessage().getHeader(
                PixazoConstants.REQUEST_ID))).findFirst().orElseThrow();
        assertFalse(unpriced.getMessage().getHeaders().containsKey(PixazoConstants.ESTIMATED_COST));

        // the consumer's status queries and results are metered like the waiting producer's
        Tags gptImage2 = Tags.of("gateway", "pixazo", "model", "gpt-image-2", "operation", "generate");
        Tags gptImage15 = Tags.of("gateway", "pixazo", "model", "gpt-image-1.5", "operation", "generate");
        for (Tags tags : List.of(gptImage2, gptImage15)) {
            assertEquals(1.0, meters.get("pixazo.jobs.submitted").tags(tags).counter().count(), tags.toString());
            assertEquals(1.0, meters.get("pixazo.status.polls").tags(tags).counter().count(), tags.toString());
            assertEquals(1.0, meters.get("pixazo.jobs.completed").tags(tags).counter().count(), tags.toString());
        }
        // and their downloads: two images of the gpt-image-2 job, one of the gpt-image-1.5 job
        long pngBytes = TestImages.png(8, 8).length;
        assertEquals(2.0, meters.get("pixazo.downloads").tags(gptImage2).counter().count());
        assertEquals(2.0 * pngBytes, meters.get("pixazo.downloaded").tags(gptImage2).counter().count());
        assertEquals(1.0, meters.get("pixazo.downloads").tags(gptImage15).counter().count());
        assertEquals(0.33, meters.get("pixazo.spend.estimated").tags(gptImage2.and("currency", "USD")).counter()
                .count(), 1e-9);
    }

    @Test
    void theConsumersHealthCheckReportsPendingJobsTheOldestAndTheLastPollError() throws Exception {
        gateway.stubSubmit(GENERATE_2, STUCK);
        gateway.stub(get(urlPathEqualTo(STATUS + STUCK)).willReturn(json(500, "{\"error\":\"Internal Server Error\"}")));
        assertNull(template.request("pixazo:generate?waitForCompletion=false", e -> e.getIn().setBody("stuck"))
                .getException());

        collect();
        HealthCheck check = ((HealthCheckAware) context.getRoute("collect").getConsumer()).getHealthCheck();
        assertEquals("consumer:collect", check.getId());
        Map<String, Object> readiness = Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS);
        // once a poll has completed (before it, Camel's polling check is not ready yet)
        Await.until(Duration.ofSeconds(10), () -> {
            HealthCheck.Result now = check.call(readiness);
            return now.getState() == HealthCheck.State.UP && now.getDetails().containsKey("last.poll.error");
        }, "a completed poll that saw a failed status query");

        HealthCheck.Result result = check.call(readiness);
        Map<String, Object> details = result.getDetails();
        assertEquals(1L, details.get("jobs.pending"));
        assertTrue(((Long) details.get("jobs.oldest.age.seconds")) >= 0, details.toString());
        assertEquals(STUCK, details.get("last.poll.error.job"));
        assertTrue(String.valueOf(details.get("last.poll.error")).contains("500"), details.toString());
        assertEquals(HealthCheck.State.UP, result.getState(), "a job's failed query is a detail: the polls work");
    }
}
