package io.github.camelpixazo.gateway;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.error.PixazoJobNotTakenException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.producer.SpooledImageCache;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.MultipartParts;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pixapi on the wire (pixapi-gpt-image-api.txt and gateway-facts.md): Bearer authentication, the async and sync
 * endpoints, JSON generations and multipart edits with their exact fields and parts, task polling, results as URLs or
 * base64 ending as the same body, both documented error shapes.
 */
class PixapiGatewayTest extends PixazoTestSupport {

    private static final String TASK = "task_0a1b2c3d4e5f";
    private static final String ASYNC_GENERATE = "/v1/async/images/generations";
    private static final String ASYNC_EDIT = "/v1/async/images/edits";
    private static final String SYNC_GENERATE = "/v1/images/generations";
    private static final String SYNC_EDIT = "/v1/images/edits";

    @Override
    protected void configure(PixazoConfiguration configuration) {
        super.configure(configuration);
        configuration.setGateway("pixapi");
    }

    private static String task(String id, String status, String extra) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"model\":\"gpt-image-2\",\"created\":1766880000"
               + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private void stubTaskCompletedWithUrls(byte[]... images) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < images.length; i++) {
            String path = "/generated/" + TASK + "-" + i + ".png";
            gateway.media().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "image/png").withBody(images[i])));
            data.append(i == 0 ? "" : ",").append("{\"url\":\"").append(gateway.mediaUrl(path)).append("\"}");
        }
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).inScenario("task").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, task(TASK, "processing", ""))).willSetStateTo("done"));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).inScenario("task").whenScenarioStateIs("done")
                .willReturn(json(200, task(TASK, "completed", "\"data\":[" + data + "]"))));
    }

    @Test
    void anAsyncGenerationSendsTheOpenAiFieldsAndPollsTheTask() {
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(200, task(TASK, "pending", ""))));
        byte[] first = TestImages.png(16, 8);
        byte[] second = TestImages.png(8, 16);
        stubTaskCompletedWithUrls(first, second);

        Exchange out = template.request("pixazo:generate?n=2&size=1536x1024&quality=high&format=webp"
                                        + "&outputCompression=80&background=opaque&moderation=low&resultDelivery=url",
                e -> e.getIn().setBody("A fox in the snow"));

        assertNull(out.getException());
        List<?> parts = out.getMessage().getBody(List.class);
        assertArrayEquals(first, ((Message) parts.get(0)).getBody(byte[].class));
        assertArrayEquals(second, ((Message) parts.get(1)).getBody(byte[].class));
        assertEquals(TASK, out.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertEquals("pixapi", out.getMessage().getHeader(PixazoConstants.GATEWAY));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(ASYNC_GENERATE))
                .withHeader("Authorization", equalTo("Bearer " + GatewayStub.KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withoutHeader("Ocp-Apim-Subscription-Key")
                .withRequestBody(equalToJson("{\"model\":\"gpt-image-2\",\"prompt\":\"A fox in the snow\",\"n\":2,"
                        + "\"size\":\"1536x1024\",\"quality\":\"high\",\"response_format\":\"url\",\"background\":"
                        + "\"opaque\",\"output_format\":\"webp\",\"output_compression\":80,\"moderation\":\"low\"}",
                        false, false)));
        gateway.api().verify(2, getRequestedFor(urlPathEqualTo("/v1/tasks/" + TASK))
                .withHeader("Authorization", equalTo("Bearer " + GatewayStub.KEY)));
        gateway.mediaRequests().forEach(r -> assertFalse(r.containsHeader("Authorization"), r.getUrl()));
    }

    @Test
    void onlyWhatIsSetIsSentAndGptImage15KeepsItsName() {
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(200, task(TASK, "pending", ""))));
        stubTaskCompletedWithUrls(TestImages.png(4, 4));

        template.requestBody("pixazo:generate?model=gpt-image-1.5&background=transparent", "A sticker", byte[].class);

        gateway.api().verify(postRequestedFor(urlPathEqualTo(ASYNC_GENERATE)).withRequestBody(equalToJson(
                "{\"model\":\"gpt-image-1.5\",\"prompt\":\"A sticker\",\"background\":\"transparent\"}", false, false)));
    }

    @Test
    void anEditIsMultipartWithRepeatedImageFilePartsAndAPngMask() throws Exception {
        // WireMock's response templating cannot read repeated parts of one name: a plain server records them
        WireMockServer plain = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        plain.start();
        try {
            plain.stubFor(post(urlPathEqualTo(ASYNC_EDIT)).willReturn(json(200, task(TASK, "pending", ""))));
            byte[] result = TestImages.png(6, 6);
            gateway.media().stubFor(get(urlPathEqualTo("/generated/edit.png")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "image/png").withBody(result)));
            plain.stubFor(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task(TASK, "completed",
                    "\"data\":[{\"url\":\"" + gateway.mediaUrl("/generated/edit.png") + "\"}]"))));
            assertEditParts(plain, result);
        } finally {
            plain.stop();
        }
    }

    private void assertEditParts(WireMockServer plain, byte[] result) throws Exception {
        byte[] photo = TestImages.png(64, 48);
        byte[] logo = TestImages.jpeg(32, 32);
        byte[] mask = TestImages.png(64, 48);

        byte[] image = template.requestBodyAndHeaders("pixazo:edit?prompt=Put the logo on the mug&size=1024x1024"
                                                      + "&quality=medium&n=1&baseUrl=http://127.0.0.1:" + plain.port(),
                List.of(photo, logo), Map.of(PixazoConstants.MASK, mask), byte[].class);

        assertArrayEquals(result, image);
        LoggedRequest sent = plain.findAll(postRequestedFor(urlPathEqualTo(ASYNC_EDIT))).get(0);
        assertEquals("Bearer " + GatewayStub.KEY, sent.getHeader("Authorization"));
        List<MultipartParts.Part> parts = MultipartParts.parse(sent.getHeader("Content-Type"), sent.getBody());
        assertEquals(List.of("model", "prompt", "image", "image", "mask", "n", "size", "quality"),
                MultipartParts.names(parts), parts.toString());
        assertEquals("gpt-image-2", parts.get(0).text());
        assertEquals("Put the logo on the mug", parts.get(1).text());
        assertEquals("image-1.png", parts.get(2).fileName());
        assertEquals("image/png", parts.get(2).contentType());
        assertArrayEquals(photo, parts.get(2).body());
        assertEquals("image-2.jpg", parts.get(3).fileName());
        assertEquals("image/jpeg", parts.get(3).contentType());
        assertArrayEquals(logo, parts.get(3).body());
        assertEquals("mask.png", parts.get(4).fileName());
        assertEquals("image/png", parts.get(4).contentType());
        assertArrayEquals(mask, parts.get(4).body());
        assertEquals("1", parts.get(5).text());
        assertEquals("1024x1024", parts.get(6).text());
        assertEquals("medium", parts.get(7).text());
        assertEquals(String.valueOf(sent.getBody().length), sent.getHeader("Content-Length"), "a known length");
    }

    @Test
    void theSynchronousEndpointAnswersWithTheImagesInlineAndNothingIsPolled() {
        byte[] png = TestImages.png(20, 10);
        gateway.stub(post(urlPathEqualTo(SYNC_GENERATE)).willReturn(json(200, "{\"created\":1766880000,\"data\":[{"
                + "\"b64_json\":\"" + Base64.getEncoder().encodeToString(png) + "\"}]}")));

        Exchange out = template.request("pixazo:generate?synchronous=true&resultDelivery=inline",
                e -> e.getIn().setBody("A synchronous sunrise"));

        assertNull(out.getException());
        assertArrayEquals(png, out.getMessage().getBody(byte[].class));
        assertEquals("image/png", out.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertTrue(out.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class).startsWith("pixapi-sync-"));
        assertEquals("COMPLETED", out.getMessage().getHeader(PixazoConstants.STATUS));
        gateway.api().verify(postRequestedFor(urlPathEqualTo(SYNC_GENERATE)).withRequestBody(equalToJson(
                "{\"model\":\"gpt-image-2\",\"prompt\":\"A synchronous sunrise\",\"response_format\":\"b64_json\"}",
                false, false)));
        assertEquals(1, gateway.apiRequests().size(), "one exchange, no polling");
        assertTrue(gateway.mediaRequests().isEmpty(), "nothing to download");
    }

    @Test
    void aSynchronousEditAnsweringWithUrlsIsDownloaded() throws Exception {
        byte[] png = TestImages.png(10, 20);
        gateway.media().stubFor(get(urlPathEqualTo("/generated/sync.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(png)));
        gateway.stub(post(urlPathEqualTo(SYNC_EDIT)).willReturn(json(200, "{\"created\":1766880000,\"data\":[{\"url\":\""
                + gateway.mediaUrl("/generated/sync.png") + "\"}]}")));

        byte[] image = template.requestBody("pixazo:edit?prompt=Brighter&synchronous=true", TestImages.png(32, 32),
                byte[].class);

        assertArrayEquals(png, image);
        LoggedRequest sent = gateway.api().findAll(postRequestedFor(urlPathEqualTo(SYNC_EDIT))).get(0);
        assertEquals(List.of("model", "prompt", "image"),
                MultipartParts.names(MultipartParts.parse(sent.getHeader("Content-Type"), sent.getBody())));
    }

    @Test
    void aLargeInlineImageIsSpooledToAFileNotHeldInTheHeap() throws Exception {
        byte[] big = TestImages.png(600, 400);
        gateway.stub(post(urlPathEqualTo(SYNC_GENERATE)).willReturn(json(200, "{\"created\":1,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(big) + "\",\"revised_prompt\":\"x\"}]}")));
        List<Object> seen = new java.util.ArrayList<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:big").to("pixazo:generate?synchronous=true&spoolThreshold=1024")
                        .process(e -> {
                            seen.add(e.getMessage().getBody());
                            seen.add(e.getMessage().getBody(byte[].class));
                        });
            }
        });

        Exchange out = template.request("direct:big", e -> e.getIn().setBody("A big one"));

        assertNull(out.getException());
        assertInstanceOf(SpooledImageCache.class, seen.get(0), "past the threshold: a file, while the exchange lives");
        assertArrayEquals(big, (byte[]) seen.get(1));
    }

    @Test
    void aCompletedTaskCarryingBase64GivesTheSameBodyAsUrls() {
        byte[] png = TestImages.png(12, 12);
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(200, task(TASK, "pending", ""))));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task(TASK, "completed",
                "\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png) + "\"}]"))));

        byte[] image = template.requestBody("pixazo:generate?resultDelivery=inline", "Inline please", byte[].class);

        assertArrayEquals(png, image);
        assertTrue(gateway.mediaRequests().isEmpty());
    }

    @Test
    void aTaskWithResultUrlsOnlyIsDownloaded() {
        byte[] png = TestImages.png(7, 7);
        gateway.media().stubFor(get(urlPathEqualTo("/r/1.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(png)));
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(200, task(TASK, "pending", ""))));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task(TASK, "completed",
                "\"results\":[\"" + gateway.mediaUrl("/r/1.png") + "\"]"))));

        assertArrayEquals(png, template.requestBody("pixazo:generate", "Results field", byte[].class));
    }

    @Test
    void aFailedTaskSaysWhyInTheGatewaysWords() {
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(200, task(TASK, "pending", ""))));
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task(TASK, "failed",
                "\"error\":{\"code\":\"prompt_rejected\",\"message\":\"The prompt violates the policy\"}"))));

        PixazoJobFailedException e = failure(PixazoJobFailedException.class,
                () -> template.requestBody("pixazo:generate", "Something refused"));

        assertEquals("FAILED", e.getStatus());
        assertEquals("prompt_rejected: The prompt violates the policy", e.getErrorText());
        assertTrue(e.getMessage().contains("Pixapi"), e.getMessage());
    }

    @Test
    void bothDocumentedErrorShapesBecomeTheSameTypedExceptions() {
        // the errors page: code is the HTTP status as an integer
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(402, "{\"error\":{\"code\":402,\"message\":"
                + "\"Not enough credits\",\"type\":\"insufficient_credits\"}}")));
        PixazoInsufficientBalanceException balance = failure(PixazoInsufficientBalanceException.class,
                () -> template.requestBody("pixazo:generate", "p"));
        assertEquals("insufficient_credits", balance.getGatewayError());
        assertTrue(balance.getMessage().startsWith("Pixapi refused the job for insufficient balance (HTTP 402)"),
                balance.getMessage());
        assertTrue(balance.getMessage().contains("Not enough credits"), balance.getMessage());

        // the error-handling guide: code is a string, with a request_id
        gateway.reset();
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(503, "{\"error\":{\"code\":"
                + "\"model_unavailable\",\"message\":\"Provider down\",\"request_id\":\"req_1\"}}")
                .withHeader("Retry-After", "120")));
        PixazoRateLimitException unavailable = failure(PixazoRateLimitException.class,
                () -> template.requestBody("pixazo:generate", "p"));
        assertEquals(503, unavailable.getHttpStatus());
        assertEquals("model_unavailable", unavailable.getGatewayError());
        assertInstanceOf(PixazoJobNotTakenException.class, unavailable);

        gateway.reset();
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(422, "{\"error\":{\"code\":422,\"message\":"
                + "\"Prompt rejected\",\"type\":\"prompt_rejected\"}}")));
        PixazoValidationException rejected = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:generate", "p"));
        assertEquals(422, rejected.getHttpStatus());
        assertEquals(1, gateway.submits(ASYNC_GENERATE).size(), "422 is not retried unchanged");
    }

    @Test
    void aServerErrorIsNeverResubmittedAndIsNotNotTaken() {
        gateway.stub(post(urlPathEqualTo(ASYNC_GENERATE)).willReturn(json(500, "{\"error\":{\"code\":500,\"message\":"
                + "\"boom\",\"type\":\"internal_error\"}}")));

        PixazoException e = failure(PixazoException.class, () -> template.requestBody("pixazo:generate", "p"));

        assertFalse(e instanceof PixazoJobNotTakenException, "a 500 may have created a job");
        assertTrue(e.getMessage().contains("check the Pixapi dashboard"), e.getMessage());
        assertEquals(1, gateway.submits(ASYNC_GENERATE).size());
    }

    @Test
    void theStatusOperationQueriesATaskAndChecksItsForm() {
        gateway.stub(get(urlPathEqualTo("/v1/tasks/" + TASK)).willReturn(json(200, task(TASK, "processing", ""))));

        Exchange out = template.request("pixazo:status", e -> e.getIn().setBody(TASK));

        assertEquals("PROCESSING", out.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals("pixapi", out.getMessage().getHeader(PixazoConstants.GATEWAY));
        PixazoValidationException wrongForm = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:status", "gpt-image-2_019d0000-0000-0000-0000-000000000001"));
        assertEquals("requestId", wrongForm.getOption());
        assertTrue(wrongForm.getMessage().contains("not a Pixapi task id"), wrongForm.getMessage());
        assertEquals(1, gateway.apiRequests().size());
    }

    @Test
    void aRemoteImageAWebhookAndAnUnknownOptionValueAreRefusedBeforeSending() {
        PixazoValidationException url = failure(PixazoValidationException.class, () -> template.requestBody(
                "pixazo:edit?prompt=p", "https://images.example.com/photo.png"));
        assertEquals("image", url.getOption());
        assertTrue(url.getMessage().contains("Pixapi takes the input images of gpt-image-2 only as local images"),
                url.getMessage());

        org.apache.camel.ResolveEndpointFailedException startup = org.junit.jupiter.api.Assertions.assertThrows(
                org.apache.camel.ResolveEndpointFailedException.class,
                () -> context.getEndpoint("pixazo:generate?webhookUrl=https://hooks.example.com/x"));
        PixazoValidationException hook = assertInstanceOf(PixazoValidationException.class, startup.getCause());
        assertEquals("webhookUrl", hook.getOption());
        assertTrue(hook.getMessage().contains("Pixapi documents no webhookUrl"), hook.getMessage());
        assertTrue(gateway.apiRequests().isEmpty());
    }
}
