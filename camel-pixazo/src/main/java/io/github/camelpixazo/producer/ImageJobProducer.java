package io.github.camelpixazo.producer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.budget.Reservation;
import io.github.camelpixazo.cost.CostEstimate;
import io.github.camelpixazo.cost.PriceQuote;
import io.github.camelpixazo.error.PixazoBudgetExceededException;
import io.github.camelpixazo.observe.JobMeters;
import io.github.camelpixazo.observe.JobObservation;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.gateway.SubmitOutcome;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.job.FailureKinds;
import io.github.camelpixazo.job.Retrier;
import io.github.camelpixazo.job.JobClient;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.request.ImageRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pixazo:generate} and {@code pixazo:edit}: resolve and validate the request, submit it, then (by the
 * endpoint's options) wait for the job and download its images. The two operations differ only in where the request
 * comes from, which {@link ImageRequestFactory} decides. A synchronous gateway answer is the finished job already;
 * images a gateway returns inline need no download.
 */
public final class ImageJobProducer extends AsyncJobProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ImageJobProducer.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public ImageJobProducer(PixazoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<Consumer<Message>> start(Exchange exchange, Deadline deadline) throws Exception {
        PixazoEndpoint endpoint = getEndpoint();
        // first: edit inputs that arrive as streams spool with this endpoint's settings
        ExchangeSpool spool = ExchangeSpool.attach(exchange, endpoint.spoolSettings());
        ImageRequest request = endpoint.requestFactory().fromExchange(exchange);
        List<String> warnings = endpoint.validator().validate(request);
        for (String warning : warnings) {
            if (warned.add(warning)) { // once per producer, not once per message
                LOG.warn("{}: {}", endpoint, warning);
            }
        }
        PriceQuote quote = endpoint.quote(request);
        ResultWriter.cost(exchange.getMessage(), quote);
        if (!quote.isPriced()) {
            LOG.debug("{}: no cost estimate for {}: {}", endpoint, request, quote.reason());
        }
        if (endpoint.isDryRun()) {
            endpoint.spendCaps().check(quote);
            String gateway = endpoint.gateway().id();
            String model = request.model().value();
            return CompletableFuture.completedFuture(message -> ResultWriter.dryRun(message, gateway, model));
        }
        JobClient client = endpoint.jobClient();
        // submit only: the job is recorded for pixazo:jobs (on the worker that completes the exchange)
        JobRecorder.Pending pending = endpoint.getConfiguration().isWaitForCompletion() ? null
                : endpoint.jobRecorder().prepare(exchange, request);
        SpoolTarget target = spool.target();
        JobMeters meters = endpoint.meters(request);
        Reservation reservation;
        try {
            reservation = endpoint.spendCaps().reserve(quote);
        } catch (PixazoBudgetExceededException refused) {
            JobObservation.refused(meters);
            throw refused;
        }
        JobObservation job = new JobObservation(meters, endpoint.gateway().id() + " " + request.model().value() + " "
                + request.operation().name().toLowerCase(Locale.ROOT), quote.estimate().orElse(null),
                // a prompt built from message data may quote the key: the job line never holds it (PLAN, Secrets)
                endpoint.getConfiguration().isLogPrompt() ? client.redactor().redact(request.prompt()) : null);
        CompletableFuture<SubmitOutcome> submitted;
        try {
            submitted = client.submit(pending != null ? pending.request() : request, deadline, target, job);
        } catch (Throwable e) {
            reservation.release();
            job.failed(e);
            throw e;
        }
        CompletableFuture<Consumer<Message>> work = submitted.whenComplete((outcome, failure) -> {
            if (failure != null && FailureKinds.notTaken(Retrier.unwrap(failure))) {
                reservation.release(); // the gateway certainly did not take it: nothing can be billed
            }
        }).thenCompose(outcome -> {
            SubmittedJob accepted = outcome.job();
            job.accepted(accepted);
            LOG.debug("Job {} submitted to {}: {}", accepted.requestId(), endpoint.gateway().name(), request);
            if (outcome.isFinished()) {
                return result(exchange, request, outcome.result(), deadline, spool, job);
            }
            if (pending != null) { // a synchronous answer never gets here: synchronous excludes waitForCompletion=false
                job.handedOver();
                CostEstimate estimate = quote.estimate().orElse(null);
                return CompletableFuture.completedFuture(message -> {
                    endpoint.jobRecorder().record(pending, accepted, estimate);
                    ResultWriter.submitted(message, accepted);
                });
            }
            return awaitJob(endpoint, client, accepted, deadline, target, job)
                    .thenCompose(snapshot -> result(exchange, request, snapshot, deadline, spool, job));
        });
        // the future the watchdog may fail too: whatever ends the exchange ends the job's observation
        work.whenComplete((writer, failure) -> {
            if (failure != null) {
                job.failed(failure);
            }
        });
        return work;
    }

    private static CompletableFuture<JobSnapshot> awaitJob(PixazoEndpoint endpoint, JobClient client, SubmittedJob job,
                                                           Deadline deadline, SpoolTarget spool, JobObservation events) {
        try {
            return endpoint.jobWaiter().awaitTerminal(job, client, endpoint.pollSettings(), deadline, spool, events);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Consumer<Message>> result(Exchange exchange, ImageRequest request, JobSnapshot snapshot,
                                                       Deadline deadline, ExchangeSpool spool, JobObservation job) {
        String gateway = getEndpoint().gateway().id();
        if (snapshot.status() != JobStatus.COMPLETED) {
            return CompletableFuture.failedFuture(new PixazoJobFailedException(snapshot.requestId(),
                    snapshot.status().name(), snapshot.error(), getEndpoint().gateway().failureAdvice(snapshot)));
        }
        String model = request.model().value();
        boolean single = request.imageCount() == 1;
        if (snapshot.hasInlineImages()) {
            List<DownloadedImage> images = single ? snapshot.images().subList(0, 1) : snapshot.images();
            job.completed(images.size(), 0);
            return CompletableFuture.completedFuture(message -> {
                ResultWriter.images(exchange, snapshot, model, images, single,
                        request.effectiveFormat().mediaFormat(), spool);
                ResultWriter.gateway(message, gateway);
            });
        }
        if (snapshot.mediaUrls().isEmpty()) {
            return CompletableFuture.failedFuture(new PixazoException("Job " + snapshot.requestId() + " is COMPLETED but"
                    + " " + getEndpoint().gateway().name() + " listed no media URL; query it again later with"
                    + " pixazo:status.", 0, null, null, snapshot.requestId(), null));
        }
        if (!getEndpoint().getConfiguration().isDownload()) {
            job.completed(snapshot.mediaUrls().size(), 0);
            return CompletableFuture.completedFuture(message -> {
                ResultWriter.mediaUrls(message, snapshot, model);
                ResultWriter.gateway(message, gateway);
            });
        }
        List<String> urls = single ? snapshot.mediaUrls().subList(0, 1) : snapshot.mediaUrls();
        return getEndpoint().downloader().downloadAll(urls, snapshot.mediaType(), snapshot.requestId(), deadline,
                        spool.settings(), spool.files(), job)
                .thenApply(images -> {
                    long bytes = 0;
                    for (DownloadedImage image : images) {
                        job.downloaded(image.data().length());
                        bytes += image.data().length();
                    }
                    job.completed(images.size(), bytes);
                    return images;
                })
                .thenApply(images -> message -> {
                    ResultWriter.images(exchange, snapshot, model, images, single,
                            request.effectiveFormat().mediaFormat(), spool);
                    ResultWriter.gateway(message, gateway);
                });
    }
}
