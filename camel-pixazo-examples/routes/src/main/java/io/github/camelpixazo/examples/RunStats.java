package io.github.camelpixazo.examples;

import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoValidationException;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts what an example run did, from Camel's own events, whatever DSL the route is written in: inputs finished by
 * the example's route (one exchange per prompt file, image or queued message), calls to {@code pixazo:} endpoints and
 * how many of them validation rejected before anything was sent, and the failures with their reasons.
 * <p>
 * When the input enters by another route than the one that finishes it (submit now, collect later: the submitting
 * route takes the prompt file, the collecting route gets the finished job), an input that fails in the entry route
 * never reaches the finishing route: it is finished there, and listed with its failure.
 */
final class RunStats extends EventNotifierSupport {

    private final String routeId;
    private final String entryRouteId;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger pixazoCalls = new AtomicInteger();
    private final AtomicInteger rejectedBeforeSending = new AtomicInteger();
    private final List<Summary.Failure> failures = new ArrayList<>();
    private final Map<String, BigDecimal> spend = new TreeMap<>();

    /**
     * @param routeId      the route that finishes each input
     * @param entryRouteId the route that takes each input in, when it is another one (its failed exchanges finish their
     *                     input), else null
     */
    RunStats(String routeId, String entryRouteId) {
        this.routeId = routeId;
        this.entryRouteId = entryRouteId;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        // not ignored: Camel only emits ExchangeSentEvent when an ExchangeSendingEvent was wanted
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            if ("pixazo".equals(sent.getEndpoint().getEndpointBaseUri().split(":", 2)[0])) {
                pixazoCalls.incrementAndGet();
                if (!(sent.getEndpoint() instanceof PixazoEndpoint pixazo && pixazo.isDryRun())) {
                    addSpend(sent.getExchange());
                }
                if (sent.getExchange().getException() instanceof PixazoValidationException invalid
                    && invalid.getHttpStatus() == 0) {
                    rejectedBeforeSending.incrementAndGet();
                }
            }
        } else if (event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent) {
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            boolean entry = entryRouteId != null && entryRouteId.equals(exchange.getFromRouteId());
            if (!entry && !routeId.equals(exchange.getFromRouteId())) {
                return;
            }
            Throwable error = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            if (entry && error == null) {
                return; // on its way to the finishing route
            }
            // a pixazo:jobs exchange carries a FAILED or ERROR job (or one whose images are gone) as data
            String jobError = exchange.getMessage().getHeader("CamelPixazoError", String.class);
            if (error != null || jobError != null) {
                synchronized (failures) {
                    failures.add(new Summary.Failure(inputName(exchange), error != null
                            ? String.valueOf(error.getMessage())
                            : exchange.getMessage().getHeader("CamelPixazoStatus") + ": " + jobError));
                }
            }
            finished.incrementAndGet(); // last: whoever sees the count also sees the failure
        }
    }

    /**
     * The estimated price of a job the gateway accepted (it succeeded, or failed after it got a request id: it may be
     * billed), from the header the component sets before the submit.
     */
    private void addSpend(Exchange exchange) {
        BigDecimal cost = exchange.getMessage().getHeader(PixazoConstants.ESTIMATED_COST, BigDecimal.class);
        String currency = exchange.getMessage().getHeader(PixazoConstants.COST_CURRENCY, String.class);
        Exception error = exchange.getException();
        boolean accepted = error == null || error instanceof PixazoException pixazo && pixazo.getRequestId() != null;
        if (cost != null && currency != null && accepted) {
            synchronized (spend) {
                spend.merge(currency, cost, BigDecimal::add);
            }
        }
    }

    /** The estimated spend of the jobs sent, by currency. */
    Map<String, BigDecimal> spend() {
        synchronized (spend) {
            return Map.copyOf(spend);
        }
    }

    private static String inputName(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) {
            name = exchange.getMessage().getHeader("promptId", String.class);
        }
        if (name == null) {
            name = exchange.getMessage().getHeader("promptName", String.class); // carried to a pixazo:jobs exchange
        }
        return name != null ? name : exchange.getExchangeId();
    }

    /** Inputs the example's route has finished with, successfully or not. */
    int finished() {
        return finished.get();
    }

    /** Exchanges sent to a pixazo: endpoint. */
    int pixazoCalls() {
        return pixazoCalls.get();
    }

    /** pixazo: calls that failed validation before anything was sent to the gateway. */
    int rejectedBeforeSending() {
        return rejectedBeforeSending.get();
    }

    List<Summary.Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
