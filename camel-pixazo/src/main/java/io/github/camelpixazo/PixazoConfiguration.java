package io.github.camelpixazo;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code pixazo:} component. Set on the component they are defaults for every endpoint; set on an
 * endpoint URI they override them; the options that describe the image can also be set per message by a header (see
 * {@link PixazoConstants}).
 * The names are the user's vocabulary; the gateway layer maps them to each gateway's and model's wire names (see the
 * gateway pages in docs/gateways), so no option here names a wire field.
 */
@UriParams
public class PixazoConfiguration implements Cloneable {

    /** Pixazo's documented base URL, the default of baseUrl for gateway=pixazo. */
    public static final String DEFAULT_BASE_URL = "https://gateway.pixazo.ai";

    // --- connection and security ---

    @UriParam(label = "producer", enums = "pixazo,pixapi,evolink", defaultValue = "pixazo")
    @Metadata(important = true, description = "The gateway that runs the jobs: pixazo (https://gateway.pixazo.ai),"
                            + " pixapi (https://api.pixapi.ai) or evolink (https://api.evolink.ai). Each takes the same"
                            + " options and maps them to its own documented wire names; options a gateway does not"
                            + " document for the model are refused before anything is sent. An endpoint that names"
                            + " another gateway than its component does not inherit the component's apiKey and baseUrl:"
                            + " a key is only ever sent to the gateway it was configured for.")
    private String gateway = "pixazo";

    @UriParam(label = "security", secret = true, displayName = "API Key")
    @Metadata(important = true, description = "The gateway's API key. Sent only to the baseUrl origin (same scheme, host"
                            + " and port), in the header the gateway documents (see its page in docs/gateways); never"
                            + " logged. When it is not set, the key is read"
                            + " from the gateway's environment variable PIXAZO_API_KEY, PIXAPI_API_KEY or EVOLINK_API_KEY,"
                            + " which keeps it out of Camel's property machinery (the safest way: see the component"
                            + " page's security section).")
    private String apiKey;

    @UriParam(label = "producer", displayName = "Base URL")
    @Metadata(description = "The gateway's base URL; by default the selected gateway's documented one"
                            + " (https://gateway.pixazo.ai, https://api.pixapi.ai or https://api.evolink.ai). Plain http is"
                            + " allowed (proxies, local sandboxes), and a path prefix is kept (for API managers that mount"
                            + " the gateway under a path). Status queries are always built from it; a polling URL the"
                            + " gateway returns is never followed.")
    private String baseUrl;

    // --- what to make ---

    @UriParam(label = "producer", enums = "gpt-image-2,gpt-image-1.5", defaultValue = "gpt-image-2")
    @Metadata(important = true, description = "The image model. What each gateway supports per model is on its page in"
                            + " docs/gateways; for example gpt-image-1.5 on Pixazo supports the generate operation only,"
                            + " with the sizes 1024x1024, 1536x1024, 1024x1536 and auto, and without moderation or"
                            + " outputCompression. Header: CamelPixazoModel.")
    private String model = "gpt-image-2";

    @UriParam(label = "producer")
    @Metadata(important = true, largeInput = true, description = "The prompt. For generate the message body is the prompt unless this option or the header"
                            + " CamelPixazoPrompt is set; for edit (where the body is the image) the prompt comes from this"
                            + " option or the header. Must not be blank.")
    private String prompt;

    @UriParam(label = "producer", displayName = "Number of Images")
    @Metadata(description = "Number of images to make, 1 to 10 on Pixazo and Pixapi, only 1 on EvoLink (gateway default"
                            + " 1). With n greater than 1 the body is a List of messages, one per image: split it to write"
                            + " each one. Header: CamelPixazoN.")
    private Integer n;

