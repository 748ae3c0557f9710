package io.github.camelpixazo.consumer;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.producer.CarriedHeaders;
import io.github.camelpixazo.store.JobRecord;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.store.MemoryJobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submit-then-collect flow in one CamelContext against WireMock: the producer records each accepted job before
 * completing its exchange, and {@code from("pixazo:jobs")} emits one exchange per finished job with the waiting
 * producer's body and headers plus the carried headers; FAILED and ERROR as data; a failing route keeps the job; a
 * completed job whose images are gone is emitted with an error; a job past jobTimeout is emitted as timed out.
 */
class JobsConsumerTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000000c001";
    private static final String CONSUMER = "pixazo:jobs?delay=20&initialDelay=0";

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private JobStore store() {
        return context.getComponent("pixazo", PixazoComponent.class).getJobStore();
    }

    private void collect(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("collect").process(received::add);
            }
        });
    }

    private Exchange submit(String options, Object body, String... headers) {
        return template.request("pixazo:generate?waitForCompletion=false&pollInterval=20ms" + options, e -> {
            e.getIn().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getIn().setHeader(headers[i], headers[i + 1]);
            }
        });
    }

    @Test
    void aSubmittedJobIsRecordedAndEmittedOnceWithTheResultAndItsCarriedHeaders() throws Exception {
        byte[] png = TestImages.png(32, 24);
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", png);

        Exchange submitted = template.request("pixazo:generate?waitForCompletion=false&carryHeaders=promptName,myapp*",
                e -> {
                    e.getIn().setBody("A lighthouse");
                    e.getIn().setHeader("promptName", "lighthouse");
                    e.getIn().setHeader("MyApp.batch", 7);
                    e.getIn().setHeader("myappWhen", new Date(0));
                    e.getIn().setHeader("other", "not carried");
                });
        assertNull(submitted.getException());
        assertInstanceOf(SubmittedJob.class, submitted.getMessage().getBody());
        // durable before the submitting exchange completed
        JobRecord record = store().find(ID).orElseThrow();
        assertEquals("pixazo", record.gateway());
        assertEquals("gpt-image-2", record.model());
        assertEquals("generate", record.operation());
        assertEquals("lighthouse", record.carriedHeaders().get("promptName"));
        assertEquals(7, record.carriedHeaders().get("MyApp.batch"));
        assertEquals(new Date(0).toString(), record.carriedHeaders().get("myappWhen"), "converted to a String");
        assertFalse(record.carriedHeaders().containsKey("other"));

        collect(CONSUMER);
        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "one result");
        Thread.sleep(200); // a few more polls: nothing more comes
        assertEquals(1, received.size());
        Exchange result = received.get(0);
        assertArrayEquals(png, result.getMessage().getBody(byte[].class));
        assertEquals(ID, result.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertEquals("COMPLETED", result.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals("image/png", result.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals(ID + ".png", result.getMessage().getHeader(Exchange.FILE_NAME));
        assertEquals("lighthouse", result.getMessage().getHeader("promptName"));
        assertEquals(7, result.getMessage().getHeader("MyApp.batch"));
        assertEquals(0, result.getProperty(ExchangePropertyKey.BATCH_INDEX));
        assertEquals(1, result.getProperty(ExchangePropertyKey.BATCH_SIZE));
        assertTrue(result.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class));
        gateway.api().verify(1, postRequestedFor(urlPathEqualTo(GENERATE_2)));
    }

    @Test
    void failedAndErrorJobsAreEmittedAsDataNotExceptions() throws Exception {
        String failed = "gpt-image-2_019d0000-0000-0000-0000-00000000c002";
        String error = "gpt-image-2_019d0000-0000-0000-0000-00000000c003";
        for (String id : List.of(failed, error)) {
            gateway.stubSubmit(GENERATE_2, id);
            assertNull(submit("", "A cat").getException());
        }
        gateway.stubStatus(failed, "FAILED", "content policy");
        gateway.stubStatus(error, "ERROR", "internal");

        collect(CONSUMER);
        Await.until(Duration.ofSeconds(10), () -> received.size() == 2 && store().count() == 0, "two results");
        for (Exchange result : received) {
            assertNull(result.getException());
            String id = result.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class);
            JobSnapshot snapshot = assertInstanceOf(JobSnapshot.class, result.getMessage().getBody());
            assertEquals(id, snapshot.requestId());
            assertEquals(id.equals(failed) ? "FAILED" : "ERROR", result.getMessage().getHeader(PixazoConstants.STATUS));
            assertEquals(id.equals(failed) ? "content policy" : "internal",
                    result.getMessage().getHeader(PixazoConstants.ERROR));
        }
    }

    @Test
    void aJobIsPolledOnItsOwnBackoffUntilItFinishes() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        assertNull(submit("", "A tree").getException());
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, GatewayStub.status(ID, "QUEUED", null, null, null))).willSetStateTo("q2"));
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("job").whenScenarioStateIs("q2")
                .willReturn(json(200, GatewayStub.status(ID, "PROCESSING", null, null, null))).willSetStateTo("done"));
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null, List.of(gateway.mediaUrl("/v1/x.png")),
                        "image/png"))));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/x.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(TestImages.png(8, 8))));

        collect(CONSUMER + "&progress=emit");
        Await.until(Duration.ofSeconds(10), () -> received.stream().anyMatch(
                e -> "COMPLETED".equals(e.getMessage().getHeader(PixazoConstants.STATUS))), "the result");
        assertEquals(List.of("PROCESSING", "COMPLETED"), received.stream()
                .map(e -> e.getMessage().getHeader(PixazoConstants.STATUS, String.class)).toList(),
                "one progress exchange (QUEUED -> PROCESSING), then the result");
        gateway.api().verify(3, getRequestedFor(urlPathEqualTo(STATUS + ID)));
    }

    @Test
    void aFailingRouteIsRedeliveredAndTheJobStaysUntilTheRouteSucceeds() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));
        assertNull(submit("", "A boat").getException());
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> storedDuringAttempts = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from(CONSUMER).routeId("collect").process(e -> {
                    storedDuringAttempts.add((int) store().count());
                    if (attempts.incrementAndGet() <= 4) { // the first emission (3 tries) and one retry of the second
                        throw new IllegalStateException("downstream is down");
                    }
                    received.add(e);
                });
            }
        });
        Await.until(Duration.ofSeconds(15), () -> received.size() == 1 && store().count() == 0, "the job delivered");
        assertEquals(5, attempts.get(), "2 emissions: 1 + 2 redeliveries, then 1 + 1");
        assertTrue(storedDuringAttempts.stream().allMatch(n -> n == 1), "in the store on every attempt");
        assertEquals(ID, received.get(0).getMessage().getHeader(PixazoConstants.REQUEST_ID));
    }

    @Test
    void aCompletedJobWhoseImagesAreGoneIsEmittedWithAnErrorNotDropped() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        assertNull(submit("", "A kite").getException());
        String url = gateway.mediaUrl("/v1/expired.png");
        gateway.stub(get(urlPathEqualTo(STATUS + ID)).willReturn(json(200, GatewayStub.status(ID, "COMPLETED", null,
                List.of(url), "image/png"))));
        gateway.media().stubFor(get(urlPathEqualTo("/v1/expired.png")).willReturn(aResponse().withStatus(404)));

        collect(CONSUMER);
        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "the job emitted");
        Exchange result = received.get(0);
        assertEquals("COMPLETED", result.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals(List.of(url), result.getMessage().getBody());
        String error = result.getMessage().getHeader(PixazoConstants.ERROR, String.class);
        assertTrue(error.contains("could not be downloaded") && error.contains("404"), error);
    }

    @Test
    void aJobOlderThanJobTimeoutIsEmittedAsTimedOut() throws Exception {
        gateway.stubSubmit(GENERATE_2, ID);
        assertNull(submit("", "A slow one").getException());
        gateway.stubStatus(ID, "PROCESSING", null);

        collect(CONSUMER + "&jobTimeout=400ms&pollInterval=50ms&maxPollInterval=100ms");
        Await.until(Duration.ofSeconds(10), () -> received.size() == 1 && store().count() == 0, "timed out");
        Exchange result = received.get(0);
        assertEquals(Boolean.TRUE, result.getMessage().getHeader(PixazoConstants.TIMED_OUT));
        assertEquals("PROCESSING", result.getMessage().getHeader(PixazoConstants.STATUS));
        String error = result.getMessage().getHeader(PixazoConstants.ERROR, String.class);
        assertTrue(error.contains("did not finish within jobTimeout") && error.contains(ID), error);
    }

    @Test
    void aJobWhoseRecordCannotBeWrittenFailsItsExchangeSayingTheRequestId() throws Exception {
        PixazoComponent broken = new PixazoComponent();
        configure(broken.getConfiguration());
        broken.setJobStore(new MemoryJobStore() {
            @Override
            public boolean add(JobRecord record) {
                throw new JobStoreException("disk full", location(), null, record.requestId(), null);
            }
        });
        context.addComponent("brokenstore", broken);
        gateway.stubSubmit(GENERATE_2, ID);

        Exchange out = template.request("brokenstore:generate?waitForCompletion=false", e -> e.getIn().setBody("A star"));
        JobStoreException failure = assertInstanceOf(JobStoreException.class, out.getException());
        assertEquals(ID, failure.getRequestId());
        assertTrue(failure.getMessage().contains("Job " + ID + " was accepted") && failure.getMessage()
                .contains("pixazo:status"), failure.getMessage());
    }

    @Test
    void anErrorWhileOneJobIsHandledNeitherAbortsThePollNorStrandsTheOtherJobs() throws Exception {
        String a = "gpt-image-2_019d0000-0000-0000-0000-0000000e1a01";
        String b = "gpt-image-2_019d0000-0000-0000-0000-0000000e1b01";
        AtomicInteger errors = new AtomicInteger();
        PixazoComponent failing = new PixazoComponent();
        configure(failing.getConfiguration());
        failing.setJobStore(new MemoryJobStore() {
            @Override
            public boolean update(JobRecord record, String owner) {
                if (record.requestId().equals(a) && errors.getAndIncrement() == 0) {
                    throw new OutOfMemoryError("simulated while job a's next poll is written");
                }
                return super.update(record, owner);
            }
        });
        context.addComponent("failing", failing);
        gateway.stubSubmit(GENERATE_2, a);
        assertNull(template.request("failing:generate?waitForCompletion=false&pollInterval=20ms",
                e -> e.getIn().setBody("A")).getException());
        gateway.stubSubmit(GENERATE_2, b);
        assertNull(template.request("failing:generate?waitForCompletion=false&pollInterval=20ms",
                e -> e.getIn().setBody("B")).getException());
        gateway.stubStatus(a, "PROCESSING", null);
        gateway.stubCompleted(b, "image/png", TestImages.png(8, 8));
        collect("failing:jobs?delay=20&initialDelay=0"); // its first poll claims both: a first, then b

        Await.until(Duration.ofSeconds(30), () -> received.size() == 1, "job b, finished, delivered");
        assertEquals(b, received.get(0).getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertTrue(errors.get() >= 1, "the Error was thrown");
        int queriesOfA = queries(a);
        Await.until(Duration.ofSeconds(30), () -> queries(a) > queriesOfA, "job a still polled after the Error");
        assertEquals(1, failing.getJobStore().count(), "job a stays, unfinished");
    }

    private int queries(String requestId) {
        return gateway.api().findAll(getRequestedFor(urlPathEqualTo(GatewayStub.STATUS + requestId))).size();
    }

    @Test
    void aHeaderThatCannotBeStoredFailsTheMessageBeforeAnythingIsSent() {
        gateway.stubSubmit(GENERATE_2, ID);
        Exchange out = submit("&carryHeaders=blob", "A river", "x", "y");
        assertNull(out.getException(), "no such header: nothing to carry");
        gateway.reset();
        Exchange bad = template.request("pixazo:generate?waitForCompletion=false&carryHeaders=blob",
                e -> {
                    e.getIn().setBody("A river");
                    e.getIn().setHeader("blob", new Object() {
                        @Override
                        public String toString() {
                            return null; // Camel's fallback to toString() gives nothing
                        }
                    });
                });
        PixazoValidationException failure = assertInstanceOf(PixazoValidationException.class, bad.getException());
        assertTrue(failure.getMessage().contains("carryHeaders") && failure.getMessage().contains("blob"),
                failure.getMessage());
        assertEquals(0, gateway.apiRequests().size(), "nothing sent");
    }

    @Test
    void carriedHeadersTooLargeForAJobRecordFailTheMessageBeforeAnythingIsSent() throws Exception {
        // every record lives in the store's in-memory index and is rewritten on each poll: 10,000 jobs carrying a
        // 1 MB header would be 10 GB of heap. One large header, and many small ones under a prefix, are refused
        String large = "x".repeat(CarriedHeaders.MAX_CARRIED_CHARACTERS);
        Exchange one = template.request("pixazo:generate?waitForCompletion=false&carryHeaders=CamelFileName,content",
                e -> {
                    e.getIn().setBody("A river");
                    e.getIn().setHeader("CamelFileName", "river.txt");
                    e.getIn().setHeader("content", large);
                });
        PixazoValidationException failure = assertInstanceOf(PixazoValidationException.class, one.getException());
        assertTrue(failure.getMessage().contains("carryHeaders") && failure.getMessage().contains("content")
                   && !failure.getMessage().contains("xxxx"), failure.getMessage());
        Exchange many = template.request("pixazo:generate?waitForCompletion=false&carryHeaders=row.*", e -> {
            e.getIn().setBody("A river");
            for (int i = 0; i < 100; i++) {
                e.getIn().setHeader("row." + i, "y".repeat(CarriedHeaders.MAX_CARRIED_CHARACTERS / 90));
            }
        });
        assertInstanceOf(PixazoValidationException.class, many.getException());
        byte[][] bytes = { new byte[CarriedHeaders.MAX_CARRIED_CHARACTERS + 1] };
        Exchange binary = template.request("pixazo:generate?waitForCompletion=false&carryHeaders=bytes", e -> {
            e.getIn().setBody("A river");
            e.getIn().setHeader("bytes", bytes[0]);
        });
        assertInstanceOf(PixazoValidationException.class, binary.getException());
        assertEquals(0, gateway.apiRequests().size(), "nothing sent, nothing billed");
        assertEquals(0, context.getComponent("pixazo", PixazoComponent.class).getJobStore().count());

        gateway.stubSubmit(GENERATE_2, ID);
        Exchange fits = template.request("pixazo:generate?waitForCompletion=false&carryHeaders=content", e -> {
            e.getIn().setBody("A river");
            e.getIn().setHeader("content", large.substring(0, CarriedHeaders.MAX_CARRIED_CHARACTERS - 100));
        });
        assertNull(fits.getException(), "just under the limit is carried");
    }

    @Test
    void jobsIsConsumerOnlyAndTheOthersAreProducerOnly() throws Exception {
        Exception producer = assertThrows(Exception.class, () -> template.sendBody("pixazo:jobs", "x"));
        assertTrue(rootMessage(producer).contains("pixazo:jobs is a consumer endpoint"), rootMessage(producer));
        Exception consumer = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pixazo:generate").to("mock:x");
            }
        }));
        assertTrue(rootMessage(consumer).contains("from(\"pixazo:jobs\")"), rootMessage(consumer));
    }

    @Test
    void aBadConsumerOptionFailsTheRouteAtStartNamingIt() {
        Exception failure = assertThrows(Exception.class, () -> collect("pixazo:jobs?progress=loud"));
        assertTrue(rootMessage(failure).contains("'progress' = 'loud'"), rootMessage(failure));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder all = new StringBuilder();
        while (cause != null) {
            all.append(cause.getMessage()).append(" | ");
            cause = cause.getCause();
        }
        return all.toString();
    }

}
