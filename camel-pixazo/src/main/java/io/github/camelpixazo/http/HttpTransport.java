package io.github.camelpixazo.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.media.SpoolWriter;
import io.github.camelpixazo.media.TempFiles;

/**
 * Non-blocking HTTP/1.1 on the JDK's {@link HttpClient}. One instance per component serves every call of every job,
 * however many are in flight: a waiting call is a pending future, the client's work runs on the small executor the
 * settings give (named threads), and each response body flows chunk by chunk into a {@link BodySink}.
 * <p>
 * What the JDK client lacks, this class adds: a FIFO limit of calls in flight ({@code maxConnections}, see
 * {@link ConnectionLimiter}), a read timeout that also covers the body (the server silent for longer than
 * {@code readTimeout}), and a per-call time limit (the caller's deadline) that cancels the exchange wherever it is.
 * The client never retries by itself (a blindly repeated submit is billed twice: retries are decided by the job
 * layer) and follows redirects only for calls that ask for it, never from https to http. It logs nothing unless the
 * JVM is started with {@code -Djdk.httpclient.HttpClient.log=...}.
 */
public final class HttpTransport implements AutoCloseable {

    private final HttpTransportSettings settings;
    private final ConnectionLimiter limiter;
    private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();
    private final Set<Call<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private record ClientKey(boolean followRedirects, Duration connectTimeout) {
    }

    /** A transport; its clients are built on first use, one per redirect policy and connect timeout. */
    public HttpTransport(HttpTransportSettings settings) {
        this.settings = settings;
        this.limiter = new ConnectionLimiter(settings.maxConnections(), settings.executor());
    }

    /**
     * Sends the call and buffers the answer (any status) in memory, up to {@link HttpCall#maxResponseBytes()}. The
     * future completes on one of the transport's threads.
     */
    public CompletableFuture<HttpReply> execute(HttpCall call) {
        return execute(call, BufferingSink::new);
    }

    /**
     * Sends the call; once the status and headers are in, {@code handler} decides where the body goes. The future
     * completes with the sink's result, or with the failure: an {@link IOException} ({@link HttpTimeoutException}
     * for a read timeout, {@link TimeLimitExceededException} when the call's time limit passed,
     * {@link ResponseTooLargeException}, {@link java.net.ConnectException} when nothing could be sent, ...).
     * Cancelling the future aborts the exchange.
     */
    public <T> CompletableFuture<T> execute(HttpCall call, ResponseHandler<T> handler) {
        Call<T> exchange = new Call<>(call, handler);
        if (closed) {
            exchange.result.completeExceptionally(new IOException("The HTTP transport is closed: " + call));
            return exchange.result;
        }
        inFlight.add(exchange);
        exchange.result.whenComplete((value, error) -> {
            inFlight.remove(exchange);
            exchange.cleanUp();
        });
        exchange.start();
        return exchange.result;
    }