    @UriParam(label = "producer")
    @Metadata(important = true, description = "Output size: auto (gateway default), a preset (1024x1024, 1024x1536, 1536x1024, 2048x2048,"
                            + " 2048x1152, 2160x3840, 3840x2160) or, for gpt-image-2, a custom WIDTHxHEIGHT with both sides"
                            + " multiples of 16, 655,360 to 8,294,400 pixels, longest edge at most 3840 and aspect ratio"
                            + " at most 3:1. gpt-image-1.5: 1024x1024, 1536x1024, 1024x1536 or auto. EvoLink takes the"
                            + " aspect ratios 1:1, 2:3 and 3:2 and the three 1.5 sizes, but not auto. Header:"
                            + " CamelPixazoSize.")
    private String size;

    @UriParam(label = "producer", enums = "low,medium,high,auto")
    @Metadata(important = true, description = "Rendering quality (gateway default auto). Higher means more detail, longer latency and a"
                            + " higher price; high-quality jobs often take minutes. Header: CamelPixazoQuality.")
    private String quality;

    @UriParam(label = "producer", enums = "png,jpeg,webp")
    @Metadata(description = "Output file format (gateway default png; not on EvoLink, which makes png). Header:"
                            + " CamelPixazoFormat.")
    private String format;

    @UriParam(label = "producer")
    @Metadata(description = "Compression level 0-100 for jpeg and webp output (no effect on png: a warning is logged)."
                            + " On Pixazo gpt-image-2 only; not on EvoLink. Header: CamelPixazoOutputCompression.")
    private Integer outputCompression;

    @UriParam(label = "producer", enums = "opaque,auto,transparent")
    @Metadata(description = "Background handling (gateway default auto; not on EvoLink). transparent is not supported"
                            + " by gpt-image-2, and needs format png or webp with gpt-image-1.5. Header:"
                            + " CamelPixazoBackground.")
    private String background;

    @UriParam(label = "producer", enums = "auto,low")
    @Metadata(description = "Content moderation strictness (gateway default auto); low is less restrictive."
                            + " On Pixazo gpt-image-2 only; not on EvoLink. Header: CamelPixazoModeration.")
    private String moderation;

    @UriParam(label = "producer")
    @Metadata(supportFileReference = true, description = "edit only: a black-and-white PNG marking the region to edit (white = editable), with the"
                            + " same dimensions as the first input image. A resource URI: file:, classpath: (loaded once"
                            + " when the endpoint starts and checked then), https: (fetched by the gateway) or data:."
                            + " Per message, the"
                            + " header CamelPixazoMask takes the PNG bytes instead.")
    private String mask;

    // --- webhook ---

    @UriParam(label = "webhook", displayName = "Webhook URL")
    @Metadata(description = "An https URL the gateway POSTs the job's status to (Pixazo and EvoLink; EvoLink also"
                            + " wants at most 2,048 characters and no internal addresses; Pixapi documents no"
                            + " callbacks). The producer still waits by polling unless waitForCompletion=false. The"
                            + " gateways do not sign callbacks: treat their content as a hint and confirm with a status"
                            + " query.")
    private String webhookUrl;

    @UriParam(label = "webhook", enums = "terminal,sync", defaultValue = "terminal")
    @Metadata(description = "When the gateway calls webhookUrl: terminal (once, at COMPLETED, FAILED or ERROR) or sync"
                            + " (on every poll cycle as well; Pixazo only).")
    private String webhookMode = "terminal";

    @UriParam(label = "webhook,advanced", defaultValue = "false", displayName = "Webhook Allow HTTP Loopback")
    @Metadata(description = "Allow an http (not https) webhookUrl, for loopback hosts only (localhost, 127.x, ::1): for"
                            + " tests against a local sandbox. The real gateways reject plain http, and EvoLink also"
                            + " internal addresses.")
    private boolean webhookAllowHttpLoopback;

    // --- result ---

    @UriParam(label = "producer", defaultValue = "false")
    @Metadata(description = "Use the gateway's synchronous endpoints where it has them (Pixapi): one HTTP exchange that"
                            + " answers with the images when the job is done, so there is no task to poll. It still holds"
                            + " no thread while it waits; the server stays silent for minutes, so the exchange's read"
                            + " timeout is what is left of jobTimeout instead of readTimeout. Right for short jobs and"
                            + " few of them; the default (asynchronous: submit, then poll) is right for many jobs, long"
                            + " ones and waitForCompletion=false, and survives a dropped connection (the task id is"
                            + " known). Other gateways refuse it.")
    private boolean synchronous;

