package io.github.camelpixazo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.github.camelpixazo.budget.SpendCap;
import io.github.camelpixazo.budget.SpendCaps;
import io.github.camelpixazo.consumer.JobsConsumer;
import io.github.camelpixazo.cost.PriceQuote;
import io.github.camelpixazo.error.PixazoPriceUnknownException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.job.Durations;
import io.github.camelpixazo.observe.CredentialHealth;
import io.github.camelpixazo.observe.JobMeters;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.job.JobClient;
import io.github.camelpixazo.job.JobWaiter;
import io.github.camelpixazo.job.PollSettings;
import io.github.camelpixazo.job.MediaDownloader;
import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.producer.CarriedHeaders;
import io.github.camelpixazo.producer.ExchangeSpool;
import io.github.camelpixazo.producer.ImageInputReader;
import io.github.camelpixazo.producer.ImageJobProducer;
import io.github.camelpixazo.producer.ImageRequestFactory;
import io.github.camelpixazo.producer.JobRecorder;
import io.github.camelpixazo.producer.StatusProducer;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageRequestValidator;
import io.github.camelpixazo.request.Spelling;
import io.github.camelpixazo.webhook.WebhookTokens;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.URISupport;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generate and edit images with GPT Image 2 and GPT Image 1.5 through the Pixazo, Pixapi or EvoLink API gateway;
 * collect jobs submitted with waitForCompletion=false with the pixazo:jobs consumer.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pixazo", title = "Pixazo", syntax = "pixazo:operation",
             category = { Category.AI }, headersClass = PixazoConstants.class)
