package io.github.camelpixazo.producer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.job.Deadline;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code pixazo:status}: one status query. The request id comes from the header {@code CamelPixazoRequestId} or the
 * body; the answer (FAILED and ERROR included) becomes the body and headers, never an exception.
 */
public final class StatusProducer extends AsyncJobProducer {

    public StatusProducer(PixazoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<Consumer<Message>> start(Exchange exchange, Deadline deadline) {
        Message message = exchange.getMessage();
        String requestId = message.getHeader(PixazoConstants.REQUEST_ID, String.class);
        if (requestId == null) {
            requestId = message.getBody(String.class);
        }
        String id = requestId != null ? requestId.trim() : null;
        return getEndpoint().jobClient().status(id, deadline) // validates the id before anything is sent
                .thenApply(snapshot -> m -> ResultWriter.snapshot(m, snapshot));
    }
}
