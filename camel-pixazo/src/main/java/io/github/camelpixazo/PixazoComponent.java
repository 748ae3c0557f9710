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

    @Metadata(description = "Default options of every pixazo endpoint.")
    private PixazoConfiguration configuration = new PixazoConfiguration();

    @Metadata(label = "security", description = "TLS configuration of the HTTP client (trust store, key store,"
                                                + " protocols), the Camel way.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSLContextParameters of the"
                                                                        + " Camel context.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "proxy", description = "An HTTP proxy host for every call (API and downloads).")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @Metadata(label = "advanced", defaultValue = "100", description = "The maximum number of pooled HTTP connections,"
                                                                      + " in total and per host.")
    private int maxConnections = 100;

    @Metadata(label = "advanced", defaultValue = "4", description = "Threads that continue routes when their jobs finish."
                                                                    + " Waiting for jobs uses none of them: polling is"
                                                                    + " scheduled and HTTP is non-blocking.")
    private int workerPoolSize = 4;

    @Metadata(label = "advanced", description = "A last say over the async HttpClient builder (e.g. proxy"
                                                + " authentication, interceptors).")
    private HttpClientConfigurer httpClientConfigurer;

    private final ImageGateway gateway = new PixazoGateway();
    private volatile HttpTransport transport;
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workerPool;
    private volatile Retrier retrier;
    private volatile JobWaiter jobWaiter;

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
        startSharedResources();
    }

    @Override
    protected void doStop() throws Exception {
        // fail the waits first: their routes get a clear message while the worker pool can still run them
        if (jobWaiter != null) {
            jobWaiter.abandonAll();
        }
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        if (workerPool != null) {
            executors.shutdownGraceful(workerPool);
        }
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
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
        scheduler = executors.newScheduledThreadPool(this, "PixazoScheduler", timers);
        // a rejected completion would run the route on an HTTP I/O thread: queue instead (Camel treats a
        // non-positive queue size as "no queue", hence MAX_VALUE), abort only when stopping
        ThreadPoolProfile workers = new ThreadPoolProfile("PixazoWorker");
        workers.setPoolSize(workerPoolSize);
        workers.setMaxPoolSize(workerPoolSize);
        workers.setMaxQueueSize(Integer.MAX_VALUE);
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

    HttpTransport transport() throws Exception {
        startSharedResources();
        return transport;
    }

    Retrier retrier() throws Exception {
        startSharedResources();
        return retrier;
    }

    JobWaiter jobWaiter() throws Exception {
        startSharedResources();
        return jobWaiter;
    }

    ExecutorService workerPool() throws Exception {
        startSharedResources();
        return workerPool;
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

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }
}
