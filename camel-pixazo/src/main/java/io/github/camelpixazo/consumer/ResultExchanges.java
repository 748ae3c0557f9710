package io.github.camelpixazo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.job.Retrier;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.media.TempFiles;
import io.github.camelpixazo.producer.CarriedHeaders;
import io.github.camelpixazo.producer.ExchangeSpool;
import io.github.camelpixazo.producer.ResultWriter;
import io.github.camelpixazo.store.JobRecord;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The exchanges {@code pixazo:jobs} emits, with the body and headers the waiting producer gives for the same outcome
 * ({@link ResultWriter}), plus the job's carried headers (put back first, so that the result's own headers such as
 * {@code CamelFileName} win), {@code CamelPixazoSubmittedAt} and {@code CamelPixazoGateway} (the gateway the job was
 * submitted to); {@code CamelPixazoProgress} where the gateway reports it (EvoLink):
 * <ul>
 * <li>COMPLETED: the images ({@code download=true}) or the list of media URLs; when the images cannot be downloaded
 * (expired or missing URLs), the list of URLs with {@code CamelPixazoError} saying why - never dropped;</li>
 * <li>FAILED and ERROR: as data, as {@code pixazo:status} gives them (body {@code JobSnapshot}, headers
 * {@code CamelPixazoStatus} and {@code CamelPixazoError});</li>
 * <li>timed out: {@code CamelPixazoTimedOut=true}, the last status seen, {@code CamelPixazoError} saying so;</li>
 * <li>progress (QUEUED to PROCESSING): status PROCESSING, body {@code JobSnapshot}.</li>
 * </ul>
 */
final class ResultExchanges {

    private final PixazoEndpoint endpoint;
    private final JobCalls calls;
    private final Supplier<Exchange> newExchange;
    private final Executor workers;

    /** @param workers where a downloaded result is written into its message (never the HTTP client's threads) */
    ResultExchanges(PixazoEndpoint endpoint, JobCalls calls, Supplier<Exchange> newExchange, Executor workers) {
        this.endpoint = endpoint;
        this.calls = calls;
        this.newExchange = newExchange;
        this.workers = workers;
    }

