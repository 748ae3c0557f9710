package io.github.camelpixazo.producer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoRateLimitException;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

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

/**
 * Every call kind obeys a {@code Retry-After} on 429 and 503 - as delay-seconds and as an HTTP-date - and a long one
 * never carries the job past its deadline. The gap between the two attempts is measured on the gateway's side
 * (WireMock's request log): it must be at least what was asked. No upper bound is asserted.
 */
class RetryAfterOnEveryCallTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000a7e12";
    private static final String IMAGE = "/v1/" + ID + "/output.png";

    /** The calls a job makes. */
    enum CallKind {
        /** The submit (and its retries, in JobClient). */
        SUBMIT,
        /** The status queries of a job being waited for (JobWaiter's poll loop). */
        POLL,
        /** One pixazo:status query (its retries, in JobClient). */
        STATUS_OPERATION,
        /** An image download (MediaDownloader). */
        DOWNLOAD
    }

    /** What the gateway answers the first time. */
    enum Refusal {
        TOO_MANY_REQUESTS_SECONDS(429), TOO_MANY_REQUESTS_DATE(429), UNAVAILABLE_SECONDS(503);

        final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    static Stream<Arguments> everyCallKindAndRefusal() {
        List<Arguments> cases = new ArrayList<>();
        for (CallKind kind : CallKind.values()) {
            for (Refusal refusal : Refusal.values()) {
                cases.add(Arguments.of(kind, refusal));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("everyCallKindAndRefusal")
    void theNextAttemptComesNoSoonerThanAsked(CallKind kind, Refusal refusal) {
        Instant asked;
        String header;
        if (refusal == Refusal.TOO_MANY_REQUESTS_DATE) {
            asked = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            header = DateTimeFormatter.RFC_1123_DATE_TIME.format(asked.atOffset(ZoneOffset.UTC));
        } else {
            asked = null;
            header = "1";
        }
        stubRefusedOnce(kind, aResponse().withStatus(refusal.status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"slow down\"}").withHeader("Retry-After", header));

        Exchange out = run(kind, "maxRetryDelay=5s");

        assertNull(out.getException(), () -> kind + ": " + out.getException());
        List<LoggedRequest> attempts = attempts(kind);
        assertEquals(2, attempts.size(), kind + ": one refused attempt, one retry");
        long gap = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        if (asked != null) {
            long early = asked.toEpochMilli() - attempts.get(1).getLoggedDate().getTime();
            assertTrue(early <= 0, kind + ": the retry came " + early + " ms before the Retry-After date " + header);
            System.out.printf("Retry-After %s on %s: HTTP-date %s, retried %d ms after the refusal, %d ms after the"
                              + " date%n", refusal, kind, header, gap, -early);
        } else {
            assertTrue(gap >= 1000, kind + ": the retry came " + gap + " ms after a Retry-After of 1 s");
            System.out.printf("Retry-After %s on %s: asked 1000 ms, retried after %d ms%n", refusal, kind, gap);
        }
    }

    /** A Retry-After longer than the time left: no attempt is made that the deadline would cut. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(CallKind.class)
    void aRetryAfterPastTheDeadlineEndsTheCallInsteadOfOvershooting(CallKind kind) {
        stubRefusedOnce(kind, json(429, "{}").withHeader("Retry-After", "30"));

        long start = System.nanoTime();
        Exchange out = run(kind, "maxRetryDelay=60s&jobTimeout=1500ms");
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, attempts(kind).size(), kind + ": nothing was asked again before the deadline");
        if (kind == CallKind.SUBMIT) {
            // nothing was queued: handed back at once, safe to send later
            PixazoRateLimitException e = assertInstanceOf(PixazoRateLimitException.class, out.getException());
            assertEquals(Duration.ofSeconds(30), e.getRetryAfter());
        } else {
            PixazoTimeoutException e = assertInstanceOf(PixazoTimeoutException.class, out.getException());
            assertEquals(ID, e.getRequestId());
            assertEquals(429, assertInstanceOf(PixazoException.class, e.getCause()).getHttpStatus(), "the last answer");
            assertTrue(elapsed >= 1500, kind + ": ended after " + elapsed + " ms, before jobTimeout=1500ms");
        }
        System.out.printf("Retry-After 30 s on %s with jobTimeout=1500ms: ended after %d ms with %s%n", kind, elapsed,
                out.getException().getClass().getSimpleName());
    }

    static Stream<Arguments> everyCallKindAndANoWaitRetryAfter() {
        List<Arguments> cases = new ArrayList<>();
        for (CallKind kind : CallKind.values()) {
            cases.add(Arguments.of(kind, "0"));
            cases.add(Arguments.of(kind, "PAST"));
        }
        return cases.stream();
    }

    /**
     * {@code Retry-After: 0}, or an HTTP-date in the past (a skewed clock), once retried polls and downloads with no
     * delay at all (413 to 1,767 requests in 2 s). A 429/503 asks to slow down: the retry comes no sooner than the
     * backoff of retryDelay=400ms (at least 200 ms with its jitter), and for a poll no sooner than the poll interval.
     */
    @ParameterizedTest(name = "{0} answered Retry-After {1}")
    @MethodSource("everyCallKindAndANoWaitRetryAfter")
    void aRetryAfterOfZeroOrInThePastStillWaitsTheBackoff(CallKind kind, String value) {
        String header = value.equals("PAST") ? DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().minusSeconds(5).atOffset(ZoneOffset.UTC)) : value;
        stubRefusedOnce(kind, json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", header));

        Exchange out = run(kind, "retryDelay=400ms&maxRetryDelay=5s&pollInterval=400ms&maxPollInterval=400ms");

        assertNull(out.getException(), () -> kind + ": " + out.getException());
        List<LoggedRequest> attempts = attempts(kind);
        assertEquals(2, attempts.size(), kind + ": one refused attempt, one retry");
        long gap = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        long floor = kind == CallKind.POLL ? 400 : 200;
        assertTrue(gap >= floor - 5, kind + ": retried " + gap + " ms after Retry-After " + header + ", expected at least "
                + floor + " ms");
    }

    /**
     * A Retry-After of 99999999999 s (or beyond a long) once overflowed the time arithmetic into an untyped
     * ArithmeticException; now it is a wait past the deadline like any other.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(CallKind.class)
    void aHugeRetryAfterIsAWaitPastTheDeadline(CallKind kind) {
        stubRefusedOnce(kind, json(503, "{}").withHeader("Retry-After", "99999999999"));

        Exchange out = run(kind, "maxRetryDelay=60s&jobTimeout=1500ms");

        assertEquals(1, attempts(kind).size(), kind + ": nothing was asked again before the deadline");
        Throwable failure = out.getException();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertTrue(!(t instanceof ArithmeticException), kind + ": " + failure);
        }
        assertInstanceOf(PixazoException.class, failure, kind + ": typed");
        // a submit or pixazo:status asked to wait longer than maxRetryDelay is handed back at once
        if (kind == CallKind.POLL || kind == CallKind.DOWNLOAD) {
            assertInstanceOf(PixazoTimeoutException.class, failure, kind + ": " + failure);
        }
    }

    private Exchange run(CallKind kind, String options) {
        if (kind == CallKind.STATUS_OPERATION) {
            return template.request("pixazo:status?" + options, e -> e.getIn().setBody(ID));
        }
        return template.request("pixazo:generate?" + options, e -> e.getIn().setBody("A prompt"));
    }

    /** The call of this kind is refused once with {@code refusal}, then succeeds; the rest of the job just works. */
    private void stubRefusedOnce(CallKind kind, ResponseDefinitionBuilder refusal) {
        byte[] png = TestImages.png(8, 8);
        ResponseDefinitionBuilder submitted = json(202, GatewayStub.submitted(ID));
        ResponseDefinitionBuilder completed = json(200, GatewayStub.status(ID, "COMPLETED", null,
                List.of(gateway.mediaUrl(IMAGE)), "image/png"));
        ResponseDefinitionBuilder image = aResponse().withHeader("Content-Type", "image/png").withBody(png);
        Supplier<MappingBuilder> submit = () -> post(urlPathEqualTo(GENERATE_2));
        Supplier<MappingBuilder> status = () -> get(urlPathEqualTo(STATUS + ID));
        Supplier<MappingBuilder> download = () -> get(urlPathEqualTo(IMAGE));
        switch (kind) {
            case SUBMIT -> {
                twice(submit, refusal, submitted, false);
                gateway.stub(status.get().willReturn(completed));
                gateway.media().stubFor(download.get().willReturn(image));
            }
            case POLL, STATUS_OPERATION -> {
                gateway.stub(submit.get().willReturn(submitted));
                twice(status, refusal, completed, false);
                gateway.media().stubFor(download.get().willReturn(image));
            }
            case DOWNLOAD -> {
                gateway.stub(submit.get().willReturn(submitted));
                gateway.stub(status.get().willReturn(completed));
                twice(download, refusal, image, true);
            }
        }
    }

    private static void twice(Supplier<MappingBuilder> call, ResponseDefinitionBuilder first,
                              ResponseDefinitionBuilder then, boolean media) {
        MappingBuilder refused = call.get().inScenario("refused").whenScenarioStateIs(Scenario.STARTED).willReturn(first)
                .willSetStateTo("open");
        MappingBuilder served = call.get().inScenario("refused").whenScenarioStateIs("open").willReturn(then);
        if (media) {
            gateway.media().stubFor(refused);
            gateway.media().stubFor(served);
        } else {
            gateway.stub(refused);
            gateway.stub(served);
        }
    }

    private static List<LoggedRequest> attempts(CallKind kind) {
        List<LoggedRequest> all = new ArrayList<>(kind == CallKind.DOWNLOAD ? gateway.mediaRequests() : gateway.apiRequests());
        all.removeIf(request -> !request.getUrl().startsWith(switch (kind) {
            case SUBMIT -> GENERATE_2;
            case POLL, STATUS_OPERATION -> STATUS + ID;
            case DOWNLOAD -> IMAGE;
        }));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }
}
