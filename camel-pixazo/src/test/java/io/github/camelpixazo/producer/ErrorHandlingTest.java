package io.github.camelpixazo.producer;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.error.PixazoAuthenticationException;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.error.PixazoMalformedResponseException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.LogCapture;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each status code of the reference's table, terminal failures, garbled answers and the retry rules. */
class ErrorHandlingTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000000e44e";

    private PixazoException submitFailure() {
        return failure(PixazoException.class, () -> template.requestBody("pixazo:generate", "A prompt"));
    }

    private void stubSubmitError(int status, String body) {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(status, body)));
    }

    @Test
    void badRequestIsAValidationErrorWithTheGatewaysWords() {
        stubSubmitError(400, "{\"error\":\"Model not found\",\"message\":\"Model 'gpt-image-2' not found or is disabled\"}");

        PixazoValidationException e = assertInstanceOf(PixazoValidationException.class, submitFailure());

        assertEquals(400, e.getHttpStatus());
        assertEquals(400, e.getHttpResponseCode());
        assertEquals("Model not found", e.getGatewayError());
        assertTrue(e.getMessage().contains("Model 'gpt-image-2' not found or is disabled"), e.getMessage());
        assertEquals(1, gateway.submits(GENERATE_2).size());
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403 })
    void unauthorizedAndForbiddenAreAuthenticationErrors(int status) {
        stubSubmitError(status, "{\"error\":\"Unauthorized\",\"message\":\"Access denied due to invalid subscription key.\"}");

        PixazoAuthenticationException e = assertInstanceOf(PixazoAuthenticationException.class, submitFailure());

        assertEquals(status, e.getHttpStatus());
        assertTrue(e.getMessage().contains("apiKey"), e.getMessage());
        assertEquals(1, gateway.submits(GENERATE_2).size(), "an auth failure is not retried");
    }

    @Test
    void paymentRequiredIsInsufficientBalance() {
        stubSubmitError(402, "{\"error\":\"Insufficient Balance\",\"message\":\"Your wallet does not have enough balance.\"}");

        PixazoInsufficientBalanceException e = assertInstanceOf(PixazoInsufficientBalanceException.class, submitFailure());

        assertEquals(402, e.getHttpStatus());
        assertTrue(e.getMessage().contains("Your wallet does not have enough balance."), e.getMessage());
        assertEquals(1, gateway.submits(GENERATE_2).size());
    }

    @Test
    void tooManyRequestsIsRetriedThenReportedAsRateLimit() {
        stubSubmitError(429, "{\"error\":\"Too Many Requests\",\"message\":\"Rate limit exceeded\"}");

        PixazoRateLimitException e = assertInstanceOf(PixazoRateLimitException.class, submitFailure());

        assertEquals(429, e.getHttpStatus());
        assertEquals(1 + 3, gateway.submits(GENERATE_2).size(), "first attempt plus maxRetries=3");
    }

    @Test
    void tooManyRequestsWithRetryAfterIsHonouredThenSucceeds() {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\":\"Too Many Requests\"}").withHeader("Retry-After", "1"))
                .willSetStateTo("open"));
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(json(202, GatewayStub.submitted(ID))));
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));

        byte[] image = template.requestBody("pixazo:generate", "A prompt", byte[].class);

        assertTrue(image.length > 0);
        List<LoggedRequest> submits = gateway.submits(GENERATE_2);
        assertEquals(2, submits.size());
        long waited = submits.get(1).getLoggedDate().getTime() - submits.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 950, "the retry came " + waited + " ms after the 429, before its Retry-After of 1 s");
    }

    @Test
    void aRetryAfterLongerThanMaxRetryDelayFailsAtOnceCarryingIt() {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(429, "{}").withHeader("Retry-After", "120")));

        PixazoRateLimitException e = assertInstanceOf(PixazoRateLimitException.class, submitFailure());

        assertEquals(Duration.ofSeconds(120), e.getRetryAfter());
        assertEquals(1, gateway.submits(GENERATE_2).size());
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504 })
    void aServerErrorOnSubmitIsNeverRetriedBecauseTheJobMayHaveBeenTaken(int status) {
        stubSubmitError(status, "{\"error\":\"Internal Server Error\"}");

        PixazoException e = submitFailure();

        assertEquals(status, e.getHttpStatus());
        assertTrue(e.getMessage().contains("billed twice"), e.getMessage());
        assertEquals(1, gateway.submits(GENERATE_2).size());
    }

    @Test
    void aRefusedConnectionOnSubmitIsRetriedBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LogCapture logs = new LogCapture()) {
            PixazoException e = failure(PixazoException.class,
                    () -> template.requestBody("pixazo:generate?baseUrl=http://127.0.0.1:" + closedPort, "A prompt"));

            assertInstanceOf(ConnectException.class, e.getCause());
            assertTrue(e.getMessage().contains("Nothing was queued"), e.getMessage());
            assertEquals(3, logs.count("Submit did not reach"), "one log line per retry: " + logs.lines());
        }
    }

    @Test
    void malformedJsonOnSubmitFailsWithoutRetry() {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(aResponse().withStatus(202).withBody("<html>gateway</html>")));

        PixazoMalformedResponseException e = assertInstanceOf(PixazoMalformedResponseException.class, submitFailure());

        assertTrue(e.getMessage().contains("<html>gateway</html>"), e.getMessage());
        assertEquals(1, gateway.submits(GENERATE_2).size());
    }

    @Test
    void serverErrorsOnStatusAreRetriedThenTheJobCompletes() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{\"error\":\"Service Unavailable\"}")).willSetStateTo("once"));
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(json(500, "{}")).willSetStateTo("recovered"));
        byte[] png = TestImages.png(8, 8);
        gateway.media().stubFor(get(urlPathEqualTo("/v1/done.png")).willReturn(aResponse().withBody(png)));
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null, List.of(gateway.mediaUrl("/v1/done.png")),
                        "image/png"))));

        byte[] image = template.requestBody("pixazo:generate", "A prompt", byte[].class);

        assertEquals(png.length, image.length);
        assertEquals(3, gateway.api().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(STATUS + ID))).size());
    }

    @Test
    void garbledStatusAnswersDoNotAbandonAQueuedJobBeforeJobTimeout() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(aResponse().withStatus(200).withBody("{not json")));

        PixazoTimeoutException e = failure(PixazoTimeoutException.class,
                () -> template.requestBody("pixazo:generate?jobTimeout=600ms", "A prompt"));

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("{not json"), "names the last failure: " + e.getMessage());
        assertTrue(statusQueries() > 1 + 3, "kept asking after the client's own retries: " + statusQueries());
    }

    @Test
    void aGatewayOutageLongerThanTheRetriesDoesNotAbandonAQueuedJob() {
        gateway.stubSubmit(GENERATE_2, ID);
        String state = Scenario.STARTED;
        for (int i = 1; i <= 6; i++) { // six 503s in a row: more than maxRetries=3 of one status query
            gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("outage").whenScenarioStateIs(state)
                    .willReturn(json(503, "{}")).willSetStateTo("down-" + i));
            state = "down-" + i;
        }
        byte[] png = TestImages.png(8, 8);
        gateway.media().stubFor(get(urlPathEqualTo("/v1/late.png")).willReturn(aResponse().withBody(png)));
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("outage").whenScenarioStateIs(state)
                .willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null, List.of(gateway.mediaUrl("/v1/late.png")),
                        "image/png"))));

        byte[] image = template.requestBody("pixazo:generate", "A prompt", byte[].class);

        assertEquals(png.length, image.length);
        assertEquals(7, statusQueries());
        assertEquals(1, gateway.submits(GENERATE_2).size());
    }

    @Test
    void aThrottledStatusQueryIsNeverReportedAsSafeToResubmit() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(429, "{\"error\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "0")));

        // the component page's recipe: redeliver what it documents as "nothing was queued"
        Exception e = failure(Exception.class, () -> template.requestBody("direct:recipe", "A prompt"));

        assertInstanceOf(PixazoTimeoutException.class, e);
        assertEquals(ID, ((PixazoException) e).getRequestId());
        assertEquals(1, gateway.submits(GENERATE_2).size(), "a queued job must never be submitted again");
    }

    @Override
    protected org.apache.camel.builder.RouteBuilder createRouteBuilder() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                onException(PixazoRateLimitException.class, PixazoInsufficientBalanceException.class,
                        PixazoValidationException.class)
                        .maximumRedeliveries(3).redeliveryDelay(10);
                from("direct:recipe").to("pixazo:generate?jobTimeout=500ms");
            }
        };
    }

    private int statusQueries() {
        return gateway.api().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(STATUS + ID))).size();
    }

    @ParameterizedTest
    @ValueSource(strings = { "FAILED", "ERROR" })
    void aTerminalFailureFailsTheExchangeSayingWhichAndWhy(String status) {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubStatus(ID, status, "Content policy violation");

        PixazoJobFailedException e = assertInstanceOf(PixazoJobFailedException.class, submitFailure());

        assertEquals(status, e.getStatus());
        assertEquals(ID, e.getRequestId());
        assertEquals("Content policy violation", e.getErrorText());
        assertTrue(e.getMessage().contains(status) && e.getMessage().contains("Content policy violation"), e.getMessage());
    }

    @Test
    void aJobThatNeverFinishesTimesOutCarryingItsRequestId() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubStatus(ID, "PROCESSING", null);

        PixazoTimeoutException e = failure(PixazoTimeoutException.class,
                () -> template.requestBody("pixazo:generate?jobTimeout=300ms", "A prompt"));

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("PROCESSING") && e.getMessage().contains("pixazo:status"), e.getMessage());
    }

    @Test
    void anUnknownRequestIdIsReportedWith404() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(404, "{\"error\":\"Not Found\"}")));

        PixazoException e = submitFailure();

        assertEquals(404, e.getHttpStatus());
        assertEquals(ID, e.getRequestId());
        assertEquals(1, gateway.api().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(STATUS + ID))).size(), "a 404 is not retried");
    }

    /**
     * The job is paid for: a download failing with 5xx is asked again until jobTimeout (the one rule for failures after
     * acceptance), not only maxRetries times, and then reported as the job's timeout; a 404 says the URL is gone.
     */
    @Test
    void downloadsAreRetriedOnServerErrorsUntilTheDeadlineAndReportedWhenGone() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null,
                List.of(gateway.mediaUrl("/v1/gone.png")), "image/png"))));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/gone.png")).willReturn(aResponse().withStatus(503)));

        PixazoTimeoutException e = failure(PixazoTimeoutException.class,
                () -> template.requestBody("pixazo:generate?jobTimeout=1500ms", "A prompt"));

        assertEquals(ID, e.getRequestId());
        assertEquals(503, assertInstanceOf(PixazoException.class, e.getCause()).getHttpStatus(), "the last failure");
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(gateway.mediaRequests().size() > 1 + 3, "kept asking past maxRetries=3: "
                                                             + gateway.mediaRequests().size());

        gateway.media().stubFor(get(urlPathEqualTo("/v1/gone.png")).willReturn(aResponse().withStatus(404)));
        gateway.media().resetRequests();
        PixazoException gone = submitFailure();
        assertEquals(404, gone.getHttpStatus());
        assertEquals(1, gateway.mediaRequests().size(), "a 404 download is not retried");
        assertNull(gone.getGatewayError());
    }

    /** A CDN's or proxy's page answered with 200 says nothing about the paid job: asked again until jobTimeout. */
    @Test
    void aDownloadThatIsNotAnImageIsAskedAgainUntilTheDeadline() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null,
                List.of(gateway.mediaUrl("/v1/page.png")), "image/png"))));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/page.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Sign in</html>")));

        PixazoTimeoutException e = failure(PixazoTimeoutException.class,
                () -> template.requestBody("pixazo:generate?jobTimeout=1s", "A prompt"));

        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
        assertTrue(gateway.mediaRequests().size() > 1, "asked again: " + gateway.mediaRequests().size());
    }
}
