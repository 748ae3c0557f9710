package io.github.camelpixazo.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.http.HttpCall;
import io.github.camelpixazo.http.HttpReply;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.job.FailureKinds;
import io.github.camelpixazo.job.Retrier;
import io.github.camelpixazo.job.RetryPolicy;

/**
 * Downloads result images from the URLs the gateway returns (a CDN, usually another host). Downloads never carry the
 * API key, follow redirects, are retried on 5xx and I/O errors, and are bounded in size.
 */
public final class MediaDownloader {

    /** Far above any image the models produce (a 3840x2160 PNG is a few tens of MB); guards the heap. */
    public static final long MAX_IMAGE_BYTES = 200L * 1024 * 1024;

    private final HttpTransport transport;
    private final Retrier retrier;
    private final RetryPolicy retryPolicy;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public MediaDownloader(HttpTransport transport, Retrier retrier, RetryPolicy retryPolicy, Duration connectTimeout,
                           Duration readTimeout) {
        this.transport = transport;
        this.retrier = retrier;
        this.retryPolicy = retryPolicy;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Downloads all URLs concurrently; completes when all are there, or with the first failure. */
    public CompletableFuture<List<DownloadedImage>> downloadAll(List<String> urls, String announcedMediaType,
                                                                String requestId) {
        List<CompletableFuture<DownloadedImage>> downloads = new ArrayList<>();
        for (String url : urls) {
            downloads.add(download(url, announcedMediaType, requestId));
        }
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new))
                .thenApply(done -> downloads.stream().map(CompletableFuture::join).toList());
    }

    public CompletableFuture<DownloadedImage> download(String url, String announcedMediaType, String requestId) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new PixazoException("Job " + requestId + " returned a media URL that is"
                    + " not a valid URL: " + url, 0, null, null, requestId, e));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return CompletableFuture.failedFuture(new PixazoException("Job " + requestId + " returned a media URL that is"
                    + " not http(s): " + url, 0, null, null, requestId, null));
        }
        HttpCall call = new HttpCall("GET", uri, Map.of("Accept", "image/*"), null, null, connectTimeout, readTimeout,
                true, MAX_IMAGE_BYTES);
        return retrier.run("the download of " + url + " for job " + requestId + ". The job is complete and paid:"
                           + " get its URLs again with pixazo:status and download them soon, they expire.",
                () -> transport.execute(call).thenApply(reply -> toImage(reply, url, announcedMediaType, requestId)),
                (failure, retries) -> retries < retryPolicy.maxRetries() && FailureKinds.transientForIdempotentCall(failure)
                        ? Optional.of(retryPolicy.backoff(retries + 1)) : Optional.empty()).exceptionally(error -> {
                    Throwable failure = Retrier.unwrap(error);
                    if (failure instanceof PixazoException pixazo) {
                        throw pixazo;
                    }
                    throw new PixazoException("Could not download " + url + " of job " + requestId + " ("
                            + failure.getClass().getSimpleName() + ": " + failure.getMessage() + "), also on retries."
                            + " The job is complete and paid: get its URLs again with pixazo:status and download them"
                            + " soon, they expire.", 0, null, null, requestId, failure);
                });
    }

    private static DownloadedImage toImage(HttpReply reply, String url, String announcedMediaType, String requestId) {
        if (!reply.isSuccess()) {
            throw new PixazoException("Download of " + url + " for job " + requestId + " answered HTTP " + reply.status()
                    + (reply.status() >= 500 ? ", also on retries" : "") + ". The job is complete and paid: get its"
                    + " URLs again with pixazo:status and download them soon, they expire.", reply.status(), null, null,
                    requestId, null);
        }
        byte[] data = reply.body();
        ImageFormat format = ImageFormat.sniff(data).orElse(null);
        String contentType = reply.header("Content-Type");
        if (format == null && (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("image/"))) {
            // e.g. an HTML error page answered with 200 by a CDN or proxy: not a result to hand to the route
            throw new PixazoException("Download of " + url + " for job " + requestId + " returned " + data.length
                    + " bytes that are not an image (Content-Type " + contentType + "). Get the job's URLs again with"
                    + " pixazo:status.", reply.status(), null, null, requestId, null);
        }
        String mediaType = format != null ? format.mediaType()
                : firstSpecific(contentType, announcedMediaType);
        return new DownloadedImage(url, data, format, mediaType);
    }

    private static String firstSpecific(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && !candidate.startsWith("application/octet-stream")) {
                return candidate;
            }
        }
        return "application/octet-stream";
    }
}
