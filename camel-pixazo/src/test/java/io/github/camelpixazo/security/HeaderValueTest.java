package io.github.camelpixazo.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.TestEnvironment;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpCall;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.http.HttpTransportSettings;
import io.github.camelpixazo.http.UnsendableRequestException;
import io.github.camelpixazo.job.FailureKinds;
import io.github.camelpixazo.support.GatewayStubExtension;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A header value built from user input that HTTP cannot carry (D2). A key pasted with a line break, a no-break space
 * or a zero-width space inside made the JDK's client throw an IllegalArgumentException quoting the header value - the
 * key - and the producer then said the job "may have been queued" though nothing was sent. Now the key is checked when
 * the endpoint starts, naming where it came from, the character and its position, never the key; a webhook URL the
 * same way; and whatever header value still reaches the transport is refused before the JDK sees it, as "nothing was
 * sent", never retried.
 */
class HeaderValueTest {

    private static final String CORE = "oddkeyA1B2C3";

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> oddKeys() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("option",
                        "a no-break space (U+00A0) at position 13 of 13", CORE + "\u00A0"),
                org.junit.jupiter.params.provider.Arguments.of("option",
                        "a zero-width space (U+200B) at position 7 of 13", "oddkey\u200BA1B2C3"),
                org.junit.jupiter.params.provider.Arguments.of("option",
                        "a line break (U+000A) at position 13 of 19", CORE + "\nsecond"),
                org.junit.jupiter.params.provider.Arguments.of("option",
                        "a space (U+0020) at position 7 of 13", "oddkey A1B2C3"),
                org.junit.jupiter.params.provider.Arguments.of("environment",
                        "a byte-order mark (U+FEFF) at position 1 of 13", "\uFEFF" + CORE),
                org.junit.jupiter.params.provider.Arguments.of("environment",
                        "a carriage return (U+000D) at position 13 of 19", CORE + "\rsecond"));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @org.junit.jupiter.params.provider.MethodSource("oddKeys")
    void aKeyWithACharacterHttpCannotCarryFailsTheRouteAtStartNamingItsSource(String source, String problem,
                                                                              String key) throws Exception {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(STUB.stub().baseUrl());
        if (source.equals("option")) {
            pixazo.getConfiguration().setApiKey(key);
        } else {
            TestEnvironment.set(pixazo, Map.of("PIXAZO_API_KEY", key));
        }
        context.addComponent("pixazo", pixazo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("pixazo:generate");
            }
        });

        Exception e = assertThrows(Exception.class, context::start);
        context.close();

        PixazoValidationException invalid = find(e);
        assertEquals("apiKey", invalid.getOption());
        assertTrue(invalid.getMessage().contains(problem), invalid.getMessage());
        assertTrue(invalid.getMessage().contains(source.equals("option") ? "set as the option apiKey"
                : "read from the environment variable PIXAZO_API_KEY"), invalid.getMessage());
        assertTrue(invalid.getMessage().contains("Nothing was sent"), invalid.getMessage());
        assertFalse(printed(e).contains("oddkey") || printed(e).contains("A1B2C3"), "the key is never quoted: "
                + printed(e));
        assertEquals(0, STUB.stub().apiRequests().size(), "nothing was sent");
    }

    /** A trailing line break (a key read from a file or a secret store) is trimmed, as before: not an error. */
    @Test
    void surroundingWhitespaceIsTrimmedNotRefused() throws Exception {
        CamelContext context = new DefaultCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(STUB.stub().baseUrl());
        pixazo.getConfiguration().setApiKey(" " + CORE + "\r\n");
        context.addComponent("pixazo", pixazo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("pixazo:generate");
            }
        });
        context.start();
        context.close();
    }

    /** The same for a webhook URL, which Pixazo receives as a header (X-Webhook-URL). */
    @Test
    void aWebhookUrlWithACharacterOutsideUsAsciiIsRefusedBeforeSending() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PixazoComponent pixazo = new PixazoComponent();
            pixazo.getConfiguration().setBaseUrl(STUB.stub().baseUrl());
            pixazo.getConfiguration().setApiKey(CORE);
            context.addComponent("pixazo", pixazo);
            context.start();
            Exception e = assertThrows(Exception.class, () -> context.getEndpoint(
                    "pixazo:generate?webhookUrl=https://hooks.example.com/caf\u00e9\u2192").createProducer());
            PixazoValidationException invalid = find(e);
            assertEquals("webhookUrl", invalid.getOption());
            assertTrue(invalid.getMessage().contains("a character outside US-ASCII (U+00E9) at position 30 of 31"),
                    invalid.getMessage());
        }
    }

    /**
     * Whatever header value still reaches the transport with a character HTTP does not allow is refused before the
     * JDK builds the request: nothing is sent, the value is not quoted, and nothing retries it.
     */
    @Test
    void aHeaderValueHttpCannotCarryIsRefusedUnsentWithoutQuotingIt() throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            HttpTransport transport = new HttpTransport(new HttpTransportSettings(2, null, null, 0, "test",
                    Executors.newCachedThreadPool(), timer, null));
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            for (String value : new String[] {CORE + "\nInjected: yes", CORE + "\u2192", CORE + "\u0000"}) {
                HttpCall call = new HttpCall("GET", uri, Map.of("Authorization", "Bearer " + value), null,
                        Duration.ofSeconds(5), Duration.ofSeconds(5), null, false, 1000);
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> transport.execute(call).get(10, TimeUnit.SECONDS));
                UnsendableRequestException unsendable = assertInstanceOf(UnsendableRequestException.class,
                        e.getCause());
                assertTrue(unsendable.getMessage().contains("Authorization") && unsendable.getMessage()
                        .contains("nothing was sent"), unsendable.getMessage());
                assertFalse(printed(unsendable).contains(CORE), printed(unsendable));
                assertTrue(FailureKinds.jobOrKeyGone(unsendable), "never asked again");
                assertFalse(FailureKinds.submitNotTaken(unsendable), "never resubmitted");
            }
            assertEquals(0, received.get(), "nothing reached the server");
        } finally {
            server.stop(0);
            timer.shutdownNow();
        }
    }

    private static PixazoValidationException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PixazoValidationException invalid) {
                return invalid;
            }
        }
        assertNotNull(null, "a PixazoValidationException in " + e);
        return null;
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
