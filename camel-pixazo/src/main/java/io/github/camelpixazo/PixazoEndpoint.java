package io.github.camelpixazo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.job.JobClient;
import io.github.camelpixazo.job.JobWaiter;
import io.github.camelpixazo.job.PollSettings;
import io.github.camelpixazo.job.MediaDownloader;
import io.github.camelpixazo.media.SpoolSettings;
import io.github.camelpixazo.producer.ExchangeSpool;
import io.github.camelpixazo.producer.ImageInputReader;
import io.github.camelpixazo.producer.ImageJobProducer;
import io.github.camelpixazo.producer.ImageRequestFactory;
import io.github.camelpixazo.producer.StatusProducer;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageRequestValidator;
import io.github.camelpixazo.request.Spelling;

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
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generate and edit images with GPT Image 2 and GPT Image 1.5 through the Pixazo, Pixapi or EvoLink API gateway.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "pixazo", title = "Pixazo", syntax = "pixazo:operation",
             producerOnly = true, category = { Category.AI }, headersClass = PixazoConstants.class)
public class PixazoEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(PixazoEndpoint.class);

    @UriPath(label = "producer", enums = "generate,edit,status", description = "The operation: generate (text to image), edit (image to"
                                                         + " image, the body holds the image) or status (one status"
                                                         + " query of a job by its request id).")
    @Metadata(required = true, important = true)
    private PixazoOperation operation;

    @UriParam
    private PixazoConfiguration configuration;

    private Map<String, String> givenOptions = Map.of();
    private PixazoSettings settings;
    private ImageRequestValidator validator;
    private ImageRequestFactory requestFactory;
    private JobClient jobClient;
    private MediaDownloader downloader;
    private java.nio.file.Path spoolDirectory;

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
        if (operation != PixazoOperation.status) {
            ImageOperation imageOperation = operation == PixazoOperation.generate ? ImageOperation.GENERATE : ImageOperation.EDIT;
            ImageInput mask = configuration.getMask() != null
                    ? ImageInputReader.fromResource(getCamelContext(), "mask", configuration.getMask()) : null;
            requestFactory = new ImageRequestFactory(configuration, imageOperation, mask, givenOptions,
                    settings.gateway());
            // fail at route start-up on options that can never work, whatever the messages say
            ImageRequest defaults = requestFactory.fromEndpoint();
            List<String> warnings = validator.validateOptions(defaults);
            if (configuration.getPrompt() != null) {
                validator.validatePrompt(defaults);
            }
            warnings.forEach(warning -> LOG.warn("{}: {}", this, warning));
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PixazoComponent component = getComponent();
        jobClient = new JobClient(settings.gateway(), component.transport(), component.retrier(), settings.client());
        downloader = new MediaDownloader(component.transport(), component.retrier(), settings.retryPolicy(),
                settings.connectTimeout(), settings.readTimeout());
        spoolDirectory = ExchangeSpool.directory(getCamelContext());
    }

    @Override
    public Producer createProducer() throws Exception {
        return operation == PixazoOperation.status ? new StatusProducer(this) : new ImageJobProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("pixazo:" + operation + " is a producer endpoint: use it in to(...),"
                                                + " not in from(...). Start the route from what brings the prompts or"
                                                + " images (file:, ftp:, jms:, timer:, ...) and send them to pixazo:"
                                                + operation + ".");
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
}
