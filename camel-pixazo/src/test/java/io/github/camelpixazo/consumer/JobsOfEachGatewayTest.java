package io.github.camelpixazo.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.TestEnvironment;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One application submitting to Pixazo, Pixapi and EvoLink (each at its own origin with its own key) and one
 * {@code pixazo:jobs} route collecting them all, through a redeploy on the file store: each job is queried at the
 * gateway and base URL it was submitted to, in that gateway's own wire shape and key header, and delivered once with
 * {@code CamelPixazoGateway} naming it (and {@code CamelPixazoProgress} where the gateway reports it). A Pixapi job
 * whose result comes inline ({@code b64_json}) is delivered as its image too. A job of a gateway no endpoint of the
 * collecting application is configured for is never queried with another gateway's key: it times out, saying why.
 */
class JobsOfEachGatewayTest {

    private static final String PIXAZO_KEY = "pixazo-key-0001";
    private static final String PIXAPI_KEY = "pixapi-key-0002";
    private static final String EVOLINK_KEY = "evolink-key-0003";
    private static final String PIXAPI_SUBMIT = "/v1/async/images/generations";
    private static final String EVOLINK_SUBMIT = "/v1/images/generations";
    private static final String TASKS = "/v1/tasks/";
    private static final String CONSUMER = "pixazo:jobs?delay=20&initialDelay=0";

    @RegisterExtension
    static final GatewayStubExtension PIXAZO = new GatewayStubExtension();
    @RegisterExtension
    static final GatewayStubExtension PIXAPI = new GatewayStubExtension();
    @RegisterExtension
    static final GatewayStubExtension EVOLINK = new GatewayStubExtension();

    private static final byte[] PIXAZO_PNG = TestImages.png(8, 8);
    private static final byte[] PIXAPI_PNG = TestImages.png(9, 9);
    private static final byte[] PIXAPI_INLINE_PNG = TestImages.png(10, 10);
    private static final byte[] EVOLINK_PNG = TestImages.png(11, 11);