    /**
     * The exchange of a job the gateway reports terminal; completes once its images are downloaded (or not). Images
     * the status answer carried inline (Pixapi's {@code b64_json}) are the body as they are, whatever {@code download}
     * says, as with the waiting producer.
     *
     * @param queryFiles the status query's temporary files (inline images): deleted when the exchange completes
     */
    CompletableFuture<Exchange> terminal(JobRecord record, JobSnapshot snapshot, TempFiles queryFiles) {
        Exchange exchange = start(record);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                queryFiles.deleteAll();
            }
        });
        Message message = exchange.getMessage();
        String model = record.model();
        if (snapshot.status() != JobStatus.COMPLETED) {
            ResultWriter.snapshot(message, snapshot);
            return CompletableFuture.completedFuture(exchange);
        }
        boolean single = record.n() == null || record.n() == 1;
        ImageFormat requested = requestedFormat(record);
        if (snapshot.hasInlineImages()) {
            ExchangeSpool spool = ExchangeSpool.attach(exchange, endpoint.spoolSettings());
            List<DownloadedImage> images = single ? snapshot.images().subList(0, 1) : snapshot.images();
            ResultWriter.images(exchange, snapshot, model, images, single, requested, spool);
            return CompletableFuture.completedFuture(exchange);
        }
        if (snapshot.mediaUrls().isEmpty()) {
            ResultWriter.mediaUrls(message, snapshot, model);
            message.setHeader(PixazoConstants.ERROR, "Job " + record.requestId() + " is COMPLETED but " + record.gateway()
                    + " listed no media URL; query it again later with pixazo:status.");
            return CompletableFuture.completedFuture(exchange);
        }
        if (!endpoint.getConfiguration().isDownload()) {
            ResultWriter.mediaUrls(message, snapshot, model);
            return CompletableFuture.completedFuture(exchange);
        }
        List<String> urls = single ? snapshot.mediaUrls().subList(0, 1) : snapshot.mediaUrls();
        ExchangeSpool spool = ExchangeSpool.attach(exchange, endpoint.spoolSettings());
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        calls.download(record, urls, snapshot.mediaType(), downloadDeadline(record), spool.settings(),
                spool.files()).whenCompleteAsync((images, error) -> {
                    try {
                        if (error == null) {
                            ResultWriter.images(exchange, snapshot, model, images, single, requested, spool);
                        } else {
                            Throwable failure = Retrier.unwrap(error);
                            ResultWriter.mediaUrls(message, snapshot, model);
                            message.setHeader(PixazoConstants.ERROR, "Job " + record.requestId() + " is COMPLETED but"
                                    + " its images could not be downloaded (" + (failure.getMessage() != null
                                    ? failure.getMessage() : failure.toString()) + "). The body is the list of its"
                                    + " media URLs (header CamelPixazoMediaUrls).");
                        }
                        result.complete(exchange);
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                }, workers);
        return result;
    }

    /**
     * The exchange of a job that did not finish within jobTimeout of its submit.
     *
     * @param progress the last progress the gateway reported (EvoLink), or null
     */
    Exchange timedOut(JobRecord record, String lastStatus, Integer progress, String lastError) {
        Exchange exchange = start(record);
        Message message = exchange.getMessage();
        message.setHeader(PixazoConstants.REQUEST_ID, record.requestId());
        message.setHeader(PixazoConstants.STATUS, JobStatus.fromGateway(lastStatus).name());
        message.setHeader(PixazoConstants.MODEL, record.model());
        message.setHeader(PixazoConstants.TIMED_OUT, Boolean.TRUE);
        if (progress != null) {
            message.setHeader(PixazoConstants.PROGRESS, progress);
        }
        message.setHeader(PixazoConstants.ERROR, "Job " + record.requestId() + " did not finish within jobTimeout="
                + endpoint.pollSettings().jobTimeout() + " of its submit at " + record.submittedAt() + " (last status "
                + lastStatus + (lastError != null ? "; last error: " + lastError : "") + "). It may still complete"
                + " and be billed: query it with pixazo:status rather than submitting again.");
        message.setBody(null);
        return exchange;
    }

    /** The progress exchange of a job that went from QUEUED to PROCESSING. */
    Exchange progress(JobRecord record, JobSnapshot snapshot) {
        Exchange exchange = start(record);
        ResultWriter.snapshot(exchange.getMessage(), snapshot);
        return exchange;
    }

    private Exchange start(JobRecord record) {
        Exchange exchange = newExchange.get();
        Message message = exchange.getMessage();
        CarriedHeaders.putBack(message, record.carriedHeaders());
        message.setHeader(PixazoConstants.SUBMITTED_AT, record.submittedAt());
        message.setHeader(PixazoConstants.GATEWAY, record.gateway());
        // the price estimated before the submit, kept in the record: absent where none is published
        if (record.estimatedCost() != null) {
            message.setHeader(PixazoConstants.ESTIMATED_COST, record.estimatedCost());
            message.setHeader(PixazoConstants.COST_CURRENCY, record.costCurrency());
        }
        return exchange;
    }

    private static ImageFormat requestedFormat(JobRecord record) {
        for (ImageFormat format : ImageFormat.values()) {
            if (format.value().equalsIgnoreCase(record.format())) {
                return format;
            }
        }
        return ImageFormat.PNG; // the gateways' default; the sniffed bytes decide the extension anyway
    }

    private Deadline downloadDeadline(JobRecord record) {
        Duration left = Duration.between(Instant.now(), record.submittedAt().plus(endpoint.pollSettings().jobTimeout()));
        Duration floor = Duration.ofMinutes(2);
        return Deadline.after(left.compareTo(floor) > 0 ? left : floor);
    }
}
