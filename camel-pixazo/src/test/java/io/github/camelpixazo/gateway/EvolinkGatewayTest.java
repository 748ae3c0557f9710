package io.github.camelpixazo.gateway;

import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoAuthenticationException;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.error.PixazoJobNotTakenException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EvoLink on the wire (evolink-gpt-image-1.5-api.txt and gateway-facts.md): Bearer authentication, one endpoint
 * answering a task, the task query with its progress, reference images as image_urls, callback_url, cancelled tasks,
 * the documented error body.
 */
class EvolinkGatewayTest extends PixazoTestSupport {

    private static final String TASK = "task-unified-1757156493-imcg5zqt";
    private static final String GENERATE = "/v1/images/generations";

    @Override
    protected void configure(PixazoConfiguration configuration) {
        super.configure(configuration);
        configuration.setGateway("evolink");
    }

    /** The submit answer of gateway-facts.md, verbatim but for the model. */
    private static String created(String model) {
        return "{\"created\":1757156493,\"id\":\"" + TASK + "\",\"model\":\"" + model + "\",\"object\":"
               + "\"image.generation.task\",\"progress\":0,\"status\":\"pending\",\"task_info\":{\"can_cancel\":true,"
               + "\"estimated_time\":100},\"type\":\"image\",\"usage\":{\"billing_rule\":\"per_call\","
               + "\"credits_reserved\":2.5,\"user_group\":\"default\"}}";
    }

