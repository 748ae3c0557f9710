package io.github.camelpixazo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import io.github.camelpixazo.budget.SpendCap;
import io.github.camelpixazo.budget.SpendLedger;
import io.github.camelpixazo.cost.PriceList;
import io.github.camelpixazo.error.JobStoreException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.http.HttpClientConfigurer;
import io.github.camelpixazo.http.HttpTransport;
import io.github.camelpixazo.http.HttpTransportSettings;
import io.github.camelpixazo.job.JobWaiter;
import io.github.camelpixazo.job.Retrier;
import io.github.camelpixazo.observe.CredentialHealth;
import io.github.camelpixazo.observe.PixazoMetrics;
import io.github.camelpixazo.producer.SpooledImageCache;
import io.github.camelpixazo.producer.WorkerPool;
import io.github.camelpixazo.store.JobStore;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.ResourceHelper;
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

    @Metadata(label = "cost", displayName = "Price File", supportFileReference = true,
              description = "A price file replacing the published prices of the gateways and models it names (the"
                            + " others keep theirs): a resource such as file:/etc/pixazo/prices.properties or"
                            + " classpath:prices.properties, one 'gateway.model.size.quality = price' per line, in the"
                            + " format of the published list (see docs/cost-and-operations.adoc). Read when the component"
                            + " starts; a missing or malformed file, an unknown currency or a table lacking a size's"
                            + " quality fails the start, naming the line.")
    private String priceFile;

    @Metadata(label = "cost", displayName = "Prices",
              description = "Single prices overriding the published ones (and those of priceFile), in the same keys:"
                            + " pixazo.gpt-image-2.1024x1024.high=0.25, separated by commas, semicolons or line ends. A"
                            + " gateway and model without a published table must be given whole (currency and every"
                            + " size's low, medium and high). Checked when the component starts.")
    private String prices;

    @Metadata(label = "cost", displayName = "Budget",
              description = "A decimal amount such as 25 or 12.50: one spend cap for every endpoint of this component (the CamelContext's, for the default"
                            + " component), in the currency of its gateway's prices (USD on Pixazo, credits on Pixapi):"
                            + " before each submit the estimated price of the jobs submitted within budgetPeriod, those"
                            + " in flight included, plus the new job's is compared with it, and a message that would"
                            + " cross it fails with PixazoBudgetExceededException, nothing sent. An endpoint's own"
                            + " budget applies as well. A job without a published price is refused while a budget"
                            + " applies. Counted in the job store's spend ledger, so a durable store keeps it across"
                            + " restarts. 0 refuses every job. Plain digits, at most 10 decimals, no exponent.")
    private String budget;

    @Metadata(label = "cost", displayName = "Budget Period", defaultValue = "1d", javaType = "java.time.Duration",
              description = "The rolling window of the component's budget: the jobs submitted within this time before"
                            + " now count against it.")
    private long budgetPeriod = 86_400_000L;

    private final CredentialHealth credentialHealth = new CredentialHealth();
    private volatile PixazoMetrics metrics;
    private volatile PixazoHealthCheck healthCheck;
    private volatile PriceList priceList;
    private volatile SpendCap componentCap;
    private volatile SpendLedger spendLedger;
    @Metadata(label = "consumer", autowired = true, displayName = "Job Store",
              description = "Where jobs submitted with waitForCompletion=false are kept until the pixazo:jobs consumer"
                            + " has delivered them, and where the budgets' spend ledger lives: a bean implementing"
                            + " io.github.camelpixazo.store.JobStore. Default: the JDBC store of jobStoreDataSource if set,"
                            + " else the file store in jobStoreDirectory.")
    private JobStore jobStore;

    @Metadata(label = "consumer", autowired = true, displayName = "Job Store Data Source",
              description = "Keep jobs in the database of this DataSource (tables pixazo_jobs and pixazo_spend, created"
                            + " if missing): the store several instances share. As with camel-sql, a single DataSource"
                            + " bean in the registry is used automatically.")
    private DataSource jobStoreDataSource;

    @Metadata(label = "consumer", defaultValue = JobStoreOptions.DEFAULT_DIRECTORY,
              description = "The directory of the default file job store (one JSON file per job, one process per"
                            + " directory), relative to the working directory unless absolute. Keep it on a persistent"
                            + " local disk (a volume in a container): it is what lets jobs survive a restart.")
    private String jobStoreDirectory;

    private volatile JobStoreOptions.Opened openedStore;
    /** The clients of the started endpoints, for pixazo:jobs to query each job where it was submitted. */
    private final GatewayClients gatewayClients = new GatewayClients();
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
        boolean consumer = uri != null && uri.replaceFirst("^[^:]*:(//)?", "").startsWith(PixazoOperation.jobs.name());
        StringBuilder problem = new StringBuilder(catalog.unknownParameterProblem(first.getKey(), "pixazo", consumer));
        parameters.keySet().stream().skip(1).forEach(other -> problem.append(" Also: ")
                .append(catalog.unknownParameterProblem(other, "pixazo", consumer)));
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
        priceList = loadPriceList();
        componentCap = null;
        if (budget != null && !budget.isBlank()) {
            BigDecimal amount = checkBudget("budget", budget, budgetPeriod);
            componentCap = new SpendCap("the component budget", "component:" + componentName(), amount,
                    Duration.ofMillis(budgetPeriod), io.github.camelpixazo.job.Durations.format(Duration.ofMillis(budgetPeriod)));
        }
        spendLedger = new SpendLedger(this::ledgerStore, Clock.systemUTC());
        startSharedResources();
        registerHealthCheck();
    }

    /**
     * The component's readiness check, registered with Camel's health-check registry when camel-health is present
     * (camel-main and camel-spring-boot bring it): visible in /observe/health and Spring Boot's /actuator/health.
     */
    private void registerHealthCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            healthCheck = new PixazoHealthCheck(this, componentName());
            registry.register(healthCheck);
        }
    }

    /** The most a priceFile may hold (the published list is about 3 KiB). */
    static final int MAX_PRICE_FILE_BYTES = 1024 * 1024;

    /** The published prices, then priceFile's tables, then the single prices; checked whole. */
    private PriceList loadPriceList() {
        PriceList list = PriceList.published();
        if (priceFile != null && !priceFile.isBlank()) {
            String text;
            try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(getCamelContext(), priceFile.trim())) {
                // bounded: a price file is a few hundred lines; file:/dev/zero or a wrong big file must not fill the heap
                byte[] content = in.readNBytes(MAX_PRICE_FILE_BYTES + 1);
                if (content.length > MAX_PRICE_FILE_BYTES) {
                    throw new PixazoValidationException("priceFile", priceFile, "is larger than "
                            + MAX_PRICE_FILE_BYTES / 1024 + " KiB: a price file holds a few tables of"
                            + " <gateway>.<model>.<size>.<quality>=<price> lines; give the right file.");
                }
                text = new String(content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PixazoValidationException("priceFile", priceFile, "cannot be read (" + e.getMessage() + "):"
                        + " give a resource such as file:/etc/pixazo/prices.properties or classpath:prices.properties.");
            }
            list = list.withTablesFrom(text, "priceFile", priceFile);
        }
        if (prices != null && !prices.isBlank()) {
            list = list.withEntries(prices, "prices");
        }
        return list;
    }

    /**
     * A budget is a decimal amount of zero or more, its period positive; never a silent fallback to no cap.
     *
     * @return the amount
     */
    /** A budget as prices are written (cost.PriceList): up to 12 digits, a '.', up to 10 decimals. */
    private static final java.util.regex.Pattern BUDGET =
            java.util.regex.Pattern.compile("\\d{1,12}(\\.\\d{1,10})?|\\.\\d{1,10}");

    static BigDecimal checkBudget(String option, String text, long periodMillis) {
        String trimmed = text.trim();
        if (trimmed.startsWith("-")) {
            throw new PixazoValidationException(option, text, "must not be negative: 0 refuses every job, and no budget"
                    + " is set by leaving the option out.");
        }
        // plain digits only, as prices are written: BigDecimal alone would take 1e999999999, whose every message
        // (toPlainString) needs a billion characters, and a JDBC store's DECIMAL column could not hold it either
        if (!BUDGET.matcher(trimmed).matches()) {
            throw new PixazoValidationException(option, text, "must be a decimal amount in the currency of the"
                    + " gateway's prices, such as 25 or 12.50 (USD on Pixazo, credits on Pixapi): digits with a '.',"
                    + " at most 12 before it and 10 after it, no exponent (write 1000, not 1e3).");
        }
        BigDecimal amount = new BigDecimal(trimmed);
        if (amount.signum() < 0) {
            throw new PixazoValidationException(option, text, "must not be negative: 0 refuses every job, and no budget"
                    + " is set by leaving the option out.");
        }
        if (periodMillis <= 0) {
            throw new PixazoValidationException(option + "Period", periodMillis + "ms", "must be positive (e.g. 1d, 12h,"
                    + " 30d).");
        }
        return amount;
    }

    /** The name this component is registered under ("pixazo", or e.g. "pixapi" for a second one), for ledger scopes. */
    private String componentName() {
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                return name;
            }
        }
        return "pixazo";
    }

    /**
     * The store of the spend ledger: the component's job store (jobStore, jobStoreDataSource or the file store in
     * jobStoreDirectory), so that what was spent survives a restart as the jobs do.
     */
    private JobStore ledgerStore() {
        try {
            return jobStore();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new JobStoreException("The spend ledger's job store cannot start: " + e.getMessage(), null, null, null,
                    e);
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        stopped = true;
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && healthCheck != null) {
            registry.unregister(healthCheck);
        }
        healthCheck = null;
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
        JobStoreOptions.Opened store = openedStore;
        openedStore = null;
        if (store != null && store.owned()) {
            store.store().stop();
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

    /** The metrics: Micrometer's when it and a MeterRegistry are there (looked up on first use), else none. */
    synchronized PixazoMetrics metrics() {
        if (metrics == null) {
            metrics = PixazoMetrics.find(getCamelContext());
        }
        return metrics;
    }

    /** Whether the keys in use are accepted by their gateways (for the health check). */
    CredentialHealth credentialHealth() {
        return credentialHealth;
    }

    /**
     * Whether a key for the component's own gateway is configured (on the component or in the gateway's environment
     * variable): without one, only endpoints with a key of their own can work.
     */
    boolean hasOwnKey() {
        String key = configuration.getApiKey();
        if (key != null && !key.isBlank()) {
            return true;
        }
        String fromEnvironment = environment.apply(io.github.camelpixazo.gateway.Gateways.byId(configuration.getGateway())
                .apiKeyVariable());
        return fromEnvironment != null && !fromEnvironment.isBlank();
    }

    /** The price list: published prices, priceFile, prices (read when the component started). */
    PriceList priceList() {
        return priceList;
    }

    /** The component's budget, or null when none is set. */
    SpendCap componentCap() {
        return componentCap;
    }

    SpendLedger spendLedger() {
        return spendLedger;
    }

    /**
     * The component's job store, started on first use (by a producer with waitForCompletion=false or a pixazo:jobs
     * consumer, when its route starts).
     *
     * @throws io.github.camelpixazo.error.JobStoreException naming the option when the store cannot start
     */
    public synchronized JobStore jobStore() throws Exception {
        requireRunning();
        if (openedStore == null) {
            openedStore = JobStoreOptions.open(jobStore, jobStoreDataSource, jobStoreDirectory);
        }
        return openedStore.store();
    }

    GatewayClients gatewayClients() {
        return gatewayClients;
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

    public String getPriceFile() {
        return priceFile;
    }

    public void setPriceFile(String priceFile) {
        this.priceFile = priceFile;
    }

    public String getPrices() {
        return prices;
    }

    public void setPrices(String prices) {
        this.prices = prices;
    }

    public String getBudget() {
        return budget;
    }

    public void setBudget(String budget) {
        this.budget = budget;
    }

    public long getBudgetPeriod() {
        return budgetPeriod;
    }

    public void setBudgetPeriod(long budgetPeriod) {
        this.budgetPeriod = budgetPeriod;
    }

    public JobStore getJobStore() {
        return jobStore;
    }

    public void setJobStore(JobStore jobStore) {
        this.jobStore = jobStore;
    }

    public DataSource getJobStoreDataSource() {
        return jobStoreDataSource;
    }

    public void setJobStoreDataSource(DataSource jobStoreDataSource) {
        this.jobStoreDataSource = jobStoreDataSource;
    }

    public String getJobStoreDirectory() {
        return jobStoreDirectory;
    }

    public void setJobStoreDirectory(String jobStoreDirectory) {
        this.jobStoreDirectory = jobStoreDirectory;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }
}
