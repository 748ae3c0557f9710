package io.github.camelpixazo.producer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.gateway.JobRef;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.SubmittedJob;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code pixazo:status}: one status query. The request id comes from the header {@code CamelPixazoRequestId} or the
 * body (text, or the {@code SubmittedJob} of a submit with {@code waitForCompletion=false}), and must have the
 * gateway's documented form before it is sent; the answer (FAILED and ERROR included) becomes the body and headers, never an exception.
 */
public final class StatusProducer extends AsyncJobProducer {

    /** Far more than any request id: a longer body is refused unread. */
    private static final int MAX_REQUEST_ID_CHARACTERS = 1024;

    public StatusProducer(PixazoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<Consumer<Message>> start(Exchange exchange, Deadline deadline) {
        Message message = exchange.getMessage();
        Object given = message.getHeader(PixazoConstants.REQUEST_ID);
        String source = "header " + PixazoConstants.REQUEST_ID;
        if (given == null) {
            given = message.getBody();
            source = "the message body";
        }
        // the body of a submit with waitForCompletion=false, or an earlier status answer
        Object original = given;
        if (given instanceof SubmittedJob job) {
            given = job.requestId();
        } else if (given instanceof JobSnapshot snapshot) {
            given = snapshot.requestId();
        } else if (given instanceof Number number) {
            given = number.toString(); // not an id, but quoted as given
        }
        String text = MessageText.read(exchange, "requestId", source, given, MAX_REQUEST_ID_CHARACTERS);
        String id = text != null ? text.trim() : null;
        PixazoEndpoint endpoint = getEndpoint();
        endpoint.gateway().requireDocumentedRequestId(id, given);
        // images a gateway returns inline (Pixapi's b64_json) spool like downloads, and live as long as the exchange
        ExchangeSpool spool = ExchangeSpool.attach(exchange, endpoint.spoolSettings());
        JobRef job = original instanceof SubmittedJob submitted && submitted.gateway() != null
                ? submitted.ref() : new JobRef(endpoint.gateway().id(), id, null, null);
        return endpoint.jobClient().status(job, deadline, spool.target())
                .thenApply(snapshot -> m -> {
                    ResultWriter.snapshot(m, snapshot);
                    ResultWriter.gateway(m, endpoint.gateway().id());
                });
    }
}