    private static String task(String status, int progress, String extra) {
        return "{\"created\":1757156493,\"id\":\"" + TASK + "\",\"model\":\"gpt-image-1.5\",\"object\":"
               + "\"image.generation.task\",\"progress\":" + progress + ",\"status\":\"" + status + "\",\"task_info\":"
               + "{\"can_cancel\":false},\"type\":\"image\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private void stubRunningThenCompleted(byte[] image) {
        gateway.media().stubFor(get(urlPathEqualTo("/out/" + TASK + ".png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(image)));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, task("processing", 40, ""))).willSetStateTo("done"));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).inScenario("t").whenScenarioStateIs("done")
                .willReturn(json(200, task("completed", 100, "\"results\":[\"" + gateway.mediaUrl("/out/" + TASK + ".png")
                        + "\"]"))));
    }

    @Test
    void aGenerationSendsTheDocumentedFieldsAndReportsProgress() {
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(200, created("gpt-image-1.5"))));
        byte[] png = TestImages.png(30, 20);
        stubRunningThenCompleted(png);

        Exchange out = template.request("pixazo:generate?model=gpt-image-1.5&size=3:2&quality=low&n=1"
                                        + "&webhookUrl=https://hooks.example.com/evolink/done",
                e -> e.getIn().setBody("A lighthouse in the fog"));

        assertNull(out.getException());
        assertArrayEquals(png, out.getMessage().getBody(byte[].class));
        assertEquals(TASK, out.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertEquals(100, out.getMessage().getHeader(PixazoConstants.PROGRESS));
        assertEquals("evolink", out.getMessage().getHeader(PixazoConstants.GATEWAY));
        assertEquals(TASK + ".png", out.getMessage().getHeader(Exchange.FILE_NAME));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE))
                .withHeader("Authorization", equalTo("Bearer " + GatewayStub.KEY))
                .withoutHeader("Ocp-Apim-Subscription-Key")
                .withoutHeader("X-Webhook-URL")
                .withRequestBody(equalToJson("{\"model\":\"gpt-image-1.5\",\"prompt\":\"A lighthouse in the fog\","
                        + "\"size\":\"3:2\",\"quality\":\"low\",\"n\":1,\"callback_url\":"
                        + "\"https://hooks.example.com/evolink/done\"}", false, false)));
        gateway.api().verify(2, getRequestedFor(urlPathEqualTo("/v1/tasks/" + TASK))
                .withHeader("Authorization", equalTo("Bearer " + GatewayStub.KEY)));
    }

    @Test
    void anEditSendsTheReferenceImagesAsImageUrls() {
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(200, created("gpt-image-2"))));
        stubRunningThenCompleted(TestImages.png(5, 5));

        template.requestBody("pixazo:edit?prompt=Combine them", List.of("https://cdn.example.com/a.png",
                "https://cdn.example.com/b.jpg"), byte[].class);

        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE)).withRequestBody(equalToJson(
                "{\"model\":\"gpt-image-2\",\"prompt\":\"Combine them\",\"image_urls\":[\"https://cdn.example.com/a.png\","
                + "\"https://cdn.example.com/b.jpg\"]}", false, false)));
    }

    @Test
    void theStatusOperationCarriesTheProgressHeader() {
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task("processing", 40, ""))));

        Exchange out = template.request("pixazo:status", e -> e.getIn().setBody(TASK));

        assertEquals("PROCESSING", out.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals(40, out.getMessage().getHeader(PixazoConstants.PROGRESS));
        assertEquals(Integer.valueOf(40), out.getMessage().getBody(JobSnapshot.class).progress());
    }

    @Test
    void aCancelledTaskIsTerminalAndSaysSo() {
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task("cancelled", 0,
                "\"error\":{\"code\":\"request_cancelled\",\"message\":\"Cancelled by the user\"}"))));

        Exchange status = template.request("pixazo:status", e -> e.getIn().setBody(TASK));
        assertEquals("FAILED", status.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals("cancelled (request_cancelled: Cancelled by the user)",
                status.getMessage().getHeader(PixazoConstants.ERROR));

        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(200, created("gpt-image-2"))));
        PixazoJobFailedException e = failure(PixazoJobFailedException.class,
                () -> template.requestBody("pixazo:generate", "Soon cancelled"));
        assertEquals("FAILED", e.getStatus());
        assertTrue(e.getErrorText().startsWith("cancelled"), e.getErrorText());
        assertTrue(e.getMessage().contains("was cancelled at EvoLink"), e.getMessage());
    }

    @Test
    void aFailedTaskKeepsEvolinksCodeAndAdvice() {
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(200, created("gpt-image-2"))));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task("failed", 0,
                "\"error\":{\"code\":\"service_error\",\"message\":\"Upstream failed\"}"))));

        PixazoJobFailedException e = failure(PixazoJobFailedException.class,
                () -> template.requestBody("pixazo:generate", "p"));

        assertEquals("service_error: Upstream failed", e.getErrorText());
        assertTrue(e.getMessage().contains("sending the message again may succeed"), e.getMessage());
    }

    @Test
    void theDocumentedErrorBodyBecomesTheSameTypedExceptions() {
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(402, "{\"error\":{\"code\":402,\"message\":"
                + "\"Insufficient quota\",\"type\":\"insufficient_quota_error\",\"fallback_suggestion\":"
                + "\"https://evolink.ai/dashboard/billing\"}}")));
        PixazoInsufficientBalanceException balance = failure(PixazoInsufficientBalanceException.class,
                () -> template.requestBody("pixazo:generate", "p"));
        assertEquals("insufficient_quota_error", balance.getGatewayError());
        assertTrue(balance.getMessage().contains("EvoLink") && balance.getMessage().contains(
                "https://evolink.ai/dashboard/billing"), balance.getMessage());

        gateway.reset();
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(401, "{\"error\":{\"code\":401,\"message\":"
                + "\"Invalid or expired token\",\"type\":\"authentication_error\"}}")));
        assertInstanceOf(PixazoAuthenticationException.class, failure(PixazoException.class,
                () -> template.requestBody("pixazo:generate", "p")));

        gateway.reset();
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(429, "{\"error\":{\"code\":429,\"message\":"
                + "\"retry after 60 seconds\",\"type\":\"rate_limit_error\"}}").withHeader("Retry-After", "60")));
        PixazoRateLimitException limited = failure(PixazoRateLimitException.class,
                () -> template.requestBody("pixazo:generate", "p"));
        assertEquals("rate_limit_error", limited.getGatewayError());

        gateway.reset();
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(502, "{\"error\":{\"code\":502,\"message\":"
                + "\"Upstream error\",\"type\":\"upstream_error\"}}")));
        PixazoException upstream = failure(PixazoException.class, () -> template.requestBody("pixazo:generate", "p"));
        assertFalse(upstream instanceof PixazoJobNotTakenException, "a 502 may have created a task");
        assertEquals(1, gateway.submits(GENERATE).size(), "never resubmitted");
    }

    @Test
    void aTaskQueryErrorCarriesTheTaskId() {
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(404, "{\"error\":{\"code\":404,"
                + "\"message\":\"Task not found or expired\",\"type\":\"not_found_error\",\"param\":\"task_id\"}}")));

        PixazoException e = failure(PixazoException.class, () -> template.requestBody("pixazo:status", TASK));

        assertEquals(TASK, e.getRequestId());
        assertTrue(e.getMessage().contains("Task not found or expired (param: task_id)"), e.getMessage());
    }

    @Test
    void localImagesMasksAndOptionsEvolinkDoesNotDocumentAreRefusedBeforeSending() {
        PixazoValidationException local = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:edit?prompt=p", TestImages.png(16, 16)));
        assertEquals("image", local.getOption());
        assertTrue(local.getMessage().contains("EvoLink takes the input images of gpt-image-2 only as https URLs"),
                local.getMessage());

        PixazoValidationException n = failure(PixazoValidationException.class,
                () -> template.requestBodyAndHeader("pixazo:generate", "p", PixazoConstants.N, 2));
        assertTrue(n.getMessage().contains("Invalid option 'n' = '2': EvoLink accepts only n=1"), n.getMessage());

        PixazoValidationException sizeAuto = failure(PixazoValidationException.class,
                () -> template.requestBodyAndHeader("pixazo:generate", "p", PixazoConstants.SIZE, "auto"));
        assertEquals("size", sizeAuto.getOption());
        assertTrue(sizeAuto.getMessage().contains("1:1, 2:3, 3:2, 1024x1024, 1024x1536, 1536x1024"),
                sizeAuto.getMessage());

        assertTrue(gateway.apiRequests().isEmpty(), "nothing was sent");
    }

    @Test
    void callbackUrlsAreCheckedAsEvolinkDocumentsThemWhenTheRouteStarts() {
        assertEquals("webhookUrl", startupFailure("webhookUrl=https://10.1.2.3/hook").getOption());
        assertTrue(startupFailure("webhookUrl=https://10.1.2.3/hook").getMessage()
                .contains("EvoLink refuses callback URLs on internal addresses"));
        assertEquals("webhookUrl", startupFailure("webhookUrl=https://localhost/hook").getOption());
        // judged by the address, in any spelling (UrlHost), not by the text
        for (String internal : new String[] {"https://2130706433/hook", "https://[::ffff:10.1.2.3]/hook",
                "https://localhost./hook", "https://0.0.0.0/hook", "https://100.64.0.9/hook"}) {
            assertTrue(startupFailure("webhookUrl=" + internal).getMessage()
                    .contains("EvoLink refuses callback URLs on internal addresses"), internal);
        }
        String tooLong = "https://hooks.example.com/" + "a".repeat(2049 - 26);
        assertEquals(2049, tooLong.length());
        assertTrue(startupFailure("webhookUrl=" + tooLong).getMessage().contains("EvoLink accepts at most 2048"));
        assertEquals("webhookMode", startupFailure("webhookUrl=https://hooks.example.com/h&webhookMode=sync")
                .getOption());
        // the sandbox switch: http to loopback only
        context.getEndpoint("pixazo:generate?webhookUrl=http://127.0.0.1:9/hook&webhookAllowHttpLoopback=true");
        assertEquals("webhookUrl", startupFailure("webhookUrl=http://10.0.0.1/h&webhookAllowHttpLoopback=true")
                .getOption());
    }

    private PixazoValidationException startupFailure(String options) {
        org.apache.camel.ResolveEndpointFailedException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.apache.camel.ResolveEndpointFailedException.class,
                () -> context.getEndpoint("pixazo:generate?" + options));
        return assertInstanceOf(PixazoValidationException.class, e.getCause());
    }

    @Test
    void aPromptOfMoreThan2000BytesIsRefusedForGptImage15ButNotForGptImage2() {
        gateway.stub(post(urlPathEqualTo(GENERATE)).willReturn(json(200, created("gpt-image-2"))));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task("processing", 10, ""))));
        String euros = "\u20ac".repeat(700); // 700 characters, 2,100 UTF-8 bytes

        PixazoValidationException e = failure(PixazoValidationException.class, () -> template.requestBodyAndHeader(
                "pixazo:generate?model=gpt-image-1.5", euros, PixazoConstants.MODEL, "gpt-image-1.5"));
        assertEquals("prompt", e.getOption());
        assertTrue(e.getMessage().contains("2,100 bytes long in UTF-8; at most 2,000"), e.getMessage());
        assertTrue(gateway.apiRequests().isEmpty());

        Exchange accepted = template.request("pixazo:generate?waitForCompletion=false", x -> x.getIn().setBody(euros));
        assertNull(accepted.getException());
        assertEquals(TASK, accepted.getMessage().getBody(SubmittedJob.class).requestId());
        assertEquals("evolink", accepted.getMessage().getBody(SubmittedJob.class).gateway());
    }

    @Test
    void aRequestIdOfAnotherGatewaysFormIsRefused() {
        PixazoValidationException e = failure(PixazoValidationException.class, () -> template.requestBody(
                "pixazo:status", "gpt-image-2_019d0000-0000-0000-0000-000000000001"));

        assertTrue(e.getMessage().contains("not an EvoLink task id"), e.getMessage());
        assertTrue(gateway.apiRequests().isEmpty());
    }

    @Test
    void aCallbackIsReadAsTheTaskQueryShape() {
        JobSnapshot hint = io.github.camelpixazo.gateway.Gateways.EVOLINK.parseCallback(task("completed", 100,
                "\"results\":[\"https://files.evolink.ai/x.png\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow();

        assertEquals(TASK, hint.requestId());
        assertEquals(JobStatus.COMPLETED, hint.status());
        assertEquals(100, hint.progress());
        assertEquals(List.of("https://files.evolink.ai/x.png"), hint.mediaUrls());
        assertTrue(io.github.camelpixazo.gateway.Gateways.PIXAPI.parseCallback(new byte[0]).isEmpty(),
                "Pixapi documents no callbacks");
    }
}