public class PixazoEndpoint extends ScheduledPollEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(PixazoEndpoint.class);

    @UriPath(label = "common", enums = "generate,edit,status,jobs", description = "The operation: generate (text to image), edit (image to"
                                                         + " image, the body holds the image), status (one status"
                                                         + " query of a job by its request id) - producers; or jobs (in"
                                                         + " from(): one exchange per job submitted with"
                                                         + " waitForCompletion=false, when it finishes).")
    @Metadata(required = true, important = true)
    private PixazoOperation operation;

    @UriParam
    private PixazoConfiguration configuration;

    @UriParam(label = "producer", defaultValue = "false", displayName = "Dry Run")
    @Metadata(description = "Validate and price each message, set the headers CamelPixazoEstimatedCost and"
                            + " CamelPixazoCostCurrency, check the budgets (without counting the job), and send nothing:"
                            + " the message goes on unchanged otherwise. For checking a route, a folder of prompts or a"
                            + " price before spending. On pixazo:generate and pixazo:edit only: elsewhere the start"
                            + " fails.")
    private boolean dryRun;

    @UriParam(label = "producer,cost", displayName = "Budget")
    @Metadata(description = "A decimal amount such as 5 or 0.50: a spend cap of this endpoint's own, in the currency of its gateway's prices (USD on"
                            + " Pixazo, credits on Pixapi), over budgetPeriod: a message whose job would take the"
                            + " estimated price of this endpoint's jobs submitted in the window (in flight included) over"
                            + " it fails with PixazoBudgetExceededException, nothing sent. The component's budget applies"
                            + " as well. Counted under the endpoint's URI (without apiKey, budget, budgetPeriod and"
                            + " dryRun): another URI is another count. 0 refuses every job. Plain digits, at most 10"
                            + " decimals, no exponent. On pixazo:generate and pixazo:edit only: elsewhere the start"
                            + " fails.")
    private String budget;

    @UriParam(label = "producer,cost", defaultValue = "1d", javaType = "java.time.Duration", displayName = "Budget Period")
    @Metadata(description = "The rolling window of this endpoint's budget.")
    private long budgetPeriod = 86_400_000L;

    private volatile SpendCaps spendCaps = SpendCaps.NONE;
    private volatile CredentialHealth.Credential credential;

    private Map<String, String> givenOptions = Map.of();
    private PixazoSettings settings;
    private ImageRequestValidator validator;
    private ImageRequestFactory requestFactory;
    private JobClient jobClient;
    private MediaDownloader downloader;
    private java.nio.file.Path spoolDirectory;
    private CarriedHeaders carriedHeaders = CarriedHeaders.parse(null);
    private JobRecorder jobRecorder;
    /** pixazo:jobs: clients for other gateways' documented base URLs, keyed from their environment variables. */
    private final Map<String, JobClient> environmentClients = new ConcurrentHashMap<>();

    public PixazoEndpoint(String uri, PixazoComponent component, PixazoOperation operation,
                          PixazoConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    static PixazoOperation parseOperation(String remaining) {
        String allowed = Arrays.stream(PixazoOperation.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (remaining == null || remaining.isBlank()) {
            throw new PixazoValidationException("operation", remaining, "missing: use pixazo:" + allowed.replace(", ", ", pixazo:") + ".");
        }
        try {
            return PixazoOperation.valueOf(remaining.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new PixazoValidationException("operation", remaining, "allowed operations are " + allowed + "."
                    + Spelling.didYouMean(remaining, Arrays.stream(PixazoOperation.values()).map(Enum::name).toList()));
        }
    }

    /** The text the user wrote for typed options (see {@link GivenOptions}), quoted by messages. */
    void setGivenOptions(Map<String, String> givenOptions) {
        this.givenOptions = Map.copyOf(givenOptions);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        settings = PixazoSettings.of(configuration, givenOptions, getComponent().environment());
        validator = new ImageRequestValidator(settings.gateway());
        if (configuration.isSynchronous() && !configuration.isWaitForCompletion()) {
            throw new PixazoValidationException("synchronous", true, "a synchronous call answers with the images"
                    + " themselves, so there is no job to look at later: remove waitForCompletion=false, or"
                    + " synchronous=true to submit now and collect later.");
        }
        carriedHeaders = CarriedHeaders.parse(configuration.getCarryHeaders());
        if (operation == PixazoOperation.status || operation == PixazoOperation.jobs) {
            rejectSubmitOnlyOptions();
        }
        if (configuration.getWebhookUrl() != null && !configuration.getWebhookUrl().isBlank()
            && (operation == PixazoOperation.jobs || !configuration.isWaitForCompletion())) {
            WebhookTokens.requireExtensible(configuration.getWebhookUrl());
            ImageRequestValidator.validateWebhookUrl(configuration.getWebhookUrl().trim(),
                    configuration.isWebhookAllowHttpLoopback());
        }
        if (operation == PixazoOperation.jobs) {
            JobsConsumer.checkOptions(configuration, givenOptions);
        } else if (operation != PixazoOperation.status) {
            ImageOperation imageOperation = operation == PixazoOperation.generate ? ImageOperation.GENERATE : ImageOperation.EDIT;
            ImageInput mask = configuration.getMask() != null
                    ? ImageInputReader.fromResource(getCamelContext(), "mask", configuration.getMask()) : null;
            requestFactory = new ImageRequestFactory(configuration, imageOperation, mask, givenOptions,
                    settings.gateway());
            // fail at route start-up on options that can never work, whatever the messages say
            ImageRequest defaults = requestFactory.fromEndpoint();
            List<String> warnings = validator.validateOptions(defaults);
            if (!configuration.isWaitForCompletion() && defaults.webhook() != null) {
                requirePerJobCallbackUrlFits(defaults);
            }
            if (configuration.getPrompt() != null) {
                validator.validatePrompt(defaults);
            }
            warnings.forEach(warning -> LOG.warn("{}: {}", this, warning));
        }
    }

    /**
     * dryRun and budget act on submits only: on pixazo:status (which queries a job, whatever dryRun says) and
     * pixazo:jobs they would be ignored, so a user who means "send nothing" or "cap this" is told at start-up instead.
     */
    private void rejectSubmitOnlyOptions() {
        String where = "pixazo:" + operation;
        String does = operation == PixazoOperation.status
                ? " queries a job the gateway already has (free of charge), and sends that query whatever dryRun says"
                : " only collects jobs submitted elsewhere";
        if (dryRun) {
            throw new PixazoValidationException("dryRun", true, "applies to pixazo:generate and pixazo:edit only: "
                    + where + does + ". Remove dryRun from this endpoint, or put it on the submitting endpoint.");
        }
        if (budget != null) {
            throw new PixazoValidationException("budget", budget, "caps submits, so it applies to pixazo:generate"
                    + " and pixazo:edit only: " + where + does + ". Put the budget on the submitting endpoint, or on"
                    + " the component to cap them all.");
        }
    }

    /**
     * With waitForCompletion=false each job's callback URL is webhookUrl plus a 44-character secret segment: it must
     * still be within the gateway's documented limit (EvoLink: 2,048 characters), checked now because the message
     * that would otherwise fail must not quote a URL holding the secret.
     */
    private void requirePerJobCallbackUrlFits(ImageRequest defaults) {
        int max = settings.gateway().support(defaults.model()).maxWebhookUrlLength();
        String url = defaults.webhook().url();
        int perJob = WebhookTokens.callbackUrlLength(url);
        if (max > 0 && perJob > max) {
            throw new PixazoValidationException("webhookUrl", url, "is " + url.length() + " characters long, and with"
                    + " waitForCompletion=false each job's callback URL is webhookUrl followed by /<a 43-character"
                    + " secret of that job> (" + perJob + " characters); " + settings.gateway().name() + " accepts at"
                    + " most " + max + ". Use a shorter webhookUrl.");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PixazoComponent component = getComponent();
        credential = CredentialHealth.credential(settings.gateway().id(), origin(settings.client().baseUrl()),
                settings.client().apiKey());
        jobClient = new JobClient(settings.gateway(), component.transport(), component.retrier(), settings.client(),
                component.credentialHealth().use(credential));
        component.gatewayClients().register(settings.gateway().id(), baseUrl(), jobClient);
        downloader = new MediaDownloader(component.transport(), component.retrier(), settings.retryPolicy(),
                settings.connectTimeout(), settings.readTimeout());
        spoolDirectory = ExchangeSpool.directory(getCamelContext());
        if (operation == PixazoOperation.generate || operation == PixazoOperation.edit) {
            spendCaps = spendCaps(component);
        }
        if (!configuration.isWaitForCompletion()
            && (operation == PixazoOperation.generate || operation == PixazoOperation.edit)) {
            // the store starts now, so that a store that cannot start fails the route at start-up
            jobRecorder = new JobRecorder(settings.gateway().id(), baseUrl(), component.jobStore(),
                    carriedHeaders, settings.poll().interval(), Duration.ofMillis(configuration.getWebhookFallbackDelay()));
        }
    }

    /**
     * The budgets this endpoint's jobs count against. Fails the start when one cannot work: a budget over a gateway
     * and model without a price, or a component budget shared by endpoints whose prices are in two currencies.
     */
    private SpendCaps spendCaps(PixazoComponent component) {
        List<SpendCap> caps = new ArrayList<>();
        if (component.componentCap() != null) {
            caps.add(component.componentCap());
        }
        if (budget != null && !budget.isBlank()) {
            BigDecimal amount = PixazoComponent.checkBudget("budget", budget, budgetPeriod);
            Duration period = Duration.ofMillis(budgetPeriod);
            caps.add(new SpendCap("the budget of endpoint " + URISupport.sanitizeUri(getEndpointUri()),
                    budgetScope(), amount, period, Durations.format(period)));
        }
        if (caps.isEmpty()) {
            return SpendCaps.NONE;
        }
        String budgetText = caps.stream().map(cap -> cap.budget().toPlainString()).reduce((a, b) -> a + " and " + b)
                .orElse("");
        PriceQuote defaults = quote(requestFactory.fromEndpoint());
        if (!defaults.isPriced()) {
            throw new PixazoPriceUnknownException(budgetText, "a budget applies to " + this + ", but its jobs have no"
                    + " price: " + defaults.reason() + ". A job that cannot be counted would be refused, so the route"
                    + " does not start. Give it a price with the component option prices or priceFile, or remove the"
                    + " budget.");
        }
        String currency = defaults.estimate().orElseThrow().currency();
        for (SpendCap cap : caps) {
            String other = cap.adoptCurrency(currency);
            if (other != null) {
                throw new PixazoValidationException("budget", cap.budget().toPlainString(), cap.name() + " counts in "
                        + other + ", but " + this + " (gateway " + settings.gateway().id() + ") prices its jobs in "
                        + currency + ": one amount cannot cap two currencies. Give each gateway a component of its own"
                        + " (see the component page, several gateways in one CamelContext), each with its budget.");
            }
        }
        return new SpendCaps(component.spendLedger(), caps, budgetText);
    }

    /**
     * The ledger scope of this endpoint's budget: its URI without the key and the budget options (so rotating the key
     * or changing the budget keeps the count), or its SHA-256 when that is too long for a ledger line.
     */
    private String budgetScope() {
        String uri = getEndpointUri();
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        java.util.TreeMap<String, Object> parameters = new java.util.TreeMap<>();
        if (query >= 0) {
            try {
                URISupport.parseQuery(uri.substring(query + 1)).forEach((name, value) -> {
                    String key = name.replace("-", "").toLowerCase(Locale.ROOT);
                    if (!List.of("apikey", "budget", "budgetperiod", "dryrun").contains(key)) {
                        parameters.put(name, value);
                    }
                });
            } catch (java.net.URISyntaxException e) {
                throw new PixazoValidationException("budget", budget, "the endpoint URI cannot be read: "
                        + e.getMessage());
            }
        }
        String scope = "endpoint:" + base + (parameters.isEmpty() ? "" : "?" + URISupport.createQueryString(parameters));
        if (scope.length() <= 190) {
            return scope;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return "endpoint-sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (jobClient != null) {
            getComponent().gatewayClients().unregister(settings.gateway().id(), baseUrl(), jobClient);
        }
        environmentClients.clear(); // they use the component's transport of this run
        if (credential != null) {
            getComponent().credentialHealth().release(credential);
            credential = null;
        }
        super.doStop();
    }

    /** This endpoint's base URL as clients and job records write it (normalised, no trailing slash). */
    private String baseUrl() {
        return settings.client().baseUrl().toString();
    }

    private static String origin(java.net.URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() != -1 ? ":" + uri.getPort() : "");
    }

    /** The meters of a gateway, model and operation (the pixazo:jobs consumer's, from a job record). */
    public JobMeters meters(String gateway, String model, String operation) {
        return getComponent().metrics().meters(gateway, model, operation);
    }

    /** The meters of a request's gateway, model and operation. */
    public JobMeters meters(ImageRequest request) {
        return getComponent().metrics().meters(settings.gateway().id(), request.model().value(),
                request.operation().name().toLowerCase(Locale.ROOT));
    }

    /** The estimated price of a request's job on this endpoint's gateway, or why there is none. */
    public PriceQuote quote(ImageRequest request) {
        return getComponent().priceList().quote(settings.gateway().id(), request);
    }

    /** The budgets this endpoint's jobs count against ({@link SpendCaps#NONE} when none is set). */
    public SpendCaps spendCaps() {
        return spendCaps;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (operation == PixazoOperation.jobs) {
            throw new PixazoValidationException("operation", "jobs", "pixazo:jobs is a consumer endpoint: use it in"
                    + " from(\"pixazo:jobs\") to receive the jobs submitted with waitForCompletion=false when they"
                    + " finish. To send a job use pixazo:generate or pixazo:edit; to query one, pixazo:status.");
        }
        return operation == PixazoOperation.status ? new StatusProducer(this) : new ImageJobProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation == PixazoOperation.jobs) {
            JobsConsumer consumer = new JobsConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        throw new UnsupportedOperationException("pixazo:" + operation + " is a producer endpoint: use it in to(...),"
                                                + " not in from(...). Start the route from what brings the prompts or"
                                                + " images (file:, ftp:, jms:, timer:, ...) and send them to pixazo:"
                                                + operation + ". To receive finished jobs, use from(\"pixazo:jobs\").");
    }

    @Override
    public PixazoComponent getComponent() {
        return (PixazoComponent) super.getComponent();
    }

    @Override
    public String getServiceUrl() {
        return settings != null ? settings.client().baseUrl().toString() : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public PixazoOperation getOperation() {
        return operation;
    }

    /** The operation: generate, edit or status. */
    public void setOperation(PixazoOperation operation) {
        this.operation = operation;
    }

    public PixazoConfiguration getConfiguration() {
        return configuration;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
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

    public void setConfiguration(PixazoConfiguration configuration) {
        this.configuration = configuration;
    }

    // --- what the producers use; all created once per endpoint ---

    public ImageRequestValidator validator() {
        return validator;
    }

    public ImageRequestFactory requestFactory() {
        return requestFactory;
    }

    /** The gateway this endpoint talks to (its documented forms and limits), by the option {@code gateway}. */
    public ImageGateway gateway() {
        return settings.gateway();
    }

    public JobClient jobClient() {
        return jobClient;
    }

    /**
     * The client to query a stored job with: the job's gateway at the base URL it was submitted to, with the key
     * configured for them. In order: this endpoint's own client when the job is of its gateway and base URL; the
     * client of any started endpoint of this component for that gateway and base URL (normally the producer that
     * submitted the job); for the gateway's documented base URL, a client with the gateway's environment variable
     * ({@code PIXAPI_API_KEY}, ...) and this endpoint's timeouts and retries. A key is never paired with a base URL
     * it was not configured for.
     *
     * @param gatewayId the job's gateway ({@code pixazo}, {@code pixapi}, {@code evolink})
     * @param baseUrl   the base URL the job was submitted to, or null when not recorded (the gateway's documented one,
     *                  or this endpoint's for its own gateway)
     * @throws PixazoValidationException on option {@code gateway} (an unknown gateway, or none configured for that
     *                                   base URL, saying what to do) or {@code apiKey} (no key for that gateway)
     */
    public JobClient jobClientFor(String gatewayId, String baseUrl) throws Exception {
        ImageGateway gateway = Gateways.byId(gatewayId);
        boolean own = gateway.id().equals(settings.gateway().id());
        String base = baseUrl != null ? PixazoSettings.baseUrl(baseUrl).toString()
                : own ? baseUrl() : PixazoSettings.baseUrl(gateway.defaultBaseUrl()).toString();
        if (own && base.equals(baseUrl())) {
            return jobClient;
        }
        Optional<JobClient> registered = getComponent().gatewayClients().find(gateway.id(), base);
        if (registered.isPresent()) {
            return registered.get();
        }
        if (!base.equals(PixazoSettings.baseUrl(gateway.defaultBaseUrl()).toString())) {
            throw new PixazoValidationException("gateway", gatewayId, "a job was submitted to " + gateway.name() + " at "
                    + base + ", and no started pixazo endpoint of this component is configured for that gateway and"
                    + " baseUrl, so there is no key for it. Keep the route that submitted it (its endpoint brings the"
                    + " key when it starts), or give pixazo:jobs gateway=" + gateway.id() + " and baseUrl=" + base
                    + ".");
        }
        JobClient fromEnvironment = environmentClients.get(gateway.id());
        if (fromEnvironment == null) {
            // as an endpoint with only gateway=<id> would be: that gateway's documented base URL and variable
            PixazoConfiguration other = configuration.copy();
            other.setGateway(gateway.id());
            other.setBaseUrl(null);
            other.setApiKey(null);
            PixazoSettings otherSettings = PixazoSettings.of(other, givenOptions, getComponent().environment());
            PixazoComponent component = getComponent();
            fromEnvironment = new JobClient(gateway, component.transport(), component.retrier(), otherSettings.client());
            JobClient raced = environmentClients.putIfAbsent(gateway.id(), fromEnvironment);
            fromEnvironment = raced != null ? raced : fromEnvironment;
        }
        return fromEnvironment;
    }

    public MediaDownloader downloader() {
        return downloader;
    }

    public PollSettings pollSettings() {
        return settings.poll();
    }

    /** Where this endpoint's big images go: {@code spoolThreshold}, in the spool directory. */
    public SpoolSettings spoolSettings() {
        return new SpoolSettings(configuration.getSpoolThreshold(), spoolDirectory);
    }

    /** The component's scheduler (polls, retries, timers). */
    public ScheduledExecutorService scheduler() throws Exception {
        return getComponent().scheduler();
    }

    public JobWaiter jobWaiter() throws Exception {
        return getComponent().jobWaiter();
    }

    public Executor workerPool() throws Exception {
        return getComponent().workerPool();
    }

    /** waitForCompletion=false: records submitted jobs in the component's job store. */
    public JobRecorder jobRecorder() {
        return jobRecorder;
    }

    /** The headers the option carryHeaders names. */
    public CarriedHeaders carriedHeaders() {
        return carriedHeaders;
    }

    /** The component's job store (started on first use). */
    public io.github.camelpixazo.store.JobStore jobStore() throws Exception {
        return getComponent().jobStore();
    }

    /** This endpoint's retry rules (delays, Retry-After). */
    public io.github.camelpixazo.job.RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /** The options this endpoint's user wrote, as text (for messages). */
    public Map<String, String> givenOptions() {
        return givenOptions;
    }
}
