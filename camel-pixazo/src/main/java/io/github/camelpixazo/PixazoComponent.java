package io.github.camelpixazo;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpClientConfigurer;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.http.HttpTransportSettings;
import io.github.camelpixazo.job.JobWaiter;
import io.github.camelpixazo.job.Retrier;
import io.github.camelpixazo.producer.SpooledImageCache;
import io.github.camelpixazo.producer.WorkerPool;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.TypeConverterSupport;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * GPT Image 2 and GPT Image 1.5 image generation and editing through the Pixazo, Pixapi or EvoLink API gateway (the
 * option {@code gateway}). The component owns what every endpoint shares: one non-blocking HTTP client, one scheduler
 * for status polls and retries, and a small worker pool that continues routes when their jobs finish.
 * <p>
 * Several gateways in one CamelContext, each with its own key: register the component once per gateway under a name of
 * its own (a bean {@code pixapi} of this class with {@code gateway=pixapi}), so each has its own {@code apiKey} and
 * {@code baseUrl}; an endpoint that selects another gateway than its component's never inherits the component's key or
 * base URL (see {@code createEndpoint}).
 */
@Component("pixazo")
public class PixazoComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata(label = "advanced", description = "Default options of every pixazo endpoint.")
    private PixazoConfiguration configuration = new PixazoConfiguration();

    @Metadata(label = "security", displayName = "SSL Context Parameters",
              description = "TLS configuration of the HTTP client (trust store, key store, protocols), the Camel way.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false", displayName = "Use Global SSL Context Parameters",
              description = "Use the global SSLContextParameters of the Camel context.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "proxy", description = "An HTTP proxy host for every call (API and downloads).")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @Metadata(label = "advanced", defaultValue = "100", description = "The most HTTP calls in flight at once, which is"
                                                                      + " the most connections open (HTTP/1.1: one per"
                                                                      + " call), API and downloads together. More calls"
                                                                      + " wait their turn in order, without holding a"
                                                                      + " thread.")
    private int maxConnections = 100;

    @Metadata(label = "advanced", defaultValue = "4", description = "Threads kept to continue routes when their jobs"
                                                                    + " finish. Waiting for jobs uses none of them:"
                                                                    + " polling is scheduled and HTTP is non-blocking.")
    private int workerPoolSize = 4;

    @Metadata(label = "advanced", defaultValue = "100", description = "The most threads continuing routes at the same"
                                                                      + " time; more are started only while all are"
                                                                      + " busy (for example in routes that block), and"
                                                                      + " end after 60 s idle. Beyond it finished jobs"
                                                                      + " queue for a free thread: route work never runs"
                                                                      + " on an HTTP thread.")
    private int workerPoolMaxSize = 100;

    @Metadata(label = "advanced", autowired = true, displayName = "HTTP Client Configurer",
              description = "A last say over the JDK java.net.http.HttpClient builder (e.g. proxy authentication with"
                            + " an Authenticator, a ProxySelector); applied after the component's own settings. A"
                            + " single bean of this type in the registry is used automatically.")
    private HttpClientConfigurer httpClientConfigurer;

    private volatile HttpTransport transport;
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService httpExecutor;
    private volatile WorkerPool workerPool;
    /** Environment variables; replaced in tests. */
    private volatile UnaryOperator<String> environment = System::getenv;
    private volatile Retrier retrier;
    private volatile JobWaiter jobWaiter;
    private volatile boolean stopped;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PixazoOperation operation = PixazoEndpoint.parseOperation(remaining);
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : "pixazo";
        // before Camel converts them: some bad texts would silently become other values (n=abc becomes 0)
        Map<String, String> given = GivenOptions.of(getCamelContext(), scheme, uri, parameters);
        boolean keyGiven = hasParameter(parameters, "apiKey");
        boolean baseUrlGiven = hasParameter(parameters, "baseUrl");
        PixazoEndpoint endpoint = new PixazoEndpoint(uri, this, operation, configuration.copy());
        endpoint.setGivenOptions(given);
        setProperties(endpoint, parameters);
        confineToGateway(endpoint.getConfiguration(), keyGiven, baseUrlGiven);
        return endpoint;
    }

    /**
     * A key and a base URL belong to one gateway: an endpoint that selects another gateway than this component's
     * does not inherit the component's apiKey or baseUrl (it takes its own, or that gateway's environment variable and
     * documented base URL), so a key configured for one gateway is never sent to another.
     */
    private void confineToGateway(PixazoConfiguration endpoint, boolean keyGiven, boolean baseUrlGiven) {
        if (gatewayId(endpoint.getGateway()).equals(gatewayId(configuration.getGateway()))) {
            return;
        }
        if (!keyGiven) {
            endpoint.setApiKey(null);
        }
        if (!baseUrlGiven) {
            endpoint.setBaseUrl(null);
        }
    }

    private static String gatewayId(String gateway) {
        return gateway == null || gateway.isBlank() ? "pixazo" : gateway.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the URI sets an option (Camel binds names ignoring case and dashes). */
    private static boolean hasParameter(Map<String, Object> parameters, String option) {
        return parameters.keySet().stream().anyMatch(name -> name.replace("-", "").equalsIgnoreCase(option));
    }

    /**
     * Camel's check for URI parameters no option took, with what the user probably meant ("did you mean 'size'?")
     * instead of Camel's generic "unknown parameters" text. Java, YAML and XML routes all create endpoints here.
     */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        if (optionPrefix != null || parameters == null || parameters.isEmpty()) {
            super.validateParameters(uri, parameters, optionPrefix);
            return;
        }
        OptionCatalog catalog = OptionCatalog.get();
        Map.Entry<String, Object> first = parameters.entrySet().iterator().next();
        StringBuilder problem = new StringBuilder(catalog.unknownParameterProblem(first.getKey(), "pixazo"));
        parameters.keySet().stream().skip(1).forEach(other -> problem.append(" Also: ")
                .append(catalog.unknownParameterProblem(other, "pixazo")));
        // the value is not quoted: a misspelt apiKey would print the key
        throw new PixazoValidationException(first.getKey(), null, problem.toString());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopped = false;
        // Camel would convert a spooled image as an InputStream (from where it was read to); its bytes are the whole
        // image, as for a byte[] body
        getCamelContext().getTypeConverterRegistry().addTypeConverter(byte[].class, SpooledImageCache.class,
                new TypeConverterSupport() {
                    @Override
                    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                        try {
                            return type.cast(((SpooledImageCache) value).toByteArray());
                        } catch (java.io.IOException e) {
                            throw new TypeConversionException(value, type, e);
                        }
                    }
                });
        startSharedResources();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        stopped = true;
        // fail what is still pending first: their routes get a clear message while the worker pool can still run
        // them; then cancel the HTTP calls still in flight (the JDK client has no close() before Java 21)
        if (jobWaiter != null) {
            jobWaiter.abandonAll();
        }
        if (retrier != null) {
            retrier.abandonAll();
        }
        if (transport != null) {
            transport.close();
        }
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        if (workerPool != null) {
            workerPool.shutdownGracefully(executors.getShutdownAwaitTermination());
        }
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
        }
        if (httpExecutor != null) {
            executors.shutdownNow(httpExecutor);
        }
        // spooled bodies still held (an aggregation that never completed, a bean that kept one) go with the component
        SpooledImageCache.deleteAll(getCamelContext());
        transport = null;
        scheduler = null;
        workerPool = null;
        httpExecutor = null;
        retrier = null;
        jobWaiter = null;
        super.doStop();
    }

    private synchronized void startSharedResources() throws Exception {
        if (transport != null) {
            return;
        }
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        // one task per waiting job: Camel's default queue limit (1000) would reject the 1001st job
        ThreadPoolProfile timers = new ThreadPoolProfile("PixazoScheduler");
        timers.setPoolSize(1);
        timers.setMaxQueueSize(-1);
        // after shutdown a task must be refused loudly (Camel's default CallerRuns silently drops it), so the
        // exchange waiting for it fails instead of waiting forever
        timers.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        scheduler = executors.newScheduledThreadPool(this, "PixazoScheduler", timers);
        // Finished jobs continue their routes here: grows while all workers are busy (a route that blocks, even on
        // another pixazo call, cannot starve the completion it waits for), then queues. Never the HTTP threads.
        String pattern = executors.getThreadNamePattern();
        CamelThreadFactory late = new CamelThreadFactory(pattern, "PixazoWorkerAfterStop", true);
        workerPool = new WorkerPool(workerPoolSize, workerPoolMaxSize, 60L,
                new CamelThreadFactory(pattern, "PixazoWorker", true), task -> late.newThread(task).start());
        retrier = new Retrier(scheduler);
        jobWaiter = new JobWaiter(scheduler);
        // the JDK client's own work (sending, reading, completing futures): a few named threads, never route work
        ThreadPoolProfile http = new ThreadPoolProfile("PixazoHttp");
        int httpThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        http.setPoolSize(httpThreads);
        http.setMaxPoolSize(httpThreads);
        http.setMaxQueueSize(Integer.MAX_VALUE); // -1 would mean a SynchronousQueue for Camel's thread pools
        http.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        httpExecutor = executors.newThreadPool(this, "PixazoHttp", http);

        SSLContextParameters tls = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        SSLContext sslContext = tls != null ? tls.createSSLContext(getCamelContext()) : null;
        transport = new HttpTransport(new HttpTransportSettings(maxConnections, sslContext, proxyHost,
                proxyPort != null ? proxyPort : 80, "camel-pixazo", httpExecutor, scheduler, httpClientConfigurer));
    }

    /** The number of jobs this component is waiting for right now (for monitoring). */
    public int getJobsInFlight() {
        JobWaiter waiter = jobWaiter;
        return waiter != null ? waiter.inFlight() : 0;
    }

    // Endpoints and producers take these when they start. Created on first use; once the component has stopped a
    // late caller gets an error rather than a resurrected client nobody would close.

    synchronized HttpTransport transport() throws Exception {
        requireRunning();
        return transport;
    }

    synchronized Retrier retrier() throws Exception {
        requireRunning();
        return retrier;
    }

    synchronized JobWaiter jobWaiter() throws Exception {
        requireRunning();
        return jobWaiter;
    }

    synchronized Executor workerPool() throws Exception {
        requireRunning();
        return workerPool;
    }

    synchronized ScheduledExecutorService scheduler() throws Exception {
        requireRunning();
        return scheduler;
    }

    UnaryOperator<String> environment() {
        return environment;
    }

    /** Replaces the environment lookup (for tests: the JVM's environment cannot be changed). */
    void setEnvironment(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    private void requireRunning() throws Exception {
        if (stopped) {
            throw new IllegalStateException("The pixazo component is stopped");
        }
        startSharedResources();
    }

    public PixazoConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options of every pixazo endpoint. */
    public void setConfiguration(PixazoConfiguration configuration) {
        this.configuration = configuration;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public int getWorkerPoolMaxSize() {
        return workerPoolMaxSize;
    }

    public void setWorkerPoolMaxSize(int workerPoolMaxSize) {
        this.workerPoolMaxSize = workerPoolMaxSize;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }
}
