package io.github.camelpixazo.producer;

import java.util.Arrays;
import java.util.List;

import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jobTimeout bounds the whole job - submit, polls, downloads - and its expiry is always a PixazoTimeoutException
 * carrying the request id, whatever the gateway does meanwhile. Each fault here would, without the deadline, last far
 * longer (a 60 s drip, a 20 s stall) or end early (an oversized answer used to abandon the job at once). The
 * assertions are that the job did not end before jobTimeout and a sanity bound far above it, not a timing threshold.
 */
class OneDeadlineTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000dead1";
    private static final long JOB_TIMEOUT = 2_000;
    /** Far above jobTimeout and far below what each fault would take without the deadline. */
    private static final long SANITY = 15_000;

    private PixazoTimeoutException timesOut(String options) {
        long start = System.nanoTime();
        Exchange out = template.request("pixazo:generate?jobTimeout=" + JOB_TIMEOUT + "ms" + options,
                e -> e.getIn().setBody("A prompt"));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        PixazoTimeoutException e = assertInstanceOf(PixazoTimeoutException.class, out.getException());
        assertTrue(elapsed >= JOB_TIMEOUT, "ended after " + elapsed + " ms, before jobTimeout: " + e.getMessage());
        assertTrue(elapsed < SANITY, "ended after " + elapsed + " ms: the deadline did not cut it");
        System.out.printf("OneDeadlineTest: %s ended after %d ms (jobTimeout=%d ms): %s%n",
                new Throwable().getStackTrace()[1].getMethodName(), elapsed, JOB_TIMEOUT, e.getMessage());
        return e;
    }

    private void stubCompletedWithImageAt(String path) {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null,
                List.of(gateway.mediaUrl(path)), "image/png"))));
    }

    @Test
    void aDownloadDrippingAtOneKilobytePerSecondIsCutAtTheDeadline() {
        stubCompletedWithImageAt("/v1/drip.png");
        byte[] image = Arrays.copyOf(TestImages.png(8, 8), 60 * 1024); // 60 KB in 60 chunks over 60 s
        gateway.media().stubFor(get(urlPathEqualTo("/v1/drip.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(image).withChunkedDribbleDelay(60, 60_000)));

        PixazoTimeoutException e = timesOut("");

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("could not be downloaded within jobTimeout"), e.getMessage());
    }

    @Test
    void aStatusEndpointThatStallsOnEveryQueryEndsInATimeoutWithTheRequestId() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(200, GatewayStub.status(ID, "PROCESSING", null,
                null, null)).withFixedDelay(20_000)));

        PixazoTimeoutException e = timesOut(""); // readTimeout stays 60 s: the deadline cuts the query

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("did not finish within jobTimeout"), e.getMessage());
    }

    @Test
    void aMalformedStatusAnswerIsAskedAgainUntilTheDeadline() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>502 Bad Gateway</html>")));

        PixazoTimeoutException e = timesOut("");

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("is not JSON"), e.getMessage());
        assertTrue(statusQueries() > 1, "asked again: " + statusQueries());
    }

    @Test
    void anOversizedStatusAnswerIsAskedAgainUntilTheDeadline() {
        gateway.stubSubmit(GENERATE_2, ID);
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) ' ');
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(tenMegabytes)));

        PixazoTimeoutException e = timesOut("");

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
        assertTrue(statusQueries() > 1, "the paid job was not abandoned at the first query: " + statusQueries());
    }

    @Test
    void aSubmitWithoutAnswerEndsAtTheDeadlineSayingTheJobMayHaveBeenQueued() {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(202, GatewayStub.submitted(ID))
                .withFixedDelay(20_000)));

        PixazoTimeoutException e = timesOut("");

        assertNull(e.getRequestId(), "no request id was ever given");
        assertTrue(e.getMessage().contains("may have been queued"), e.getMessage());
        assertEquals(1, gateway.submits(GENERATE_2).size(), "never resubmitted");
    }

    private int statusQueries() {
        return gateway.api().findAll(getRequestedFor(urlPathEqualTo(STATUS + ID))).size();
    }
}
