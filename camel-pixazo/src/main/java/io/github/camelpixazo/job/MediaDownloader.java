package io.github.camelpixazo.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.camelpixazo.error.PixazoException;
import io.github.camelpixazo.error.PixazoLocalIoException;
import io.github.camelpixazo.error.PixazoTimeoutException;
import io.github.camelpixazo.http.BodySink;
import io.github.camelpixazo.http.HttpCall;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.http.ResponseHead;
import io.github.camelpixazo.http.RetryAfter;
import io.github.camelpixazo.http.SpoolingSink;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.media.LocalIoException;
import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.media.SpoolWriter;
import io.github.camelpixazo.media.SpooledData;
import io.github.camelpixazo.media.TempFiles;

/**
 * Downloads result images from the URLs the gateway returns (a CDN, usually another host). Downloads never carry the
 * API key, follow redirects (never from https to http), and stream: a body larger than the spool threshold goes to a
 * temporary file as it arrives, so memory does not grow with image size, nor with {@code n}.
 * <p>
 * The job was accepted and paid for, so a failed download is retried by the one rule of
 * {@link FailureKinds#transientAfterAcceptance} until the job's deadline (obeying {@code Retry-After}); each attempt
 * gets only what is left of the deadline, so a download dripping in slowly is cut there. Expiry is a
 * {@link PixazoTimeoutException} with the request id.
 */
public final class MediaDownloader {

    /** Far above any image the models produce (a 3840x2160 PNG is a few tens of MB); guards the disk. */
    public static final long MAX_IMAGE_BYTES = 200L * 1024 * 1024;

    /** Enough leading bytes to sniff the format. */
    private static final int HEAD_BYTES = 64;

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

    /** The answer to one download attempt: the head, and the body when it was a success (else null). */
    private record Reply(ResponseHead head, SpooledData body) {
    }

    /**
     * Downloads all URLs concurrently; completes when all are there, or fails with the first failure (the others are
     * cancelled, and what was already received is deleted).
     *
     * @param spool     which images go to a temporary file rather than the heap, and where
     * @param tempFiles where the temporary files of this exchange are registered, deleted when it completes
     */
    public CompletableFuture<List<DownloadedImage>> downloadAll(List<String> urls, String announcedMediaType,
                                                                String requestId, Deadline deadline,
                                                                SpoolSettings spool, TempFiles tempFiles) {
        return downloadAll(urls, announcedMediaType, requestId, deadline, spool, tempFiles, JobEvents.NONE);
    }

