package io.github.camelpixazo.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_1_5;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route work never runs on an HTTP thread: with every worker blocked in a slow route step and more finished jobs
 * queued behind them, the other jobs' submits and status queries go on; and whatever is thrown while a result is
 * written - an OutOfMemoryError included - the exchange still completes.
 */
class RouteWorkOffIoThreadsTest extends PixazoTestSupport {

    private static final int BLOCKING_JOBS = 6;
    private static final int OTHER_JOBS = 5;

    private final CountDownLatch unblock = new CountDownLatch(1);
    private final AtomicInteger blocked = new AtomicInteger();
    private final Set<String> stepThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PixazoComponent pixazo = context.getComponent("pixazo", PixazoComponent.class);
        pixazo.setWorkerPoolSize(1);
        pixazo.setWorkerPoolMaxSize(2);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").to("pixazo:generate")
                        .process(e -> {
                            stepThreads.add(Thread.currentThread().getName());
                            blocked.incrementAndGet();
                            unblock.await(30, TimeUnit.SECONDS); // a route step that blocks for seconds
                        });
                // jobs that stay PROCESSING: their status queries must keep their pace meanwhile
                from("direct:other").to("pixazo:generate?model=gpt-image-1.5&pollBackoffMultiplier=1"
                                        + "&pollInterval=50ms&maxPollInterval=50ms&jobTimeout=60s");
            }
        };
    }

    @Test
    void aBlockingRouteStepDoesNotStallOtherJobsHttpTraffic() throws Exception {
        byte[] png = TestImages.png(8, 8);
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(202,
                "{\"request_id\":\"gpt-image-2_{{randomValue type='UUID'}}\",\"status\":\"QUEUED\"}")));
        gateway.stub(get(urlPathMatching(STATUS + "gpt-image-2_.*")).willReturn(json(200,
                "{\"request_id\":\"{{request.pathSegments.[3]}}\",\"status\":\"COMPLETED\",\"output\":{\"media_url\":[\""
                + gateway.mediaUrl("/v1/done.png") + "\"],\"media_type\":\"image/png\"}}")));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/done.png")).willReturn(aResponse().withBody(png)));
        gateway.stub(post(urlPathEqualTo(GENERATE_1_5)).willReturn(json(202,
                "{\"request_id\":\"gpt-image-1-5-api-923_{{randomValue type='UUID'}}\",\"status\":\"QUEUED\"}")));
        gateway.stub(get(urlPathMatching(STATUS + "gpt-image-1-5-api-923_.*")).willReturn(json(200,
                "{\"request_id\":\"{{request.pathSegments.[3]}}\",\"status\":\"PROCESSING\"}")));

        List<CompletableFuture<Object>> slow = new ArrayList<>();
        for (int i = 0; i < BLOCKING_JOBS; i++) {
            slow.add(template.asyncRequestBody("direct:slow", "A prompt " + i));
        }
        // both workers (workerPoolMaxSize=2) block in the step; the other finished jobs queue behind them
        Await.until(Duration.ofSeconds(20), () -> blocked.get() == 2, "two workers blocked in the route step");
        Await.until(Duration.ofSeconds(20), () -> completedJobsDownloaded() == BLOCKING_JOBS,
                "every slow job finished at the gateway and was downloaded");
        Date windowStart = new Date();
        List<CompletableFuture<Object>> others = new ArrayList<>();
        for (int i = 0; i < OTHER_JOBS; i++) {
            others.add(template.asyncRequestBody("direct:other", "Another prompt " + i));
        }
        // the window: while the route step still blocks, the other jobs are submitted and polled
        Await.until(Duration.ofSeconds(20), () -> otherRequestsSince(windowStart, "POST") == OTHER_JOBS
                && otherRequestsSince(windowStart, "GET") >= 3 * OTHER_JOBS, "the other jobs submitted and polled");
        int submits = otherRequestsSince(windowStart, "POST");
        int polls = otherRequestsSince(windowStart, "GET");
        assertEquals(2, blocked.get(), "the step was still blocking throughout");

        unblock.countDown();
        for (CompletableFuture<Object> job : slow) {
            job.get(30, TimeUnit.SECONDS);
        }
        assertEquals(BLOCKING_JOBS, blocked.get(), "every slow job ran its step once a worker was free");
        for (String thread : stepThreads) {
            assertTrue(thread.contains("PixazoWorker"), "route work ran on " + thread + ", not on a worker");
        }
        others.forEach(job -> job.cancel(true));
        System.out.printf("RouteWorkOffIoThreadsTest: while both workers blocked, %d submits and %d status queries of"
                          + " other jobs went out; route steps ran on %s%n", submits, polls, stepThreads);
    }

    @Test
    void anErrorThrownWhileTheResultIsWrittenStillCompletesTheExchange() throws Exception {
        String id = "gpt-image-2_019d0000-0000-0000-0000-0000000e0e01";
        gateway.stubSubmit(GENERATE_2, id);
        gateway.stubCompleted(id, "image/png", TestImages.png(8, 8));
        AsyncProducer producer = context.getEndpoint("pixazo:generate").createAsyncProducer();
        producer.start();
        Exchange exchange = context.getEndpoint("pixazo:generate").createExchange();
        exchange.setMessage(new DefaultMessage(exchange) {
            @Override
            public void setHeader(String name, Object value) {
                if (PixazoConstants.REQUEST_ID.equals(name)) {
                    throw new OutOfMemoryError("simulated while writing the result");
                }
                super.setHeader(name, value);
            }
        });
        exchange.getMessage().setBody("A prompt");
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger callbacks = new AtomicInteger();

        producer.process(exchange, doneSync -> {
            callbacks.incrementAndGet();
            done.countDown();
        });

        assertTrue(done.await(20, TimeUnit.SECONDS), "the exchange never completed");
        // Camel keeps an Error as the cause of a CamelExecutionException (Exchange.setException)
        assertInstanceOf(OutOfMemoryError.class, exchange.getException().getCause(), exchange.getException().toString());
        assertEquals(1, callbacks.get());
        producer.stop();
    }

    private int completedJobsDownloaded() {
        return gateway.mediaRequests().size();
    }

    private int otherRequestsSince(Date start, String method) {
        int count = 0;
        for (LoggedRequest request : gateway.apiRequests()) {
            boolean other = method.equals("POST") ? request.getUrl().startsWith(GENERATE_1_5)
                    : request.getUrl().startsWith(STATUS + "gpt-image-1-5-api-923_");
            if (other && request.getMethod().getName().equals(method) && !request.getLoggedDate().before(start)) {
                count++;
            }
        }
        return count;
    }
}
