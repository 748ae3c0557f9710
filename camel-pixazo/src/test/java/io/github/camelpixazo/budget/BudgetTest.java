package io.github.camelpixazo.budget;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.error.PixazoBudgetExceededException;
import io.github.camelpixazo.error.PixazoInsufficientBalanceException;
import io.github.camelpixazo.error.PixazoPriceUnknownException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.store.FileJobStore;
import io.github.camelpixazo.store.MemoryJobStore;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spend cap: checked before each submit against the jobs already submitted in the window (in flight included); the
 * message that would cross it fails with PixazoBudgetExceededException and the gateway receives nothing for it; the
 * messages before it all pass; within a JVM two messages never both take the last room; what was spent survives a
 * restart with a durable store; a job the gateway did not take gives its price back; a job without a price is refused.
 * Every job below costs 0.211 USD (Pixazo, gpt-image-2, 1024x1024, high).
 */
class BudgetTest extends PixazoTestSupport {

    private static final String JOB = "pixazo:generate?waitForCompletion=false&size=1024x1024&quality=high";
    private static final String CAPPED = JOB.replace("pixazo:", "capped:");
    private static final BigDecimal PRICE = new BigDecimal("0.211");

    @TempDir
    Path directory;

    /** Adds a component "capped" (the stub, the test defaults) whose budget is {@code budget}. */
    private void componentBudget(BigDecimal budget) {
        PixazoComponent capped = new PixazoComponent();
        configure(capped.getConfiguration());
        capped.setBudget(budget.toPlainString());
        capped.setJobStore(new MemoryJobStore()); // this test's own ledger, not data/pixazo-jobs
        context.addComponent("capped", capped);
    }

