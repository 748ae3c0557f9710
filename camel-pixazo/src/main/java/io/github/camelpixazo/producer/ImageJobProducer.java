package io.github.camelpixazo.producer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoJobFailedException;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.job.Deadline;
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
        JobClient client = endpoint.jobClient();
        SpoolTarget target = spool.target();
        return client.submit(request, deadline, target).thenCompose(outcome -> {
            SubmittedJob job = outcome.job();
            LOG.debug("Job {} submitted to {}: {}", job.requestId(), endpoint.gateway().name(), request);
            if (outcome.isFinished()) {
                return result(exchange, request, outcome.result(), deadline, spool);
            }
            if (!endpoint.getConfiguration().isWaitForCompletion()) {
                return CompletableFuture.completedFuture(message -> ResultWriter.submitted(message, job));
            }
            return awaitJob(endpoint, client, job, deadline, target)
                    .thenCompose(snapshot -> result(exchange, request, snapshot, deadline, spool));
        });
    }

    private static CompletableFuture<JobSnapshot> awaitJob(PixazoEndpoint endpoint, JobClient client, SubmittedJob job,
                                                           Deadline deadline, SpoolTarget spool) {
        try {
            return endpoint.jobWaiter().awaitTerminal(job, client, endpoint.pollSettings(), deadline, spool);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Consumer<Message>> result(Exchange exchange, ImageRequest request, JobSnapshot snapshot,
                                                       Deadline deadline, ExchangeSpool spool) {
        String gateway = getEndpoint().gateway().id();
        if (snapshot.status() != JobStatus.COMPLETED) {
            return CompletableFuture.failedFuture(new PixazoJobFailedException(snapshot.requestId(),
                    snapshot.status().name(), snapshot.error(), getEndpoint().gateway().failureAdvice(snapshot)));
        }
        String model = request.model().value();
        boolean single = request.imageCount() == 1;
        if (snapshot.hasInlineImages()) {
            List<DownloadedImage> images = single ? snapshot.images().subList(0, 1) : snapshot.images();
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
            return CompletableFuture.completedFuture(message -> {
                ResultWriter.mediaUrls(message, snapshot, model);
                ResultWriter.gateway(message, gateway);
            });
        }
        List<String> urls = single ? snapshot.mediaUrls().subList(0, 1) : snapshot.mediaUrls();
        return getEndpoint().downloader().downloadAll(urls, snapshot.mediaType(), snapshot.requestId(), deadline,
                        spool.settings(), spool.files())
                .thenApply(images -> message -> {
                    ResultWriter.images(exchange, snapshot, model, images, single,
                            request.effectiveFormat().mediaFormat(), spool);
                    ResultWriter.gateway(message, gateway);
                });
    }
}
