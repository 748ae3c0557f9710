package io.github.camelpixazo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.gateway.PixazoGateway;
import io.github.camelpixazo.http.HttpClientConfigurer;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.http.HttpTransportSettings;
import io.github.camelpixazo.job.JobWaiter;
import io.github.camelpixazo.job.Retrier;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.CamelThreadFactory;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * GPT Image 2 and GPT Image 1.5 image generation and editing through the Pixazo API gateway. The component owns what
 * every endpoint shares: one non-blocking HTTP client, one scheduler for status polls and retries, and a small worker
 * pool that continues routes when their jobs finish.
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

    @Metadata(label = "advanced", defaultValue = "100", description = "The maximum number of pooled HTTP connections,"
                                                                      + " in total and per host.")
    private int maxConnections = 100;

    @Metadata(label = "advanced", defaultValue = "4", description = "Threads kept to continue routes when their jobs"
                                                                    + " finish. Waiting for jobs uses none of them:"
                                                                    + " polling is scheduled and HTTP is non-blocking.")
    private int workerPoolSize = 4;

    @Metadata(label = "advanced", defaultValue = "100", description = "The most threads continuing routes at the same"
                                                                      + " time; more are started only while all are"
                                                                      + " busy (for example in routes that block), and"
                                                                      + " end after 60 s idle.")
    private int workerPoolMaxSize = 100;

    @Metadata(label = "advanced", autowired = true, displayName = "HTTP Client Configurer",
              description = "A last say over the async HttpClient builder (e.g. proxy authentication,"
                            + " interceptors). A single bean of this type in the registry is used automatically.")
    private HttpClientConfigurer httpClientConfigurer;

    private final ImageGateway gateway = new PixazoGateway();
    private volatile HttpTransport transport;
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workerPool;
    private volatile Retrier retrier;
    private volatile JobWaiter jobWaiter;
    private volatile boolean stopped;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PixazoOperation operation = PixazoEndpoint.parseOperation(remaining);
        PixazoEndpoint endpoint = new PixazoEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopped = false;
        startSharedResources();
    }

    @Override
    protected synchronized void doStop() throws Exception {
        stopped = true;
        // fail what is still pending first: their routes get a clear message while the worker pool can still run
        // them (the scheduler runs nothing more after this, and the HTTP client cancels what it has in flight)
        if (jobWaiter != null) {
            jobWaiter.abandonAll();
        }
        if (retrier != null) {
            retrier.abandonAll();
        }
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
        }
        if (workerPool != null) {
            executors.shutdownGraceful(workerPool);
        }
        if (transport != null) {
            transport.close();
        }
        transport = null;
        scheduler = null;
        workerPool = null;
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
        // Finished jobs continue their routes here. No queue, so the pool grows when every worker is busy: a route
        // that blocks on another pixazo call (a ProducerTemplate in a bean) then cannot starve the completion it
        // waits for. Past workerPoolMaxSize a completion runs on the calling I/O thread (AsyncJobProducer).
        ThreadPoolProfile workers = new ThreadPoolProfile("PixazoWorker");
        workers.setPoolSize(workerPoolSize);
        workers.setMaxPoolSize(Math.max(workerPoolSize, workerPoolMaxSize));
        workers.setMaxQueueSize(0);
        workers.setAllowCoreThreadTimeOut(true);
        workers.setKeepAliveTime(60L);
        workers.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workerPool = executors.newThreadPool(this, "PixazoWorker", workers);
        retrier = new Retrier(scheduler);
        jobWaiter = new JobWaiter(scheduler);

        SSLContextParameters tls = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        SSLContext sslContext = tls != null ? tls.createSSLContext(getCamelContext()) : null;
        int ioThreads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        transport = new HttpTransport(new HttpTransportSettings(maxConnections, ioThreads,
                Duration.ofMillis(configuration.getConnectTimeout()), sslContext, proxyHost,
                proxyPort != null ? proxyPort : 80, "camel-pixazo", new CamelThreadFactory(
                        executors.getThreadNamePattern(), "PixazoHttp", true), httpClientConfigurer));
    }

    /** The number of jobs this component is waiting for right now (for monitoring). */
    public int getJobsInFlight() {
        JobWaiter waiter = jobWaiter;
        return waiter != null ? waiter.inFlight() : 0;
    }

    ImageGateway gateway() {
        return gateway;
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

    synchronized ExecutorService workerPool() throws Exception {
        requireRunning();
        return workerPool;
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