    @UriParam(label = "producer", enums = "url,inline")
    @Metadata(description = "How the gateway hands back the images (gateway default when not set): url (the component"
                            + " downloads them from the gateway's CDN) or inline (base64 in the answer, decoded as it"
                            + " arrives, spooled like a download). Pixapi only; Pixazo and EvoLink"
                            + " always answer with URLs. Both end as the same message body.")
    private String resultDelivery;

    @UriParam(label = "producer", defaultValue = "true")
    @Metadata(description = "Wait until the job is COMPLETED, FAILED or ERROR (asynchronously: no thread is held while"
                            + " waiting). When false the body is the SubmittedJob (request id, gateway, status, polling"
                            + " URL) as soon as the gateway has queued the job.")
    private boolean waitForCompletion = true;

    @UriParam(label = "producer", defaultValue = "true")
    @Metadata(description = "Download the images of a completed job: the body becomes the image bytes (n=1) or a List"
                            + " of messages (n above 1). When false the body is the List of media URLs (they expire: download"
                            + " them promptly); images a gateway returned inline are the body either way.")
    private boolean download = true;

    @UriParam(label = "advanced", defaultValue = "1048576")
    @Metadata(description = "Images larger than this many bytes are streamed to a temporary file instead of the heap,"
                            + " and the body is then a StreamCache over that file (file: and ftp: producers copy it by"
                            + " streaming; it still converts to byte[]), deleted once no message holds it any more"
                            + " (an aggregation may keep it beyond its exchange), at the latest when the component stops."
                            + " Smaller images are byte[]. The same applies to edit inputs that arrive as an InputStream. The"
                            + " files go to Camel's stream-caching spool directory when one is configured, else to"
                            + " java.io.tmpdir. -1 keeps every image in memory (up to 200 MB each); 0 always spools.")
    private long spoolThreshold = 1024 * 1024;

    // --- timing and retries ---

    @UriParam(label = "advanced", defaultValue = "5s", javaType = "java.time.Duration")
    @Metadata(description = "How long to wait before the first status query, and the starting interval between"
                            + " queries.")
    private long pollInterval = 5_000;

    @UriParam(label = "advanced", defaultValue = "1.5")
    @Metadata(description = "Each status query that finds the job unfinished multiplies the interval by this factor"
                            + " (1 keeps it constant), up to maxPollInterval.")
    private double pollBackoffMultiplier = 1.5;

    @UriParam(label = "advanced", defaultValue = "20s", javaType = "java.time.Duration")
    @Metadata(description = "The longest interval between two status queries of one job.")
    private long maxPollInterval = 20_000;