    /**
     * Sends the call and keeps the whole answer: a successful body streams into {@code spool} (in memory up to its
     * threshold, then a temporary file registered with its {@link TempFiles}), an unsuccessful one is buffered in
     * memory up to {@code maxErrorBytes} (beyond, the call fails with {@link ResponseTooLargeException}). For API
     * answers that may carry images inline (base64): their size then does not decide the heap they need.
     */
    public CompletableFuture<SpooledReply> executeSpooled(HttpCall call, SpoolSettings spool, TempFiles files,
                                                          String prefix, long maxErrorBytes) {
        return execute(call, head -> {
            Map<String, String> first = new java.util.HashMap<>();
            head.headers().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    first.put(name, values.get(0));
                }
            });
            if (!head.isSuccess()) {
                BufferingSink buffer = new BufferingSink(head);
                return new BodySink<SpooledReply>() {
                    private long received;

                    @Override
                    public void write(java.nio.ByteBuffer chunk) throws IOException {
                        received += chunk.remaining();
                        if (received > maxErrorBytes) {
                            throw new ResponseTooLargeException(maxErrorBytes);
                        }
                        buffer.write(chunk);
                    }

                    @Override
                    public SpooledReply complete() {
                        return SpooledReply.of(buffer.complete());
                    }

                    @Override
                    public void discard() {
                        buffer.discard();
                    }
                };
            }
            long announced = -1;
            try {
                String length = head.header("Content-Length");
                announced = length != null ? Long.parseLong(length.trim()) : -1;
            } catch (NumberFormatException unreadable) {
                // learnt as the body arrives
            }
            SpoolingSink body = new SpoolingSink(new SpoolWriter(spool, files, prefix, 64, announced));
            return new BodySink<SpooledReply>() {
                @Override
                public void write(java.nio.ByteBuffer chunk) throws IOException {
                    body.write(chunk);
                }

                @Override
                public SpooledReply complete() throws IOException {
                    return new SpooledReply(head.status(), first, body.complete());
                }

                @Override
                public void discard() {
                    body.discard();
                }

                @Override
                public void dispose(SpooledReply result) {
                    result.delete();
                }
            };
        });
    }

    /** Calls in flight right now, those waiting for a connection included. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Calls waiting for one of the {@code maxConnections} connections right now. */
    public int waitingForConnection() {
        return limiter.waiting();
    }

    /** Fails every call in flight (their exchanges are cancelled) and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        for (Call<?> call : new ArrayList<>(inFlight)) {
            call.fail(new IOException("The HTTP call was cancelled because the pixazo component stopped: " + call.call));
        }
    }

    private HttpClient client(HttpCall call) {
        return clients.computeIfAbsent(new ClientKey(call.followRedirects(), call.connectTimeout()), this::build);
    }

    private HttpClient build(ClientKey key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                // NORMAL never follows https -> http; API calls follow nothing
                .followRedirects(key.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .connectTimeout(key.connectTimeout())
                .executor(settings.executor());
        SSLContext sslContext = settings.sslContext();
        if (sslContext != null) {
            builder.sslContext(sslContext);
            // Camel's SSLContextParameters apply protocols and cipher suites to the engines the context creates; the
            // JDK client sets its own parameters on each engine, so hand it those of a configured engine
            builder.sslParameters(sslContext.createSSLEngine().getSSLParameters());
        }
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(settings.proxyHost().trim(), settings.proxyPort())));
        }
        if (settings.configurer() != null) {
            settings.configurer().configure(builder);
        }
        return builder.build();
    }

    /**
     * The JDK's request for a call. Header values are checked first ({@link io.github.camelpixazo.request.HeaderValues}): the JDK's own refusal
     * quotes the value, which may be the API key.
     *
     * @throws UnsendableRequestException when the request cannot be built; nothing was sent
     */
    private HttpRequest request(HttpCall call) throws UnsendableRequestException {
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            java.util.Optional<String> problem = io.github.camelpixazo.request.HeaderValues.problem(header.getValue());
            if (problem.isPresent()) {
                throw new UnsendableRequestException("The value of the HTTP header " + header.getKey() + " "
                        + problem.get() + ", which HTTP does not allow: nothing was sent.");
            }
        }
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri()).method(call.method(),
                    publisher(call.body()));
            call.headers().forEach(builder::header);
            if (settings.userAgent() != null) {
                builder.setHeader("User-Agent", settings.userAgent());
            }
            if (call.body() != null) {
                builder.setHeader("Content-Type", call.body().contentType());
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException refused) { // its message may quote a header value
            throw new UnsendableRequestException("The HTTP request to " + call.uri().getHost() + " could not be built ("
                    + refused.getClass().getSimpleName() + "): nothing was sent.");
        }
    }

    /** Segments are read while they are sent, each from a fresh stream, so a retried call sends them again whole. */
    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (RequestBody.Segment segment : body.segments()) {
            if (segment instanceof RequestBody.BytesSegment bytes) {
                parts.add(HttpRequest.BodyPublishers.ofByteArray(bytes.data()));
            } else {
                parts.add(HttpRequest.BodyPublishers.ofInputStream(() -> new LazyStream(segment)));
            }
        }
        long length = body.contentLength();
        if (length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher all = parts.size() == 1 ? parts.get(0)
                : HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
        // a known length is sent as Content-Length rather than chunked
        return length > 0 && all.contentLength() != length ? HttpRequest.BodyPublishers.fromPublisher(all, length) : all;
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One call in flight: waiting for a connection, sending, or receiving; and its timers. */
    private final class Call<T> {
        private final HttpCall call;
        private final ResponseHandler<T> handler;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final long deadline;
        private final long readTimeout;
        private volatile long lastActivity;
        private volatile boolean sending;
        private CompletableFuture<ConnectionLimiter.Permit> permitWait;
        private ConnectionLimiter.Permit permit;
        private CompletableFuture<HttpResponse<T>> response;
        private SinkSubscriber<T> subscriber;
        private ScheduledFuture<?> watch;

        Call(HttpCall call, ResponseHandler<T> handler) {
            this.call = call;
            this.handler = handler;
            long now = System.nanoTime();
            Duration limit = call.timeLimit();
            this.deadline = limit == null ? Long.MAX_VALUE : now + Math.max(0, limit.toNanos());
            this.readTimeout = call.readTimeout().toNanos();
            this.lastActivity = now;
        }

        void start() {
            scheduleWatch();
            CompletableFuture<ConnectionLimiter.Permit> wait = limiter.acquire();
            synchronized (this) {
                permitWait = wait;
            }
            wait.whenComplete((granted, error) -> {
                if (error != null) {
                    fail(error);
                } else if (granted(granted)) {
                    send();
                }
            });
        }

        private synchronized boolean granted(ConnectionLimiter.Permit granted) {
            if (result.isDone()) {
                granted.release();
                return false;
            }
            permit = granted;
            sending = true;
            lastActivity = System.nanoTime();
            return true;
        }

        private void send() {
            scheduleWatch(); // the read timeout counts from now
            try {
                CompletableFuture<HttpResponse<T>> sent = client(call).sendAsync(request(call), this::subscriber);
                synchronized (this) {
                    response = sent;
                }
                if (result.isDone()) {
                    sent.cancel(true);
                    return;
                }
                // Only failures before any body (connect, TLS, ...) are taken from the client's future: it completes
                // on CompletableFuture's default async pool (HttpClientImpl.sendAsync hops there on purpose), which
                // on machines with fewer than 3 cores is a new thread per task. Results come from the body itself.
                sent.whenComplete((reply, error) -> {
                    if (error != null) {
                        fail(unwrap(error));
                    }
                });
            } catch (Throwable e) {
                fail(e);
            }
        }

        private HttpResponse.BodySubscriber<T> subscriber(HttpResponse.ResponseInfo info) {
            lastActivity = System.nanoTime();
            SinkSubscriber<T> created;
            try {
                BodySink<T> sink = handler.open(new ResponseHead(info.statusCode(), info.headers().map()));
                created = new SinkSubscriber<>(sink, call.maxResponseBytes(), () -> lastActivity = System.nanoTime());
            } catch (Throwable e) {
                created = SinkSubscriber.failing(e);
            }
            synchronized (this) {
                subscriber = created;
            }
            if (result.isDone()) {
                created.abort(new IOException("The call ended before its body was read"));
            }
            SinkSubscriber<T> body = created;
            created.getBody().whenComplete((value, error) -> completeOnTransportThread(body, value, error));
            return created;
        }

        /**
         * Completes the call on one of the transport's own threads, so the stages the callers chained (parsing,
         * retries) never run on the client's selector thread.
         */
        private void completeOnTransportThread(SinkSubscriber<T> body, T value, Throwable error) {
            Runnable complete = () -> {
                if (error != null) {
                    fail(unwrap(error));
                } else if (!result.complete(value)) {
                    body.dispose(value); // the call had failed meanwhile: release the late result
                }
            };
            try {
                settings.executor().execute(complete);
            } catch (RuntimeException stopping) {
                complete.run();
            }
        }

        void fail(Throwable error) {
            result.completeExceptionally(error); // cleanUp follows through whenComplete
        }

        /** Runs once the result is set: stops whatever is still going and gives the connection back. */
        void cleanUp() {
            ScheduledFuture<?> timer;
            CompletableFuture<ConnectionLimiter.Permit> wait;
            CompletableFuture<HttpResponse<T>> sent;
            SinkSubscriber<T> body;
            ConnectionLimiter.Permit held;
            synchronized (this) {
                timer = watch;
                wait = permitWait;
                sent = response;
                body = subscriber;
                held = permit;
                permit = null;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            if (wait != null && !wait.isDone()) {
                wait.cancel(false); // gives up the place in the queue
            }
            if (result.isCompletedExceptionally()) {
                Throwable cause = result.handle((v, e) -> e).join();
                if (body != null) {
                    body.abort(cause);
                }
                if (sent != null && !sent.isDone()) {
                    sent.cancel(true); // JDK 16+: aborts the exchange and closes its connection
                }
            }
            if (held != null) {
                held.release();
            }
        }

        private void scheduleWatch() {
            long now = System.nanoTime();
            long next = deadline;
            if (sending) {
                next = Math.min(next, lastActivity + readTimeout);
            }
            if (next == Long.MAX_VALUE) {
                return;
            }
            try {
                ScheduledFuture<?> timer = settings.timer().schedule(this::check, Math.max(0, next - now),
                        TimeUnit.NANOSECONDS);
                ScheduledFuture<?> previous;
                synchronized (this) {
                    previous = watch;
                    watch = timer;
                }
                if (previous != null) {
                    previous.cancel(false);
                }
                if (result.isDone()) {
                    timer.cancel(false);
                }
            } catch (RejectedExecutionException stopping) {
                // the component is stopping: close() fails this call
            }
        }

        private void check() {
            if (result.isDone()) {
                return;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                fail(new TimeLimitExceededException(call.timeLimit(), sending));
            } else if (sending && now - lastActivity >= readTimeout) {
                fail(new HttpTimeoutException("No data from " + call.uri().getHost() + " within readTimeout="
                        + call.readTimeout().toMillis() + " ms"));
            } else {
                scheduleWatch();
            }
        }
    }

    /** Opens its segment on first read, inside the client's reading loop, where an IOException fails the call. */
    private static final class LazyStream extends InputStream {
        private final RequestBody.Segment segment;
        private InputStream stream;

        LazyStream(RequestBody.Segment segment) {
            this.segment = segment;
        }

        private InputStream stream() throws IOException {
            if (stream == null) {
                stream = segment.open();
            }
            return stream;
        }

        @Override
        public int read() throws IOException {
            return stream().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return stream().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
