package io.github.camelpixazo.producer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.error.PixazoLocalIoException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.media.LocalIoException;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The breaker's fixes hold on every gateway, not only on Pixazo's wire, where they were first proven: a
 * {@code Retry-After} that asks for no wait or for more than a long (D5, D6), a spool directory that cannot be written
 * (D8: Pixapi decodes base64 answers into it and called that a malformed answer), a local image file that vanished
 * before it was streamed (D8), and image URLs judged by the address they denote (D11).
 */
class EveryGatewayFaultsTest extends PixazoTestSupport {

    @TempDir
    Path folder;

    /** One gateway's wire, as its reference documents it: enough to run one generation. */
    record Wire(String id, String submitPath, String accepted, String statusPath, String completedWithUrl,
                String completedInline) {

        static Wire of(String gateway, String mediaUrl, byte[] image) {
            String b64 = Base64.getEncoder().encodeToString(image);
            return switch (gateway) {
                case "pixazo" -> {
                    String id = "gpt-image-2_019d0000-0000-0000-0000-0000000e0001";
                    yield new Wire(id, GatewayStub.GENERATE_2, GatewayStub.submitted(id), GatewayStub.STATUS + id,
                            GatewayStub.status(id, "COMPLETED", null, List.of(mediaUrl), "image/png"), null);
                }
                case "pixapi" -> {
                    String id = "task_e0e0e0e0e001";
                    yield new Wire(id, "/v1/async/images/generations", "{\"id\":\"" + id + "\",\"status\":\"pending\"}",
                            "/v1/tasks/" + id, "{\"id\":\"" + id + "\",\"status\":\"completed\",\"data\":[{\"url\":\""
                            + mediaUrl + "\"}]}", "{\"id\":\"" + id + "\",\"status\":\"completed\",\"data\":[{"
                            + "\"b64_json\":\"" + b64 + "\"}]}");
                }
                default -> {
                    String id = "task-unified-1757156493-every1";
                    yield new Wire(id, "/v1/images/generations", "{\"id\":\"" + id + "\",\"status\":\"pending\"}",
                            "/v1/tasks/" + id, "{\"id\":\"" + id + "\",\"status\":\"completed\",\"results\":[\""
                            + mediaUrl + "\"]}", null);
                }
            };
        }
    }