    @UriParam(label = "advanced", defaultValue = "15m", javaType = "java.time.Duration")
    @Metadata(description = "The one deadline of a job, from the start of its submit: it bounds the submit and its"
                            + " retries, every status query and the downloads. When it passes the exchange fails with a"
                            + " PixazoTimeoutException that carries the request id (once the job was accepted). The job"
                            + " may still complete (and be billed): query it with pixazo:status rather than submitting"
                            + " again. High-quality and 4K jobs often take 1-3 minutes, so keep this well above that.")
    private long jobTimeout = 900_000;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    @Metadata(description = "Connect timeout of each HTTP request. A connect timeout means the request never reached the"
                            + " gateway, so submits are retried after it.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration")
    @Metadata(description = "How long the server may stay silent once a request is sent: before its response, and"
                            + " between two chunks of a body. A read timeout on a submit may mean the job was queued"
                            + " anyway, so it is never retried automatically (a second submit would be billed twice);"
                            + " status queries and downloads are asked again.")
    private long readTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "3")
    @Metadata(description = "How many times a submit or a pixazo:status query is retried. Submits are retried only"
                            + " when the gateway certainly did not take the job (HTTP 429, HTTP 503 with Retry-After,"
                            + " connection refused or connect timeout); pixazo:status queries also on HTTP 5xx, I/O"
                            + " errors and malformed answers. The status queries and downloads of a job being waited for"
                            + " are not limited by this: they are asked again until jobTimeout, unless the gateway says"
                            + " the job or key is gone. 0 disables retries.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration")
    @Metadata(description = "The first retry delay; it doubles on each further retry (with jitter), up to"
                            + " maxRetryDelay. A Retry-After (on 429 or 503, in seconds or as an HTTP-date) can only"
                            + " lengthen it, on every call: the next attempt never comes sooner than the gateway asked,"
                            + " nor sooner than this backoff (nor, for a job being waited for, than the poll interval).")
    private long retryDelay = 1_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    @Metadata(description = "The longest backoff between two retries, and the longest Retry-After a submit or a"
                            + " pixazo:status query waits for: when the gateway asks a submit to wait longer (or longer"
                            + " than is left of jobTimeout), the exchange fails at once with a PixazoRateLimitException"
                            + " carrying the Retry-After (nothing was queued). A job being waited for obeys any"
                            + " Retry-After, bounded only by jobTimeout.")
    private long maxRetryDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "false", displayName = "Log Prompt")
    @Metadata(description = "Put the prompt into the INFO line logged when a job is accepted (logger"
                            + " io.github.camelpixazo.jobs; quoted, cut after 120 characters). Off by default: prompts may"
                            + " hold personal or confidential text. The API key is never logged.")
    private boolean logPrompt;
    // --- collecting jobs later: waitForCompletion=false and the pixazo:jobs consumer ---

    @UriParam(label = "producer")
    @Metadata(description = "waitForCompletion=false: the message headers to record with each job and to put back on its"
                            + " pixazo:jobs exchange, so that results can be named after their source (e.g."
                            + " CamelFileName). Comma-separated names, case-insensitive; a trailing * matches a prefix"
                            + " (myapp*). String, Boolean and number values are stored as they are; any other value is"
                            + " converted to a String with Camel's type converter before the submit (a value that does"
                            + " not convert fails the message, naming the header, before anything is sent). At most"
                            + " 65,536 characters of names and values per job, else the message fails before the"
                            + " submit: carry keys, not content. Values are stored in clear text in the job store.")
    private String carryHeaders;

    @UriParam(label = "consumer,webhook", defaultValue = "5m", javaType = "java.time.Duration")
    @Metadata(description = "A job submitted with a webhookUrl is polled only as a fallback, first this long after its"
                            + " submit (then on its own backoff): its callback normally arrives first and is confirmed"
                            + " with one status query.")
    private long webhookFallbackDelay = 300_000;

    @UriParam(label = "consumer,webhook")
    @Metadata(description = "The local path the pixazo:jobs consumer receives callbacks on (on Camel's platform-http),"
                            + " when it differs from the path of webhookUrl: behind a reverse proxy that maps"
                            + " https://public.example/hooks/pixazo to /pixazo-callbacks, set webhookPath=/pixazo-callbacks."
                            + " Default: the path of webhookUrl. Each job's callback URL is webhookUrl plus /<secret>.")
    private String webhookPath;

    @UriParam(label = "consumer", defaultValue = "10")
    @Metadata(description = "pixazo:jobs: the most status queries (and result downloads) in flight at once. The gateway's"
                            + " 429 and Retry-After are obeyed per job.")
    private int pollConcurrency = 10;

    @UriParam(label = "consumer", defaultValue = "100")
    @Metadata(description = "pixazo:jobs: the most due jobs claimed (and so the most exchanges emitted) per poll; with"
                            + " greedy=true the next poll follows at once when a poll was full. 0 or less: 1000.")
    private int maxMessagesPerPoll = 100;

    @UriParam(label = "consumer", enums = "off,log,emit,both", defaultValue = "off")
    @Metadata(description = "pixazo:jobs: what to do when a job goes from QUEUED to PROCESSING (once per job): log logs"
                            + " an INFO line, emit sends an exchange with CamelPixazoStatus=PROCESSING through the route"
                            + " (best effort: its failure is logged and ignored), both does both. With"
                            + " webhookMode=sync the gateway's callbacks report it sooner than polling.")
    private String progress = "off";

    @UriParam(label = "consumer,advanced", defaultValue = "60s", javaType = "java.time.Duration")
    @Metadata(description = "pixazo:jobs: how long a claimed job stays leased to this instance while it is queried and"
                            + " its exchange is routed (the lease is renewed while the exchange is in flight). A dead"
                            + " instance's jobs are taken over by the others once their lease ran out.")
    private long leaseDuration = 60_000;

    @UriParam(label = "consumer,advanced", displayName = "Instance ID")
    @Metadata(description = "pixazo:jobs: this instance's id in the job store's leases; must differ between instances"
                            + " sharing a JDBC job store. Default: host name, process id and a random suffix. A stable"
                            + " id (one per instance) lets a restarted instance take back its leased jobs at once"
                            + " instead of after leaseDuration.")
    private String instanceId;

    public PixazoConfiguration copy() {
        try {
            return (PixazoConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "PixazoConfiguration[gateway=" + gateway + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
               + (apiKey != null ? "xxxxxx" : "null") + "]";
    }

    public String getGateway() {
        return gateway;
    }

    public boolean isLogPrompt() {
        return logPrompt;
    }

    public void setLogPrompt(boolean logPrompt) {
        this.logPrompt = logPrompt;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public String getResultDelivery() {
        return resultDelivery;
    }

    public void setResultDelivery(String resultDelivery) {
        this.resultDelivery = resultDelivery;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public Integer getN() {
        return n;
    }

    public void setN(Integer n) {
        this.n = n;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getQuality() {
        return quality;
    }

    public void setQuality(String quality) {
        this.quality = quality;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public Integer getOutputCompression() {
        return outputCompression;
    }

    public void setOutputCompression(Integer outputCompression) {
        this.outputCompression = outputCompression;
    }

    public String getBackground() {
        return background;
    }

    public void setBackground(String background) {
        this.background = background;
    }

    public String getModeration() {
        return moderation;
    }

    public void setModeration(String moderation) {
        this.moderation = moderation;
    }

    public String getMask() {
        return mask;
    }

    public void setMask(String mask) {
        this.mask = mask;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookMode() {
        return webhookMode;
    }

    public void setWebhookMode(String webhookMode) {
        this.webhookMode = webhookMode;
    }

    public boolean isWebhookAllowHttpLoopback() {
        return webhookAllowHttpLoopback;
    }

    public void setWebhookAllowHttpLoopback(boolean webhookAllowHttpLoopback) {
        this.webhookAllowHttpLoopback = webhookAllowHttpLoopback;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public boolean isDownload() {
        return download;
    }

    public void setDownload(boolean download) {
        this.download = download;
    }

    public long getSpoolThreshold() {
        return spoolThreshold;
    }

    public void setSpoolThreshold(long spoolThreshold) {
        this.spoolThreshold = spoolThreshold;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public double getPollBackoffMultiplier() {
        return pollBackoffMultiplier;
    }

    public void setPollBackoffMultiplier(double pollBackoffMultiplier) {
        this.pollBackoffMultiplier = pollBackoffMultiplier;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public long getJobTimeout() {
        return jobTimeout;
    }

    public void setJobTimeout(long jobTimeout) {
        this.jobTimeout = jobTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public String getCarryHeaders() {
        return carryHeaders;
    }

    public void setCarryHeaders(String carryHeaders) {
        this.carryHeaders = carryHeaders;
    }

    public long getWebhookFallbackDelay() {
        return webhookFallbackDelay;
    }

    public void setWebhookFallbackDelay(long webhookFallbackDelay) {
        this.webhookFallbackDelay = webhookFallbackDelay;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public int getPollConcurrency() {
        return pollConcurrency;
    }

    public void setPollConcurrency(int pollConcurrency) {
        this.pollConcurrency = pollConcurrency;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getProgress() {
        return progress;
    }

    public void setProgress(String progress) {
        this.progress = progress;
    }

    public long getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(long leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }
}
