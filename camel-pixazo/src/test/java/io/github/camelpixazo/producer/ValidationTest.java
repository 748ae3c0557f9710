package io.github.camelpixazo.producer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_1_5;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every documented rule rejects a bad message with a PixazoValidationException naming the option, and nothing
 * reaches the gateway. Each case breaks exactly one rule, so removing that rule makes its case fail.
 */
class ValidationTest extends PixazoTestSupport {

    private static final byte[] PNG = TestImages.png(64, 48);
    private static final String GENERATE = "pixazo:generate";
    private static final String EDIT = "pixazo:edit?prompt=Edit it";

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                // prompt
                rejected("blank prompt", GENERATE, " \n\t ", Map.of(), "prompt"),
                rejected("no prompt at all", GENERATE, null, Map.of(), "prompt"),
                rejected("blank prompt header", GENERATE, "body", Map.of(PixazoConstants.PROMPT, "   "), "prompt"),
                rejected("edit without prompt", "pixazo:edit", PNG, Map.of(), "prompt"),
                // n
                rejected("n below 1", GENERATE, "p", Map.of(PixazoConstants.N, 0), "n"),
                rejected("n above 10", GENERATE, "p", Map.of(PixazoConstants.N, "11"), "n"),
                rejected("n not a number", GENERATE, "p", Map.of(PixazoConstants.N, "two"), "n"),
                // size
                rejected("size not WxH", GENERATE, "p", Map.of(PixazoConstants.SIZE, "big"), "size"),
                rejected("size not multiple of 16", GENERATE, "p", Map.of(PixazoConstants.SIZE, "1000x1000"), "size"),
                rejected("size under 655,360 pixels", GENERATE, "p", Map.of(PixazoConstants.SIZE, "512x512"), "size"),
                rejected("size over 8,294,400 pixels", GENERATE, "p", Map.of(PixazoConstants.SIZE, "3840x2176"), "size"),
                rejected("edge over 3840", GENERATE, "p", Map.of(PixazoConstants.SIZE, "3856x1296"), "size"),
                rejected("aspect over 3:1", GENERATE, "p", Map.of(PixazoConstants.SIZE, "3072x1008"), "size"),
                rejected("gpt-image-1.5 size", GENERATE, "p",
                        Map.of(PixazoConstants.MODEL, "gpt-image-1.5", PixazoConstants.SIZE, "2048x2048"), "size"),
                // enums
                rejected("model", GENERATE, "p", Map.of(PixazoConstants.MODEL, "dall-e-3"), "model"),
                rejected("quality", GENERATE, "p", Map.of(PixazoConstants.QUALITY, "ultra"), "quality"),
                rejected("format", GENERATE, "p", Map.of(PixazoConstants.FORMAT, "gif"), "format"),
                rejected("background", GENERATE, "p", Map.of(PixazoConstants.BACKGROUND, "none"), "background"),
                rejected("moderation", GENERATE, "p", Map.of(PixazoConstants.MODERATION, "strict"), "moderation"),
                // outputCompression
                rejected("compression above 100", GENERATE, "p",
                        Map.of(PixazoConstants.FORMAT, "jpeg", PixazoConstants.OUTPUT_COMPRESSION, 101), "outputCompression"),
                rejected("compression below 0", GENERATE, "p",
                        Map.of(PixazoConstants.FORMAT, "webp", PixazoConstants.OUTPUT_COMPRESSION, -1), "outputCompression"),
                // background transparent
                rejected("transparent on gpt-image-2", GENERATE, "p",
                        Map.of(PixazoConstants.BACKGROUND, "transparent"), "background"),
                rejected("transparent jpeg on gpt-image-1.5", GENERATE, "p",
                        Map.of(PixazoConstants.MODEL, "gpt-image-1.5", PixazoConstants.BACKGROUND, "transparent",
                                PixazoConstants.FORMAT, "jpeg"), "background"),
                // what Pixazo documents for gpt-image-1.5
                rejected("moderation on gpt-image-1.5", GENERATE, "p",
                        Map.of(PixazoConstants.MODEL, "gpt-image-1.5", PixazoConstants.MODERATION, "low"), "moderation"),
                rejected("compression on gpt-image-1.5", GENERATE, "p",
                        Map.of(PixazoConstants.MODEL, "gpt-image-1.5", PixazoConstants.FORMAT, "jpeg",
                                PixazoConstants.OUTPUT_COMPRESSION, 50), "outputCompression"),
                rejected("edit on gpt-image-1.5", EDIT, PNG, Map.of(PixazoConstants.MODEL, "gpt-image-1.5"), "model"),
                // edit inputs
                rejected("edit without image", EDIT, null, Map.of(), "image"),
                rejected("edit input not an image", EDIT, "hello".getBytes(), Map.of(), "image"),
                rejected("edit input over 50 MB", EDIT, oversizedPng(), Map.of(), "image"),
                rejected("edit input plain http", EDIT, "http://example.com/a.png", Map.of(), "image"),
                rejected("edit input text", EDIT, "a picture of a cat", Map.of(), "image"),
                rejected("edit input bad data URI", EDIT, "data:image/png;base64,%%%", Map.of(), "image"),
                rejected("one bad image in a list", EDIT, List.of(PNG, "nope".getBytes()), Map.of(), "image"),
                // mask
                rejected("mask not PNG", EDIT, PNG, Map.of(PixazoConstants.MASK, TestImages.jpeg(64, 48)), "mask"),
                rejected("mask of other size", EDIT, PNG, Map.of(PixazoConstants.MASK, TestImages.png(32, 48)), "mask"),
                rejected("mask on generate", GENERATE, "p", Map.of(PixazoConstants.MASK, TestImages.png(64, 48)), "mask"));
    }

    private static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static Arguments rejected(String rule, String uri, Object body, Map<String, Object> headers, String option) {
        return Arguments.of(rule, uri, body, headers, option);
    }

    private static byte[] oversizedPng() {
        byte[] big = Arrays.copyOf(PNG, 50 * 1024 * 1024 + 1);
        return big;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void rejectsBeforeSending(String rule, String uri, Object body, Map<String, Object> headers, String option) {
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBodyAndHeaders(uri, body, new HashMap<>(headers)));

        assertEquals(option, e.getOption(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid option '" + option + "'"), e.getMessage());
        assertTrue(gateway.apiRequests().isEmpty(), "nothing may be sent for: " + rule);
    }

    static Stream<Arguments> invalidEndpoints() {
        return Stream.of(
                Arguments.of("pixazo:generate?n=0", "n"),
                Arguments.of("pixazo:generate?size=100x100", "size"),
                Arguments.of("pixazo:generate?model=gpt-image-1.5&size=3840x2160", "size"),
                Arguments.of("pixazo:generate?quality=best", "quality"),
                Arguments.of("pixazo:generate?outputCompression=500&format=jpeg", "outputCompression"),
                Arguments.of("pixazo:generate?background=transparent", "background"),
                Arguments.of("pixazo:generate?webhookUrl=http://example.com/hook", "webhookUrl"),
                Arguments.of("pixazo:generate?webhookUrl=http://example.com/hook&webhookAllowHttpLoopback=true", "webhookUrl"),
                Arguments.of("pixazo:generate?webhookUrl=not a url", "webhookUrl"),
                Arguments.of("pixazo:generate?webhookUrl=http://127.attacker.example/hook&webhookAllowHttpLoopback=true",
                        "webhookUrl"),
                Arguments.of("pixazo:generate?webhookUrl=http://127.0.0.1.nip.io/hook&webhookAllowHttpLoopback=true",
                        "webhookUrl"),
                Arguments.of("pixazo:generate?size=0x0", "size"),
                Arguments.of("pixazo:edit?mask=http://example.com/mask.png", "mask"),
                Arguments.of("pixazo:edit?mask=RAW(" + dataUri("image/jpeg", TestImages.jpeg(8, 8)) + ")", "mask"),
                Arguments.of("pixazo:generate?webhookUrl=https://example.com/hook&webhookMode=sometimes", "webhookMode"),
                Arguments.of("pixazo:edit?model=gpt-image-1.5", "model"),
                Arguments.of("pixazo:generate?mask=data:image/png;base64,iVBORw0KGgo=", "mask"),
                Arguments.of("pixazo:edit?mask=file:/does/not/exist.png", "mask"),
                Arguments.of("pixazo:generate?apiKey=&baseUrl=http://127.0.0.1:1", "apiKey"),
                Arguments.of("pixazo:generate?baseUrl=ftp://gateway.example", "baseUrl"),
                Arguments.of("pixazo:generate?baseUrl=https://gateway.example?x=1", "baseUrl"),
                Arguments.of("pixazo:generate?pollInterval=0", "pollInterval"),
                Arguments.of("pixazo:generate?pollInterval=10s&maxPollInterval=5s", "maxPollInterval"),
                Arguments.of("pixazo:generate?jobTimeout=0", "jobTimeout"),
                Arguments.of("pixazo:generate?maxRetries=-1", "maxRetries"),
                Arguments.of("pixazo:generate?pollBackoffMultiplier=0.5", "pollBackoffMultiplier"),
                Arguments.of("pixazo:upscale", "operation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEndpoints")
    void rejectsInvalidEndpointsWhenTheyAreCreated(String uri, String option) {
        try {
            context.getEndpoint(uri).createProducer();
            fail("expected " + uri + " to be rejected");
        } catch (Exception e) {
            PixazoValidationException validation = causeOf(e);
            assertNotNull(validation, () -> "no PixazoValidationException in " + e);
            assertEquals(option, validation.getOption(), validation.getMessage());
        }
    }

    @Test
    void statusRejectsAMalformedRequestIdWithoutSendingIt() {
        PixazoValidationException e = failure(PixazoValidationException.class,
                () -> template.requestBody("pixazo:status", "../../admin?x=1"));

        assertEquals("requestId", e.getOption());
        assertTrue(gateway.apiRequests().isEmpty());
    }

    @Test
    void acceptsWhatTheRulesAllow() {
        gateway.stubSubmit(GENERATE_2, "gpt-image-2_ok");
        gateway.stubSubmit(GENERATE_1_5, "gpt-image-1-5-api-923_ok");

        // a custom size inside every limit, png with compression (only a warning), an http webhook to loopback
        Exchange custom = template.request("pixazo:generate?waitForCompletion=false&size=1280x720&outputCompression=50"
                                           + "&webhookUrl=http://localhost:9/hook&webhookAllowHttpLoopback=true",
                e -> e.getIn().setBody("p"));
        assertNull(custom.getException());
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE_2))
                // submit only: the job's own callback URL, webhookUrl plus /<a secret of 43 characters>
                .withHeader("X-Webhook-URL", matching("http://localhost:9/hook/[A-Za-z0-9_-]{43}"))
                .withHeader("X-Webhook-Mode", equalTo("terminal")));

        // transparent with png on gpt-image-1.5
        Exchange transparent = template.request("pixazo:generate?waitForCompletion=false&model=gpt-image-1.5"
                                                + "&background=transparent&format=png", e -> e.getIn().setBody("p"));
        assertNull(transparent.getException());
    }

    private static PixazoValidationException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PixazoValidationException validation) {
                return validation;
            }
        }
        return null;
    }
}