    private Wire use(String gatewayId, byte[] image) {
        context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setGateway(gatewayId);
        gateway.media().stubFor(get(urlPathEqualTo("/out.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(image)));
        return Wire.of(gatewayId, gateway.mediaUrl("/out.png"), image);
    }

    private void stubSubmitRefusedOnceThenAccepted(Wire wire, ResponseDefinitionBuilder refusal) {
        gateway.stub(post(urlPathEqualTo(wire.submitPath())).inScenario("submit")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(refusal).willSetStateTo("accepted"));
        gateway.stub(post(urlPathEqualTo(wire.submitPath())).inScenario("submit")
                .whenScenarioStateIs("accepted").willReturn(json(200, wire.accepted())));
    }

    /**
     * {@code Retry-After: 0} on the submit and on a status query: the retry still waits the backoff (retryDelay 400 ms,
     * at least 200 ms with its jitter), the poll its interval, on every gateway (D5).
     */
    @ParameterizedTest
    @ValueSource(strings = { "pixazo", "pixapi", "evolink" })
    void aRetryAfterOfZeroStillWaitsOnEveryGateway(String gatewayId) {
        byte[] png = TestImages.png(8, 8);
        Wire wire = use(gatewayId, png);
        stubSubmitRefusedOnceThenAccepted(wire, json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "0"));
        gateway.stub(get(urlPathEqualTo(wire.statusPath())).inScenario("status")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(503, "{}").withHeader("Retry-After", "0"))
                .willSetStateTo("done"));
        gateway.stub(get(urlPathEqualTo(wire.statusPath())).inScenario("status")
                .whenScenarioStateIs("done").willReturn(json(200, wire.completedWithUrl())));

        Exchange out = template.request("pixazo:generate?retryDelay=400ms&pollInterval=300ms&maxPollInterval=300ms",
                e -> e.getIn().setBody("A cat"));

        assertNull(out.getException(), () -> gatewayId + ": " + out.getException());
        List<LoggedRequest> submits = gateway.api().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlPathEqualTo(wire.submitPath())));
        List<LoggedRequest> polls = gateway.api().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo(wire.statusPath())));
        assertEquals(2, submits.size());
        assertEquals(2, polls.size());
        assertTrue(gap(submits) >= 195, gatewayId + ": submit retried after " + gap(submits) + " ms");
        assertTrue(gap(polls) >= 295, gatewayId + ": poll asked again after " + gap(polls) + " ms");
    }

    /** A Retry-After beyond a long is a typed rate limit at once on every gateway, not an ArithmeticException (D6). */
    @ParameterizedTest
    @ValueSource(strings = { "pixazo", "pixapi", "evolink" })
    void aHugeRetryAfterIsATypedRateLimitOnEveryGateway(String gatewayId) {
        Wire wire = use(gatewayId, TestImages.png(8, 8));
        stubSubmitRefusedOnceThenAccepted(wire, json(429, "{}").withHeader("Retry-After", "99999999999999999999"));

        PixazoRateLimitException e = failure(PixazoRateLimitException.class,
                () -> template.requestBody("pixazo:generate?maxRetryDelay=60s&jobTimeout=2s", "A cat"));

        assertEquals(1, gateway.submits(wire.submitPath()).size(), gatewayId);
        assertTrue(e.getRetryAfter().toDays() >= 365, gatewayId + ": " + e.getRetryAfter());
    }

    /**
     * A spool directory that cannot be written is this machine's failure on every gateway (D8): the downloaded image
     * (Pixazo, EvoLink) or the base64 answer (Pixapi) ends in a {@link PixazoLocalIoException} naming the directory
     * and the paid job, at once, not a malformed answer nor a download asked again and again until jobTimeout.
     */
    @ParameterizedTest
    @ValueSource(strings = { "pixazo", "pixapi", "evolink" })
    void aSpoolThatCannotBeWrittenIsALocalFailureOnEveryGateway(String gatewayId) throws IOException {
        Path unusable = unusableSpool();
        byte[] big = new byte[6_000]; // above spoolThreshold=1000, unlike the submit's answer
        System.arraycopy(TestImages.png(8, 8), 0, big, 0, 16);
        byte[] noise = new byte[big.length - 16];
        new java.util.Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, big, 16, noise.length);
        Wire wire = use(gatewayId, big);
        gateway.stub(post(urlPathEqualTo(wire.submitPath())).willReturn(json(200, wire.accepted())));
        gateway.stub(get(urlPathEqualTo(wire.statusPath())).willReturn(json(200,
                wire.completedInline() != null ? wire.completedInline() : wire.completedWithUrl())));

        PixazoLocalIoException e = failure(PixazoLocalIoException.class,
                () -> template.requestBody("pixazo:generate?spoolThreshold=1000&jobTimeout=5s", "A cat"));

        assertTrue(e.getMessage().contains(unusable.toString()), e.getMessage());
        assertEquals(wire.id(), e.getRequestId(), "the job is paid: its id says which to fetch again");
        assertEquals(1, gateway.submits(wire.submitPath()).size());
        assertEquals(1, gateway.api().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo(wire.statusPath()))).size(), gatewayId + ": asked once");
        assertEquals(wire.completedInline() != null ? 0 : 1, gateway.mediaRequests().size(),
                gatewayId + ": downloaded once, not again and again");
    }

    /**
     * Pixapi's answers may carry images, so even its submit's answer is spooled: when that cannot be stored the job
     * may exist, and the failure says so instead of "Nothing was queued".
     */
    @Test
    void aSubmitAnswerThatCannotBeStoredSaysTheJobMayExist() throws IOException {
        Path unusable = unusableSpool();
        Wire wire = use("pixapi", TestImages.png(8, 8));
        gateway.stub(post(urlPathEqualTo(wire.submitPath())).willReturn(json(200, wire.accepted())));

        PixazoLocalIoException e = failure(PixazoLocalIoException.class,
                () -> template.requestBody("pixazo:generate?spoolThreshold=0", "A cat"));

        assertTrue(e.getMessage().contains(unusable.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the job may have been queued and billed"), e.getMessage());
        assertEquals(1, gateway.submits(wire.submitPath()).size(), "never resubmitted");
    }

    private Path unusableSpool() throws IOException {
        Path unusable = Files.writeString(folder.resolve("not-a-directory"), "x").resolve("spool");
        context.getStreamCachingStrategy().setSpoolDirectory(unusable.toFile());
        return unusable;
    }

    /**
     * A local image file that vanished after it was checked is a local failure when any gateway streams it (Pixazo's
     * base64 inside JSON and Pixapi's multipart part both open it through {@link ImageInput#openStream()}).
     */
    @Test
    void aLocalImageThatVanishedBeforeItWasStreamedIsALocalFailure() throws IOException {
        Path file = Files.write(folder.resolve("cat.png"), TestImages.png(8, 8));
        ImageInput image = ImageInput.ofFile("body", file);
        Files.delete(file);

        LocalIoException e = assertThrows(LocalIoException.class, image::openStream);

        assertEquals(file, e.getPath());
        assertTrue(e.getMessage().contains("Nothing was queued"), e.getMessage());
    }

    /** The same address rules for an image URL on both gateways that fetch URLs (D11). */
    @ParameterizedTest
    @ValueSource(strings = { "pixazo", "evolink" })
    void anImageUrlIsJudgedByItsAddressOnEveryGatewayThatFetchesUrls(String gatewayId) {
        use(gatewayId, TestImages.png(8, 8));
        for (String url : List.of("https://2130706433/cat.png", "https://[::ffff:10.0.0.1]/cat.png",
                "https://localhost./cat.png", "https://user:pw@cdn.example.com/cat.png")) {
            PixazoValidationException e = failure(PixazoValidationException.class,
                    () -> template.requestBody("pixazo:edit?prompt=Make it blue", url));
            assertEquals("image", e.getOption(), gatewayId + " " + url);
        }
        assertEquals(0, gateway.apiRequests().size(), "nothing was sent");
    }

    private static long gap(List<LoggedRequest> requests) {
        return requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
    }
}