    @TempDir
    Path tmp;

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    /** Every stub answers the given state for every job: running, or finished with its own image. */
    private static void stubJobs(boolean finished) {
        PIXAZO.stub().stubTemplatedJobs(GENERATE_2, finished ? "COMPLETED" : "PROCESSING", PIXAZO_PNG);

        GatewayStub pixapi = PIXAPI.stub();
        pixapi.stub(post(urlPathEqualTo(PIXAPI_SUBMIT)).willReturn(json(200, "{\"id\":\"task_"
                + "{{randomValue length=12 type='ALPHANUMERIC' lowercase=true}}\",\"status\":\"pending\","
                + "\"model\":\"gpt-image-2\",\"created\":1766880000}")));
        pixapi.media().stubFor(get(urlPathMatching("/r/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(PIXAPI_PNG)));
        // tasks answer with a URL; the one submitted with response_format=b64_json is stubbed by its id (stubInlineTask)
        pixapi.stub(get(urlPathMatching(TASKS + ".*")).willReturn(json(200, "{\"id\":\"{{request.pathSegments.[2]}}\","
                + "\"status\":\"" + (finished ? "completed" : "in_progress") + "\",\"model\":\"gpt-image-2\","
                + "\"created\":1766880000" + (finished ? ",\"data\":[{\"url\":\"" + pixapi.mediaUrl("/r/")
                + "{{request.pathSegments.[2]}}.png\"}]" : "") + "}")));

        GatewayStub evolink = EVOLINK.stub();
        evolink.stub(post(urlPathEqualTo(EVOLINK_SUBMIT)).willReturn(json(200, "{\"created\":1757156493,\"id\":"
                + "\"task-unified-1757156493-{{randomValue length=8 type='ALPHANUMERIC' lowercase=true}}\","
                + "\"model\":\"gpt-image-2\",\"object\":\"image.generation.task\",\"progress\":0,\"status\":\"pending\","
                + "\"type\":\"image\"}")));
        evolink.media().stubFor(get(urlPathMatching("/e/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(EVOLINK_PNG)));
        evolink.stub(get(urlPathMatching(TASKS + ".*")).willReturn(json(200, "{\"created\":1757156493,\"id\":"
                + "\"{{request.pathSegments.[2]}}\",\"model\":\"gpt-image-2\",\"object\":\"image.generation.task\","
                + "\"progress\":" + (finished ? 100 : 40) + ",\"status\":\"" + (finished ? "completed" : "processing")
                + "\",\"type\":\"image\"" + (finished ? ",\"results\":[\"" + evolink.mediaUrl("/e/")
                + "{{request.pathSegments.[2]}}.png\"]" : "") + "}")));
    }

    /** The Pixapi task submitted with resultDelivery=inline: finished, it carries its image as base64. */
    private static void stubInlineTask(String taskId) {
        PIXAPI.stub().stub(get(urlPathEqualTo(TASKS + taskId)).atPriority(1).willReturn(json(200, "{\"id\":\"" + taskId
                + "\",\"status\":\"completed\",\"model\":\"gpt-image-2\",\"created\":1766880000,\"data\":[{"
                + "\"b64_json\":\"" + Base64.getEncoder().encodeToString(PIXAPI_INLINE_PNG) + "\"}]}")));
    }

    /**
     * The application: the component's own gateway is Pixazo (key on the component); Pixapi and EvoLink endpoints
     * take their keys from PIXAPI_API_KEY and EVOLINK_API_KEY. {@code submitters}: which gateways' submit routes it has.
     */
    private CamelContext app(String name, Set<String> submitters, Consumer<PixazoComponent> configure) throws Exception {
        return app(name, submitters, configure, "");
    }

    private CamelContext app(String name, Set<String> submitters, Consumer<PixazoComponent> configure,
                             String consumerOptions) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(PIXAZO.stub().baseUrl());
        pixazo.getConfiguration().setApiKey(PIXAZO_KEY);
        pixazo.getConfiguration().setPollInterval(20);
        pixazo.getConfiguration().setMaxPollInterval(100);
        pixazo.getConfiguration().setRetryDelay(10);
        pixazo.setJobStoreDirectory(tmp.resolve("jobs").toString());
        TestEnvironment.set(pixazo, Map.of("PIXAPI_API_KEY", PIXAPI_KEY, "EVOLINK_API_KEY", EVOLINK_KEY));
        if (configure != null) {
            configure.accept(pixazo);
        }
        context.addComponent("pixazo", pixazo);
        String submit = "pixazo:generate?waitForCompletion=false&carryHeaders=source";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (submitters.contains("pixazo")) {
                    from("direct:pixazo").to(submit);
                }
                if (submitters.contains("pixapi")) {
                    from("direct:pixapi").to(submit + "&gateway=pixapi&baseUrl=" + PIXAPI.stub().baseUrl());
                    from("direct:pixapi-inline").to(submit + "&gateway=pixapi&resultDelivery=inline&baseUrl="
                                                    + PIXAPI.stub().baseUrl());
                }
                if (submitters.contains("evolink")) {
                    from("direct:evolink").to(submit + "&gateway=evolink&baseUrl=" + EVOLINK.stub().baseUrl());
                }
                from(CONSUMER + consumerOptions).routeId("collect").process(received::add);
            }
        });
        context.getShutdownStrategy().setTimeout(20);
        context.start();
        return context;
    }

    private static String submit(CamelContext context, String route, String source) {
        SubmittedJob job = context.createProducerTemplate().requestBodyAndHeader("direct:" + route, "A " + source,
                "source", source, SubmittedJob.class);
        return job.requestId();
    }

    private static long statusQueries(GatewayStub stub, String path) {
        return stub.api().findAll(getRequestedFor(urlPathMatching(path + ".*"))).size();
    }

    private Exchange receivedJob(String requestId) {
        return received.stream().filter(e -> requestId.equals(e.getMessage().getHeader(PixazoConstants.REQUEST_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("not received: " + requestId));
    }

    @Test
    void eachJobIsCollectedFromTheGatewayThatTookItAlsoAfterARestartOnTheFileStore() throws Exception {
        stubJobs(false);
        Set<String> all = Set.of("pixazo", "pixapi", "evolink");
        String pixazoJob;
        String pixapiJob;
        String inlineJob;
        String evolinkJob;
        CamelContext first = app("before", all, null);
        try {
            pixazoJob = submit(first, "pixazo", "pixazo.txt");
            pixapiJob = submit(first, "pixapi", "pixapi.txt");
            inlineJob = submit(first, "pixapi-inline", "inline.txt");
            evolinkJob = submit(first, "evolink", "evolink.txt");
            // each gateway is asked about its own jobs before the redeploy; none is finished yet
            Await.until(Duration.ofSeconds(20), () -> statusQueries(PIXAZO.stub(), STATUS) >= 1
                    && statusQueries(PIXAPI.stub(), TASKS) >= 2 && statusQueries(EVOLINK.stub(), TASKS) >= 1,
                    "every job polled at its gateway");
            assertEquals(List.of(), received, "nothing finished before the restart");
        } finally {
            first.stop();
        }
        stubJobs(true); // they finish while nobody runs
        stubInlineTask(inlineJob);

        CamelContext second = app("after", all, null);
        try {
            Await.until(Duration.ofSeconds(20), () -> received.size() >= 4, "four results");
            Thread.sleep(300); // more polls: nothing more arrives
            assertEquals(4, received.size(), "each job once: " + received);
            assertEquals(Set.of(pixazoJob, pixapiJob, inlineJob, evolinkJob), new HashSet<>(received.stream()
                    .map(e -> e.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class)).toList()));
            // a delivered job is removed once its exchange completed, off the poll thread: wait for it, not a fixed time
            JobStore store = second.getComponent("pixazo", PixazoComponent.class).jobStore();
            Await.until(Duration.ofSeconds(20), () -> store.count() == 0, "the delivered jobs removed from the store");
        } finally {
            second.stop();
        }

        assertResult(receivedJob(pixazoJob), "pixazo", "pixazo.txt", PIXAZO_PNG, null);
        assertResult(receivedJob(pixapiJob), "pixapi", "pixapi.txt", PIXAPI_PNG, null);
        assertResult(receivedJob(inlineJob), "pixapi", "inline.txt", PIXAPI_INLINE_PNG, null);
        assertResult(receivedJob(evolinkJob), "evolink", "evolink.txt", EVOLINK_PNG, 100);
        assertTrue(PIXAPI.stub().mediaRequests().stream().noneMatch(r -> r.getUrl().contains(inlineJob)),
                "the inline result is not downloaded");

        // one submit each, none repeated; every call at each gateway in its own header with its own key only
        assertEquals(1, PIXAZO.stub().submits(GENERATE_2).size());
        assertEquals(2, PIXAPI.stub().submits(PIXAPI_SUBMIT).size());
        assertEquals(1, EVOLINK.stub().submits(EVOLINK_SUBMIT).size());
        assertOnlyOwnKey(PIXAZO.stub(), "Ocp-Apim-Subscription-Key", PIXAZO_KEY);
        assertOnlyOwnKey(PIXAPI.stub(), "Authorization", "Bearer " + PIXAPI_KEY);
        assertOnlyOwnKey(EVOLINK.stub(), "Authorization", "Bearer " + EVOLINK_KEY);
        assertOnlyQueried(PIXAZO.stub(), STATUS, Set.of(pixazoJob));
        assertOnlyQueried(PIXAPI.stub(), TASKS, Set.of(pixapiJob, inlineJob));
        assertOnlyQueried(EVOLINK.stub(), TASKS, Set.of(evolinkJob));
    }

    @Test
    void aJobOfAGatewayNoEndpointHereIsConfiguredForIsNeverQueriedElsewhereAndTimesOutSayingWhy() throws Exception {
        stubJobs(false);
        String pixapiJob;
        CamelContext first = app("submitter", Set.of("pixazo", "pixapi"), null);
        try {
            pixapiJob = submit(first, "pixapi", "pixapi.txt");
        } finally {
            first.stop();
        }
        long pixapiQueries = statusQueries(PIXAPI.stub(), TASKS);
        stubJobs(true);

        // the collecting application has no Pixapi endpoint: the job's base URL is not Pixapi's documented one, so
        // no key may be sent there, and Pixazo's key is never sent to any Pixapi URL
        CamelContext second = app("collector", Set.of("pixazo"), pixazo -> pixazo.getConfiguration().setJobTimeout(1500));
        try {
            Await.until(Duration.ofSeconds(20), () -> received.size() == 1, "the job, timed out");
        } finally {
            second.stop();
        }
        Exchange timedOut = received.get(0);
        assertEquals(pixapiJob, timedOut.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertEquals("pixapi", timedOut.getMessage().getHeader(PixazoConstants.GATEWAY));
        assertEquals(Boolean.TRUE, timedOut.getMessage().getHeader(PixazoConstants.TIMED_OUT));
        String error = timedOut.getMessage().getHeader(PixazoConstants.ERROR, String.class);
        assertTrue(error.contains("no started pixazo endpoint of this component is configured for that gateway and"
                                  + " baseUrl"), error);
        assertEquals(pixapiQueries, statusQueries(PIXAPI.stub(), TASKS), "not queried by the collector");
        assertOnlyOwnKey(PIXAPI.stub(), "Authorization", "Bearer " + PIXAPI_KEY);
        assertOnlyQueried(PIXAZO.stub(), STATUS, Set.of());
        assertTrue(PIXAZO.stub().apiRequests().stream().noneMatch(r -> r.getUrl().contains(pixapiJob)));
    }

    @Test
    void evolinksProgressRidesOnTheProgressEventOfItsJob() throws Exception {
        stubJobs(false); // EvoLink answers processing, 40 %
        CamelContext app = app("progress", Set.of("evolink"), null, "&progress=emit");
        try {
            String job = submit(app, "evolink", "evolink.txt");
            Await.until(Duration.ofSeconds(20), () -> received.size() == 1, "the progress event");
            Thread.sleep(200);
            Exchange event = received.get(0);
            assertEquals(1, received.size(), "once per job");
            assertEquals(job, event.getMessage().getHeader(PixazoConstants.REQUEST_ID));
            assertEquals("PROCESSING", event.getMessage().getHeader(PixazoConstants.STATUS));
            assertEquals("evolink", event.getMessage().getHeader(PixazoConstants.GATEWAY));
            assertEquals(40, event.getMessage().getHeader(PixazoConstants.PROGRESS));
            assertEquals("evolink.txt", event.getMessage().getHeader("source"));
        } finally {
            app.stop();
        }
    }

    private static void assertResult(Exchange exchange, String gateway, String source, byte[] image, Integer progress) {
        assertEquals("COMPLETED", exchange.getMessage().getHeader(PixazoConstants.STATUS), gateway);
        assertNull(exchange.getMessage().getHeader(PixazoConstants.ERROR), gateway);
        assertEquals(gateway, exchange.getMessage().getHeader(PixazoConstants.GATEWAY));
        assertEquals(source, exchange.getMessage().getHeader("source"), "carried header");
        assertEquals(progress, exchange.getMessage().getHeader(PixazoConstants.PROGRESS), gateway);
        assertArrayEquals(image, exchange.getMessage().getBody(byte[].class), gateway + "'s own image");
    }

    /** Every API call at this stub carried this gateway's key in its header, and no other key anywhere. */
    private static void assertOnlyOwnKey(GatewayStub stub, String header, String value) {
        List<LoggedRequest> requests = stub.apiRequests();
        assertTrue(!requests.isEmpty());
        for (LoggedRequest request : requests) {
            assertEquals(value, request.getHeader(header), request.getUrl());
            String everything = request.getHeaders().all().toString() + request.getBodyAsString() + request.getUrl();
            for (String key : List.of(PIXAZO_KEY, PIXAPI_KEY, EVOLINK_KEY)) {
                assertTrue(value.endsWith(key) || !everything.contains(key), key + " sent to " + request.getUrl());
            }
        }
        assertTrue(stub.mediaRequests().stream().noneMatch(r -> r.getHeader("Authorization") != null
                                                               || r.getHeader("Ocp-Apim-Subscription-Key") != null));
    }

    /** The status queries at this stub asked about these jobs only. */
    private static void assertOnlyQueried(GatewayStub stub, String prefix, Set<String> jobs) {
        List<String> asked = new ArrayList<>();
        stub.api().findAll(getRequestedFor(urlPathMatching(prefix + ".*")))
                .forEach(r -> asked.add(r.getUrl().substring(prefix.length())));
        assertEquals(jobs, new HashSet<>(asked), "the jobs queried at " + stub.baseUrl());
    }
}
