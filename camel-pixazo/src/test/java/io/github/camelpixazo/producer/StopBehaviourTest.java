package io.github.camelpixazo.producer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the component stops, every exchange still waiting for it completes, with a message that says what happened
 * to its job: none may wait forever (the producer here is called directly, so Camel's graceful shutdown does not wait
 * for it, as after a shutdown timeout).
 */
class StopBehaviourTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000057a9";

    private Exchange startThenStop(String uri, Object body, String header, Object value, Runnable reached) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        Exchange exchange = context.getEndpoint(uri).createExchange();
        exchange.getIn().setBody(body);
        if (header != null) {
            exchange.getIn().setHeader(header, value);
        }
        CountDownLatch done = new CountDownLatch(1);
        producer.process(exchange, doneSync -> done.countDown());
        reached.run();
        context.stop();
        assertTrue(done.await(10, TimeUnit.SECONDS), "the callback was never called after the component stopped");
        return exchange;
    }

    private static String message(Exchange exchange) {
        PixazoException e = assertInstanceOf(PixazoException.class, exchange.getException());
        return e.getMessage();
    }

    @Test
    void aSubmitWaitingToRetryAfter429() throws Exception {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(429, "{}").withHeader("Retry-After", "2")));

        Exchange out = startThenStop("pixazo:generate?maxRetryDelay=5s", "A prompt", null, null,
                () -> Await.until(Duration.ofSeconds(5), () -> gateway.submits(GENERATE_2).size() == 1, "first submit"));

        assertTrue(message(out).contains("stopped during a submit"), message(out));
    }

    @Test
    void aSubmitStillInFlight() throws Exception {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(202, GatewayStub.submitted(ID)).withFixedDelay(4_000)));

        Exchange out = startThenStop("pixazo:generate", "A prompt", null, null,
                () -> Await.until(Duration.ofSeconds(5), () -> gateway.submits(GENERATE_2).size() == 1, "submit sent"));

        assertTrue(message(out).contains("may have been queued"), message(out));
    }

    @Test
    void aStatusQueryWaitingToRetryAfter503() throws Exception {
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(503, "{}")));

        Exchange out = startThenStop("pixazo:status?retryDelay=3s&maxRetryDelay=5s", ID, null, null,
                () -> Await.until(Duration.ofSeconds(5), () -> !gateway.apiRequests().isEmpty(), "first query"));

        assertTrue(message(out).contains("stopped during the status query of job " + ID), message(out));
    }

    @Test
    void aDownloadWaitingToRetryAfter503() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null,
                java.util.List.of(gateway.mediaUrl("/v1/busy.png")), "image/png"))));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/busy.png")).willReturn(aResponse().withStatus(503)));

        Exchange out = startThenStop("pixazo:generate?retryDelay=3s&maxRetryDelay=5s", "A prompt", null, null,
                () -> Await.until(Duration.ofSeconds(5), () -> !gateway.mediaRequests().isEmpty(), "first download"));

        assertTrue(message(out).contains("stopped during the download of"), message(out));
    }

    @Test
    void aJobBeingWaitedFor() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubStatus(ID, "PROCESSING", null);

        Exchange out = startThenStop("pixazo:generate", null, PixazoConstants.PROMPT, "A prompt",
                () -> Await.until(Duration.ofSeconds(5), () -> gateway.apiRequests().size() >= 2, "first status query"));

        assertTrue(message(out).contains("while waiting for job " + ID), message(out));
        assertTrue(message(out).contains("pixazo:status"), message(out));
    }
}