    private void submitsAreAccepted() {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(GatewayStub.json(202,
                GatewayStub.submitted("gpt-image-2_{{randomValue type='UUID'}}"))));
    }

    private Exchange send(String uri) {
        return template.request(uri, e -> e.getIn().setBody("a cat"));
    }

    @Test
    void theComponentBudgetRefusesExactlyTheMessageThatWouldCrossIt() throws Exception {
        componentBudget(new BigDecimal("0.633")); // exactly three jobs
        submitsAreAccepted();

        for (int i = 1; i <= 3; i++) {
            Exchange accepted = send(CAPPED);
            assertNull(accepted.getException(), "job " + i + " fits: " + accepted.getException());
        }
        Exchange refused = send(CAPPED);

        PixazoBudgetExceededException e = assertInstanceOf(PixazoBudgetExceededException.class, refused.getException());
        assertEquals(new BigDecimal("0.633"), e.getBudget());
        assertEquals(Duration.ofDays(1), e.getPeriod());
        assertEquals(0, new BigDecimal("0.633").compareTo(e.getSpent()));
        assertEquals(PRICE, e.getPrice());
        assertEquals("USD", e.getCurrency());
        assertTrue(e.getMessage().contains("The component budget of 0.633 USD per 1d") && e.getMessage().contains(
                "cost 0.633 USD") && e.getMessage().contains("costs 0.211 USD") && e.getMessage().contains(
                "Nothing was sent"), e.getMessage());
        assertEquals(3, gateway.submits(GENERATE_2).size(), "the gateway received nothing for the refused message");
        assertEquals(PRICE, refused.getMessage().getHeader(PixazoConstants.ESTIMATED_COST), "the price is still told");
    }

    @Test
    void anEndpointBudgetCountsThatEndpointOnlyAndBothApply() throws Exception {
        componentBudget(new BigDecimal("1")); // four jobs
        submitsAreAccepted();
        String small = CAPPED + "&budget=0.5"; // two jobs
        String other = CAPPED + "&n=1"; // another URI: no budget of its own

        assertNull(send(small).getException());
        assertNull(send(small).getException());
        PixazoBudgetExceededException endpoint = assertInstanceOf(PixazoBudgetExceededException.class,
                send(small).getException());
        assertTrue(endpoint.getBudgetName().startsWith("the budget of endpoint capped://generate"),
                endpoint.getBudgetName());
        assertEquals(new BigDecimal("0.5"), endpoint.getBudget());

        assertNull(send(other).getException(), "the component budget still has room for two");
        assertNull(send(other).getException());
        PixazoBudgetExceededException component = assertInstanceOf(PixazoBudgetExceededException.class,
                send(other).getException());
        assertEquals("the component budget", component.getBudgetName());
        assertEquals(0, new BigDecimal("0.844").compareTo(component.getSpent()));
        assertEquals(4, gateway.submits(GENERATE_2).size());
    }

    @Test
    void aJobTheGatewayDidNotTakeGivesItsPriceBack() throws Exception {
        componentBudget(PRICE); // one job
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(GatewayStub.json(402,
                "{\"error\":\"insufficient_balance\",\"message\":\"top up\"}")));

        assertInstanceOf(PixazoInsufficientBalanceException.class, send(CAPPED).getException());
        assertInstanceOf(PixazoInsufficientBalanceException.class, send(CAPPED).getException(),
                "the 402 gave the reservation back, so the budget did not refuse the second message");

        gateway.reset();
        submitsAreAccepted();
        assertNull(send(CAPPED).getException(), "nothing was billed, so the one job still fits");
        assertInstanceOf(PixazoBudgetExceededException.class, send(CAPPED).getException());
    }

    /** dryRun with waitForCompletion=false: no job record for pixazo:jobs to poll, no spend, nothing sent. */
    @Test
    void aDryRunSubmitOnlyWritesNoJobRecordAndSpendsNothing() throws Exception {
        MemoryJobStore store = new MemoryJobStore();
        PixazoComponent capped = new PixazoComponent();
        configure(capped.getConfiguration());
        capped.setBudget(PRICE.toPlainString()); // one job
        capped.setJobStore(store);
        context.addComponent("capped", capped);
        for (int i = 0; i < 3; i++) {
            Exchange out = send(CAPPED + "&dryRun=true");
            assertNull(out.getException(), "a dry run counts nothing, so each one fits");
            assertNull(out.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        }
        assertEquals(0, store.count(), "no record for pixazo:jobs");
        assertEquals(List.of(), gateway.apiRequests());
        submitsAreAccepted();
        assertNull(send(CAPPED).getException(), "the one real job still fits");
        assertEquals(1, store.count());
    }

    /** A 5xx or a garbled answer to a submit may hide a queued (billed) job: its price stays counted. */
    @Test
    void aSubmitThatMayHaveBeenQueuedKeepsItsReservation() throws Exception {
        componentBudget(PRICE.multiply(BigDecimal.valueOf(2))); // two jobs
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(GatewayStub.json(500, "{\"error\":\"boom\"}")));
        Exception first = send(CAPPED).getException();
        assertNotNull(first);
        assertTrue(first.getMessage().contains("may have been queued"), first.getMessage());
        gateway.reset();
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "text/html").withBody("<html>proxy</html>")));
        assertNotNull(send(CAPPED).getException());

        gateway.reset();
        submitsAreAccepted();
        assertInstanceOf(PixazoBudgetExceededException.class, send(CAPPED).getException(),
                "both unclear submits stay counted: the budget is full");
        assertEquals(List.of(), gateway.apiRequests());
    }

    /** Twenty messages at once for five jobs' worth of budget: exactly five are sent. */
    @Test
    void concurrentMessagesNeverShareTheLastRoom() throws Exception {
        componentBudget(PRICE.multiply(BigDecimal.valueOf(6)));
        submitsAreAccepted();
        assertNull(send(CAPPED).getException()); // starts the endpoint before the race; five jobs' room left

        ExecutorService senders = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Exchange>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Exchange> sender = () -> {
                    start.await();
                    return send(CAPPED);
                };
                results.add(senders.submit(sender));
            }
            start.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<Exchange> result : results) {
                Exception failure = result.get().getException();
                if (failure == null) {
                    accepted++;
                } else {
                    assertInstanceOf(PixazoBudgetExceededException.class, failure);
                    refused++;
                }
            }
            assertEquals(5, accepted);
            assertEquals(15, refused);
            assertEquals(6, gateway.submits(GENERATE_2).size());
        } finally {
            senders.shutdownNow();
        }
    }

    /** What was spent is in the store's ledger: a restarted CamelContext on the same file store keeps counting it. */
    @Test
    void theCapHoldsAfterARestartWithADurableStore() throws Exception {
        submitsAreAccepted();
        FileJobStore store = new FileJobStore(directory);
        try (CamelContext first = budgetedContext(store)) {
            ProducerTemplate producer = first.createProducerTemplate();
            assertNull(producer.request(JOB, e -> e.getIn().setBody("a cat")).getException());
            assertNull(producer.request(JOB, e -> e.getIn().setBody("a cat")).getException());
        }
        store.stop(); // the application owns a store it gives the component; a second one opens the same directory
        try (CamelContext second = budgetedContext(new FileJobStore(directory))) {
            Exchange refused = second.createProducerTemplate().request(JOB, e -> e.getIn().setBody("a cat"));
            PixazoBudgetExceededException e = assertInstanceOf(PixazoBudgetExceededException.class,
                    refused.getException());
            assertEquals(0, new BigDecimal("0.422").compareTo(e.getSpent()), "the first run's spend, read back");
        }
        assertEquals(2, gateway.submits(GENERATE_2).size());
    }

    private CamelContext budgetedContext(FileJobStore store) {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        configure(pixazo.getConfiguration());
        pixazo.setBudget("0.5");
        pixazo.setJobStore(store);
        context.addComponent("pixazo", pixazo);
        context.start();
        return context;
    }

    @Test
    void aJobWithoutAPriceIsRefusedWhileABudgetApplies() {
        PixazoPriceUnknownException e = failure(PixazoPriceUnknownException.class,
                () -> template.requestBodyAndHeaders(JOB + "&budget=5", "a cat",
                        Map.of(PixazoConstants.MODEL, "gpt-image-1.5")));

        assertEquals("budget", e.getOption());
        assertTrue(e.getMessage().contains("no price for gpt-image-1.5") && e.getMessage().contains("Nothing was sent"),
                e.getMessage());
        assertEquals(List.of(), gateway.apiRequests());
    }

    @Test
    void aBudgetOverAnUnpricedModelFailsTheRouteAtStart() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unpriced").to("pixazo:generate?model=gpt-image-1.5&budget=5");
            }
        }));
        PixazoPriceUnknownException cause = cause(e, PixazoPriceUnknownException.class);
        assertTrue(cause.getMessage().contains("route does not start"), cause.getMessage());
    }

    @Test
    void badBudgetsFailTheRouteAtStartNamingTheOption() {
        PixazoValidationException negative = cause(assertThrows(Exception.class,
                () -> send(JOB + "&budget=-1").getMessage()), PixazoValidationException.class);
        assertEquals("budget", negative.getOption());
        assertTrue(negative.getMessage().contains("'-1'") && negative.getMessage().contains("must not be negative"),
                negative.getMessage());

        PixazoValidationException text = cause(assertThrows(Exception.class,
                () -> send(JOB + "&budget=ten dollars").getMessage()), PixazoValidationException.class);
        assertEquals("budget", text.getOption());
        assertTrue(text.getMessage().contains("'ten dollars'"), text.getMessage());

        PixazoValidationException period = cause(assertThrows(Exception.class,
                () -> send(JOB + "&budget=1&budgetPeriod=-1s").getMessage()), PixazoValidationException.class);
        assertEquals("budgetPeriod", period.getOption());
        assertEquals(List.of(), gateway.apiRequests());
    }

    @Test
    void aComponentBudgetCannotSpanTwoCurrencies() throws Exception {
        componentBudget(BigDecimal.TEN);
        send(CAPPED + "&dryRun=true"); // Pixazo: USD

        Exception e = assertThrows(Exception.class,
                () -> send("capped:generate?gateway=pixapi&apiKey=k&dryRun=true").getMessage());
        PixazoValidationException cause = cause(e, PixazoValidationException.class);
        assertTrue(cause.getMessage().contains("counts in USD") && cause.getMessage().contains("credits"),
                cause.getMessage());
    }

    /** A price file that is missing or malformed fails the component's start, naming the option and the line. */
    @Test
    void badPriceFilesFailTheStart() throws Exception {
        PixazoValidationException missing = startFails("file:" + directory.resolve("nowhere.properties"), null);
        assertEquals("priceFile", missing.getOption());
        assertTrue(missing.getMessage().contains("nowhere.properties") && missing.getMessage().contains("cannot be read"),
                missing.getMessage());

        java.nio.file.Files.writeString(directory.resolve("prices.properties"), "pixazo.gpt-image-2.currency = USD\n"
                + "pixazo.gpt-image-2.1024x1024.low = 0.006\npixazo.gpt-image-2.1024x1024.high = 0.211\n");
        PixazoValidationException incomplete = startFails("file:" + directory.resolve("prices.properties"), null);
        assertEquals("priceFile", incomplete.getOption());
        assertTrue(incomplete.getMessage().contains("line 2") && incomplete.getMessage().contains("quality medium"),
                incomplete.getMessage());

        PixazoValidationException budget = startFails(null, "lots");
        assertEquals("budget", budget.getOption());
        assertTrue(budget.getMessage().contains("'lots'"), budget.getMessage());
    }

    /** A wrong, huge priceFile (a log, /dev/zero) is refused after 1 MiB instead of being read whole into the heap. */
    @Test
    void aHugePriceFileIsRefusedWithoutReadingItWhole() throws Exception {
        Path huge = directory.resolve("huge.properties");
        java.nio.file.Files.writeString(huge, "# a comment line, valid in a price file\n".repeat(60_000)); // 2.4 MB
        PixazoValidationException e = startFails("file:" + huge, null);
        assertEquals("priceFile", e.getOption());
        assertTrue(e.getMessage().contains("larger than 1024 KiB"), e.getMessage());
    }

    private PixazoValidationException startFails(String priceFile, String budget) throws Exception {
        CamelContext other = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        configure(pixazo.getConfiguration());
        pixazo.setPriceFile(priceFile);
        pixazo.setBudget(budget);
        pixazo.setJobStore(new MemoryJobStore());
        other.addComponent("pixazo", pixazo);
        try {
            return cause(assertThrows(Exception.class, other::start), PixazoValidationException.class);
        } finally {
            other.close();
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
    }

    @Test
    void theBudgetCountsUnderTheUriWithoutTheKey() {
        submitsAreAccepted();
        assertNull(send(JOB + "&budget=0.3&apiKey=" + GatewayStub.KEY).getException());
        Exchange refused = send(JOB + "&budget=0.3&apiKey=RAW(" + GatewayStub.KEY + ")");
        // another spelling of the same key and the same budget is the same endpoint budget
        PixazoBudgetExceededException e = assertInstanceOf(PixazoBudgetExceededException.class, refused.getException());
        assertNotNull(e.getBudgetName());
        assertTrue(!e.getMessage().contains(GatewayStub.KEY), "the key is not in the message");
    }

    @Test
    void aBudgetMustBePlainDigitsSoAnExponentCannotExhaustTheHeap() {
        // 1e2147483647 is a valid BigDecimal; printing it (every budget message does) needs 2^31 characters
        for (String bad : List.of("1e2147483647", "1e-2147483647", "1e3", "0.00000000001", "1234567890123")) {
            PixazoValidationException e = cause(assertThrows(Exception.class,
                    () -> send(JOB + "&budget=" + bad).getMessage()), PixazoValidationException.class);
            assertEquals("budget", e.getOption(), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("no exponent"),
                    e.getMessage());
        }
        PixazoComponent capped = new PixazoComponent();
        configure(capped.getConfiguration());
        capped.setBudget("9e999999999");
        capped.setJobStore(new MemoryJobStore());
        PixazoValidationException component = cause(assertThrows(Exception.class,
                () -> context.addComponent("capped", capped)), PixazoValidationException.class);
        assertEquals("budget", component.getOption());
        // what still passes: the forms the option's description gives
        submitsAreAccepted();
        assertNull(send(JOB + "&budget=12.50").getException());
        assertNull(send(JOB + "&budget=.5").getException());
        assertEquals(2, gateway.apiRequests().size());
    }

    @Test
    void budgetAndDryRunOnStatusOrJobsFailTheStartInsteadOfBeingIgnored() {
        for (String uri : List.of("pixazo:status?dryRun=true", "pixazo:status?budget=5")) {
            PixazoValidationException e = cause(assertThrows(Exception.class,
                    () -> template.requestBodyAndHeader(uri, null, PixazoConstants.REQUEST_ID, "gpt-image-2_x")),
                    PixazoValidationException.class);
            assertTrue(uri.endsWith(e.getOption() + "=" + (e.getOption().equals("budget") ? "5" : "true")), uri);
            assertTrue(e.getMessage().contains("pixazo:generate and pixazo:edit only"), e.getMessage());
        }
        for (String uri : List.of("pixazo:jobs?budget=5", "pixazo:jobs?dryRun=true")) {
            Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("mock:jobs");
                }
            }));
            assertTrue(cause(e, PixazoValidationException.class).getMessage().contains("pixazo:jobs only collects"),
                    e.toString());
        }
        assertEquals(List.of(), gateway.apiRequests());
    }
}
