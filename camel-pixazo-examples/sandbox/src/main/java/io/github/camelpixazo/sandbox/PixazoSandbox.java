package io.github.camelpixazo.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded stand-in for an image gateway on loopback - Pixazo by default, or Pixapi or EvoLink
 * ({@link Builder#gateway(SandboxGateway)}) - speaking that gateway's wire protocol (paths, authentication, task
 * shapes, multipart edits, synchronous answers, callbacks, error bodies, media downloads) with no real API key and no
 * internet, plus faults and latency on demand.
 *
 * <pre>{@code
 * try (PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofMillis(200)).build().start()) {
 *     String baseUrl = sandbox.baseUrl(); // http://127.0.0.1:<port>
 *     sandbox.faults().rateLimitSubmits(2, Duration.ofSeconds(1));
 *     ...
 * }
 * }</pre>
 *
 * <p>Two HTTP servers: the API on {@link #baseUrl()}, and the media host (the gateway's CDN, a different
 * origin that needs no key) on {@link #mediaBaseUrl()}. A sandbox is started once and stopped once.
 */
public final class PixazoSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PixazoSandbox.class);
    private static final String HOST = "127.0.0.1";
    private static final int API_THREADS = 16;
    private static final int MEDIA_THREADS = 4;
    private static final int WEBHOOK_THREADS = 2;
    private static final int BACKLOG = 4096;
    private static final int MEDIA_CACHE_ENTRIES = 16;
    private static final long MEDIA_CACHE_BYTES = 64L * 1024 * 1024;

    private final SandboxSettings settings;
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxRecords records = new SandboxRecords();
    private final JobStore jobs = new JobStore();
    private final RenderedMediaCache mediaCache = new RenderedMediaCache(MEDIA_CACHE_ENTRIES, MEDIA_CACHE_BYTES);
    private final Object lifecycle = new Object();
    private State state = State.NEW;
    private HttpServer apiServer;
    private HttpServer mediaServer;
    private ExecutorService apiExecutor;
    private ExecutorService mediaExecutor;
    private ExecutorService webhookExecutor;
    private ScheduledThreadPoolExecutor scheduler;
    private WebhookDispatcher webhooks;
    private volatile String baseUrl;
    private volatile String mediaBaseUrl;

    private enum State { NEW, STARTED, STOPPED }

    private PixazoSandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds both servers and starts serving; returns this for chaining. */
    public PixazoSandbox start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("A sandbox can be started only once; it is " + state);
            }
            try {
                InetAddress loopback = InetAddress.getByName(HOST);
                apiServer = bind(loopback, settings.port(), "API");
                mediaServer = bind(loopback, settings.mediaPort(), "media");
            } catch (UnknownHostException e) {
                throw new IllegalStateException("No loopback address", e);
            } catch (UncheckedIOException e) {
                if (apiServer != null) {
                    apiServer.stop(0);
                }
                throw e;
            }
            baseUrl = "http://" + HOST + ":" + apiServer.getAddress().getPort() + settings.basePath();
            mediaBaseUrl = "http://" + HOST + ":" + mediaServer.getAddress().getPort();

            scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("scheduler"));
            scheduler.setRemoveOnCancelPolicy(true);
            apiExecutor = Executors.newFixedThreadPool(API_THREADS, new NamedThreadFactory("api"));
            mediaExecutor = Executors.newFixedThreadPool(MEDIA_THREADS, new NamedThreadFactory("media"));
            webhookExecutor = Executors.newFixedThreadPool(WEBHOOK_THREADS, new NamedThreadFactory("webhook"));
            Protocol[] protocol = new Protocol[1];
            webhooks = new WebhookDispatcher(scheduler, webhookExecutor, jobs, records, faults, () -> mediaBaseUrl,
                    (job, nanoTime, media) -> protocol[0].callbackPayload(job, nanoTime, media));
            protocol[0] = protocol(new ApiKeyCheck(settings.apiKey(), settings.gateway()));
            apiServer.createContext("/", new ApiHandler(settings.basePath(), protocol[0], faults, scheduler, apiExecutor));
            apiServer.setExecutor(apiExecutor);
            mediaServer.createContext("/", new MediaHandler(jobs, mediaCache, records));
            mediaServer.setExecutor(mediaExecutor);
            apiServer.start();
            mediaServer.start();
            state = State.STARTED;
        }
        LOG.info("{} sandbox started: API {} ({}), media {}, processing time {}", settings.gateway().displayName(),
                baseUrl, (settings.apiKey() == null ? "any non-blank " : "one configured ")
                        + (settings.gateway() == SandboxGateway.PIXAZO ? "subscription key" : "Bearer key"),
                mediaBaseUrl, settings.processingTime());
        return this;
    }

    /** The selected gateway's protocol over the shared job store, faults, records and media host. */
    private Protocol protocol(ApiKeyCheck keyCheck) {
        JobIntake intake = new JobIntake(settings, faults, jobs, webhooks);
        return switch (settings.gateway()) {
            case PIXAZO -> new PixazoProtocol(
                    new SubmitEndpoint(settings, keyCheck, faults, records, jobs, webhooks, () -> baseUrl),
                    new StatusEndpoint(keyCheck, faults, records, jobs, () -> mediaBaseUrl));
            case PIXAPI -> new PixapiProtocol(keyCheck, faults, records, jobs, intake, mediaCache, () -> mediaBaseUrl);
            case EVOLINK -> new EvolinkProtocol(settings, keyCheck, faults, records, jobs, intake, () -> mediaBaseUrl);
        };
    }

    /** Stops both servers and all sandbox threads. Idempotent. */
    public void stop() {
        synchronized (lifecycle) {
            if (state != State.STARTED) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPED;
            apiServer.stop(0);
            mediaServer.stop(0);
            for (ExecutorService executor : List.of(scheduler, apiExecutor, mediaExecutor, webhookExecutor)) {
                executor.shutdownNow();
            }
            for (ExecutorService executor : List.of(scheduler, apiExecutor, mediaExecutor, webhookExecutor)) {
                awaitTermination(executor);
            }
            jobs.clear();
            mediaCache.clear();
        }
        LOG.info("{} sandbox stopped: {}", settings.gateway().displayName(), baseUrl);
    }

    @Override
    public void close() {
        stop();
    }

    /** Forgets all jobs, records and faults (and pending webhooks), as at start. */
    public void reset() {
        jobs.clear();
        if (webhooks != null) {
            webhooks.cancelAll();
        }
        mediaCache.clear();
        faults.clear();
        records.clear();
    }

    /** The API base URL for clients, {@code http://127.0.0.1:<port>} plus the base path. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /** Where media URLs point, {@code http://127.0.0.1:<mediaPort>}: another origin, as the real CDN is. */
    public String mediaBaseUrl() {
        requireStarted();
        return mediaBaseUrl;
    }

    public int port() {
        requireStarted();
        return apiServer.getAddress().getPort();
    }

    public int mediaPort() {
        requireStarted();
        return mediaServer.getAddress().getPort();
    }

    public Duration processingTime() {
        return settings.processingTime();
    }

    /** The gateway whose protocol this sandbox speaks. */
    public SandboxGateway gateway() {
        return settings.gateway();
    }

    /** Faults and latency to inject. */
    public SandboxFaults faults() {
        return faults;
    }

    /** What the sandbox received and did, for assertions. */
    public SandboxRecords records() {
        return records;
    }

    public boolean isRunning() {
        synchronized (lifecycle) {
            return state == State.STARTED;
        }
    }

    int jobCount() {
        return jobs.size();
    }

    int cachedImageCount() {
        return mediaCache.size();
    }

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("The sandbox has not been started");
        }
    }

    private static HttpServer bind(InetAddress address, int port, String role) {
        try {
            return HttpServer.create(new InetSocketAddress(address, port), BACKLOG);
        } catch (BindException e) {
            throw new UncheckedIOException("Cannot bind the sandbox " + role + " server to " + address.getHostAddress()
                    + ":" + port + " (port in use?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox " + role + " server", e);
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Sandbox threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configuration of a {@link PixazoSandbox}; every setting has a default. */
    public static final class Builder {

        private int port;
        private int mediaPort;
        private Duration processingTime = Duration.ofSeconds(2);
        private String apiKey;
        private String basePath = "";
        private boolean allowHttpLoopbackWebhooks = true;
        private SandboxGateway gateway = SandboxGateway.PIXAZO;

        private Builder() {
        }

        /** The gateway whose protocol to speak (default {@link SandboxGateway#PIXAZO}). */
        public Builder gateway(SandboxGateway gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        /** API port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = requirePort(port);
            return this;
        }

        /** Media host port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder mediaPort(int mediaPort) {
            this.mediaPort = requirePort(mediaPort);
            return this;
        }

        /**
         * How long a job takes: QUEUED for the first quarter, then PROCESSING, then terminal. Default 2 s;
         * {@link Duration#ZERO} makes the first status query see the terminal state.
         */
        public Builder processingTime(Duration processingTime) {
            Objects.requireNonNull(processingTime, "processingTime");
            if (processingTime.isNegative()) {
                throw new IllegalArgumentException("processingTime must not be negative: " + processingTime);
            }
            this.processingTime = processingTime;
            return this;
        }

        /** Makes this the only valid key; by default any non-blank key is accepted. */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank (use null to accept any key)");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** Mounts the API below a path prefix such as {@code /pixazo}, as some API managers do. */
        public Builder basePath(String basePath) {
            Objects.requireNonNull(basePath, "basePath");
            String trimmed = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
            if (!trimmed.isEmpty() && (!trimmed.startsWith("/") || trimmed.contains("//")
                    || trimmed.contains("?") || trimmed.contains("#"))) {
                throw new IllegalArgumentException("basePath must look like /prefix, got '" + basePath + "'");
            }
            this.basePath = trimmed;
            return this;
        }

        /**
         * Whether webhook URLs may be plain http when they point at a loopback host (default true, since the
         * sandbox itself runs on loopback). Other http URLs are always rejected, as by the gateway.
         */
        public Builder allowHttpLoopbackWebhooks(boolean allow) {
            this.allowHttpLoopbackWebhooks = allow;
            return this;
        }

        public PixazoSandbox build() {
            return new PixazoSandbox(new SandboxSettings(port, mediaPort, processingTime, apiKey, basePath,
                    allowHttpLoopbackWebhooks, gateway));
        }

        private static int requirePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            return port;
        }
    }
}