    /** As {@link #downloadAll(List, String, String, Deadline, SpoolSettings, TempFiles)}, telling each retry. */
    public CompletableFuture<List<DownloadedImage>> downloadAll(List<String> urls, String announcedMediaType,
                                                                String requestId, Deadline deadline,
                                                                SpoolSettings spool, TempFiles tempFiles,
                                                                JobEvents events) {
        List<CompletableFuture<DownloadedImage>> downloads = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            downloads.add(download(urls.get(i), announcedMediaType, requestId, i + 1, deadline, spool, tempFiles,
                    events));
        }
        CompletableFuture<List<DownloadedImage>> all = new CompletableFuture<>();
        for (CompletableFuture<DownloadedImage> download : downloads) {
            download.whenComplete((image, error) -> {
                if (error != null) {
                    all.completeExceptionally(Retrier.unwrap(error));
                } else if (downloads.stream().allMatch(d -> d.isDone() && !d.isCompletedExceptionally())) {
                    all.complete(downloads.stream().map(CompletableFuture::join).toList());
                }
            });
        }
        all.whenComplete((images, error) -> {
            if (error != null) {
                for (CompletableFuture<DownloadedImage> download : downloads) {
                    if (!download.cancel(true) && !download.isCompletedExceptionally()) {
                        download.join().data().delete();
                    }
                }
            }
        });
        return all;
    }

    /** Downloads one URL (the {@code index}-th image of the job) within the deadline. */
    public CompletableFuture<DownloadedImage> download(String url, String announcedMediaType, String requestId, int index,
                                                       Deadline deadline, SpoolSettings spool, TempFiles tempFiles) {
        return download(url, announcedMediaType, requestId, index, deadline, spool, tempFiles, JobEvents.NONE);
    }

    /** As {@link #download(String, String, String, int, Deadline, SpoolSettings, TempFiles)}, telling each retry. */
    public CompletableFuture<DownloadedImage> download(String url, String announcedMediaType, String requestId, int index,
                                                       Deadline deadline, SpoolSettings spool, TempFiles tempFiles,
                                                       JobEvents events) {
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
        HttpCall call = new HttpCall("GET", uri, Map.of("Accept", "image/*"), null, connectTimeout, readTimeout, null,
                true, MAX_IMAGE_BYTES);
        String afterwards = " The job is complete and paid: get its URLs again with pixazo:status and download them"
                            + " soon, they expire.";
        return retrier.run("the download of " + url + " for job " + requestId + "." + afterwards, deadline,
                timeLeft -> Futures.map(transport.execute(call.withTimeLimit(timeLeft), head -> sink(head, requestId,
                        index, spool, tempFiles)), reply -> toImage(reply, url, announcedMediaType, requestId)),
                (failure, retries) -> {
                    if (!FailureKinds.transientAfterAcceptance(failure)) {
                        return Optional.empty();
                    }
                    JobEvents.tell(events::retried);
                    return Optional.of(retryPolicy.delay(failure, retries + 1));
                },
                last -> new PixazoTimeoutException("The image " + url + " of job " + requestId + " could not be"
                        + " downloaded within jobTimeout=" + Durations.format(deadline.budget())
                        + (last != null ? " (last failure: " + JobClient.message(last) + ")" : "") + "." + afterwards,
                        requestId, last)).exceptionally(error -> {
                    Throwable failure = Retrier.unwrap(error);
                    if (failure instanceof PixazoException pixazo) {
                        throw pixazo;
                    }
                    LocalIoException local = FailureKinds.localCause(failure);
                    if (local != null) { // the disk, not the media host: downloading again would not help
                        throw new PixazoLocalIoException("Could not store the image " + url + " of job " + requestId
                                + ": " + local.getMessage() + afterwards, requestId, failure);
                    }
                    throw new PixazoException("Could not download " + url + " of job " + requestId + " ("
                            + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")." + afterwards,
                            0, null, null, requestId, failure);
                });
    }

    /** A success streams into the spool; an error's body is not needed and is dropped as it arrives. */
    private static BodySink<Reply> sink(ResponseHead head, String requestId, int index, SpoolSettings spool,
                                        TempFiles tempFiles) {
        if (!head.isSuccess()) {
            return new BodySink<>() {
                @Override
                public void write(ByteBuffer chunk) {
                    chunk.position(chunk.limit());
                }

                @Override
                public Reply complete() {
                    return new Reply(head, null);
                }

                @Override
                public void discard() {
                }
            };
        }
        long announced = -1;
        try {
            String length = head.header("Content-Length");
            announced = length != null ? Long.parseLong(length.trim()) : -1;
        } catch (NumberFormatException unreadable) {
            // then the size is learnt as the body arrives
        }
        SpoolingSink body = new SpoolingSink(new SpoolWriter(spool, tempFiles, requestId + "-" + index, HEAD_BYTES,
                announced));
        return new BodySink<>() {
            @Override
            public void write(ByteBuffer chunk) throws java.io.IOException {
                body.write(chunk);
            }

            @Override
            public Reply complete() throws java.io.IOException {
                return new Reply(head, body.complete());
            }

            @Override
            public void discard() {
                body.discard();
            }

            @Override
            public void dispose(Reply result) {
                result.body().delete();
            }
        };
    }

    private static DownloadedImage toImage(Reply reply, String url, String announcedMediaType, String requestId) {
        ResponseHead head = reply.head();
        if (!head.isSuccess()) {
            throw new PixazoException("Download of " + url + " for job " + requestId + " answered HTTP " + head.status()
                    + ". The job is complete and paid: get its URLs again with pixazo:status and download them soon,"
                    + " they expire.", head.status(), null, null, requestId, null)
                    .withRetryAfter(RetryAfter.parse(head.header("Retry-After"), Instant.now()));
        }
        SpooledData data = reply.body();
        ImageFormat format = ImageFormat.sniff(data.head()).orElse(null);
        String contentType = head.header("Content-Type");
        if (format == null && (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("image/"))) {
            data.delete();
            // e.g. an HTML error page answered with 200 by a CDN or proxy: not a result to hand to the route
            throw new PixazoException("Download of " + url + " for job " + requestId + " returned " + data.length()
                    + " bytes that are not an image (Content-Type " + contentType + "). Get the job's URLs again with"
                    + " pixazo:status.", head.status(), null, null, requestId, null);
        }
        String mediaType = format != null ? format.mediaType() : firstSpecific(contentType, announcedMediaType);
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
