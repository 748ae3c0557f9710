package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelpixazo.sandbox.MediaPaths.MediaRef;
import io.github.camelpixazo.sandbox.image.ImageEncoder;
import io.github.camelpixazo.sandbox.image.PictureSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media host, standing in for the gateway's CDN: serves the images of completed jobs without any
 * key, rendering them on first download. Records whether a client sent its API key here.
 */
final class MediaHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MediaHandler.class);

    private final JobStore jobs;
    private final RenderedMediaCache cache;
    private final SandboxRecords records;

    MediaHandler(JobStore jobs, RenderedMediaCache cache, SandboxRecords records) {
        this.jobs = jobs;
        this.cache = cache;
        this.records = records;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        boolean carriedKey = ApiKeyCheck.isPresent(exchange.getRequestHeaders());
        Optional<MediaRef> ref = MediaPaths.parse(path);
        Reply reply;
        try {
            reply = reply(method, ref);
        } catch (RuntimeException e) {
            LOG.warn("Sandbox failed to serve {}", path, e);
            reply = Reply.text(500, "Internal Server Error");
        }
        LOG.debug("Media {} {} -> {} ({})", method, path, reply.status(),
                carriedKey ? "subscription key present: clients should not send it here" : "no subscription key");
        // recorded before answering, so a test that got the answer also sees the record
        records.addMediaRequest(new RecordedMediaRequest(method, path, ref.map(MediaRef::requestId).orElse(null),
                carriedKey, reply.status(), Instant.now()));
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        HttpExchanges.send(exchange, reply.status(), reply.contentType(), reply.body());
    }

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply text(int status, String text) {
            return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private Reply reply(String method, Optional<MediaRef> ref) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Reply notAllowed = Reply.text(405, "Method Not Allowed");
            return new Reply(405, notAllowed.contentType(), notAllowed.body(), Map.of("Allow", "GET, HEAD"));
        }
        Job job = ref.map(r -> jobs.get(r.requestId())).orElse(null);
        if (job == null || !isServable(job, ref.get())) {
            return Reply.text(404, "Not Found");
        }
        int index = ref.get().index();
        byte[] image = cache.get(job.requestId() + "/" + index, () -> ImageEncoder.render(pictureSpec(job, index)));
        return new Reply(200, job.model().mediaType(job.request().format()), image,
                Map.of("Cache-Control", "public, max-age=86400"));
    }

    /** Like an object store: files exist once the job completed, under the job's format extension. */
    private static boolean isServable(Job job, MediaRef ref) {
        GenerationRequest request = job.request();
        return job.statusAt(System.nanoTime()) == JobStatus.COMPLETED
                && ref.index() <= request.imageCount()
                && ref.extension().equals(request.format().wireName());
    }

    /** The picture of the {@code index}-th image (1-based) of a job, for the media host and for base64 answers. */
    static PictureSpec pictureSpec(Job job, int index) {
        GenerationRequest request = job.request();
        return new PictureSpec(request.prompt(), job.model().id(), job.requestId(), index, request.imageCount(),
                request.width(), request.height(), request.format(), request.compression(), request.transparent(),
                request.edit());
    }
}
