package io.github.camelpixazo;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.job.JobClientSettings;
import io.github.camelpixazo.request.HeaderValues;
import io.github.camelpixazo.job.PollSettings;
import io.github.camelpixazo.job.RetryPolicy;
import io.github.camelpixazo.request.Spelling;

/**
 * The connection, timing and retry options of an endpoint, checked once when it starts so that a bad URI fails the
 * route at start-up, naming the option, instead of failing every message.
 */
record PixazoSettings(ImageGateway gateway, JobClientSettings client, PollSettings poll, RetryPolicy retryPolicy) {

    /**
     * The longest any duration option may be (jobTimeout, pollInterval, maxPollInterval, connectTimeout,
     * readTimeout, retryDelay, maxRetryDelay): 7 days. A job takes seconds to minutes; a longer value is a typo or
     * a unit mix-up, and very large ones overflowed the time arithmetic.
     */
    static final long MAX_DURATION_MILLIS = Duration.ofDays(7).toMillis();

    /** Pixazo's environment variable; each gateway has its own ({@link ImageGateway#apiKeyVariable()}). */
    static final String API_KEY_VARIABLE = "PIXAZO_API_KEY";

    /**
     * @param given       the text written for typed options (see {@link GivenOptions}): messages quote it rather than
     *                    the converted value
     * @param environment looks up an environment variable ({@code System::getenv} outside tests)
     */
    static PixazoSettings of(PixazoConfiguration config, Map<String, String> given, UnaryOperator<String> environment) {
        ImageGateway gateway = Gateways.byId(config.getGateway());
        URI baseUrl = baseUrl(config.getBaseUrl() != null ? config.getBaseUrl() : gateway.defaultBaseUrl());
        String apiKey = config.getApiKey() == null ? null : config.getApiKey().trim();
        String variable = gateway.apiKeyVariable();
        String keySource = "set as the option apiKey";
        if (apiKey == null || apiKey.isEmpty()) {
            String fromEnvironment = environment.apply(variable);
            apiKey = fromEnvironment == null ? null : fromEnvironment.trim();
            keySource = "read from the environment variable " + variable;
        }
        if (apiKey == null || apiKey.isEmpty()) {
            throw new PixazoValidationException("apiKey", null, "an API key for " + gateway.name() + " is required."
                    + " Set the environment variable " + variable + " (the safest way: it never passes through Camel's"
                    + " properties), or set it once on the component: in application.properties"
                    + " camel.component.pixazo.api-key; in Java context.getComponent(\"pixazo\","
                    + " PixazoComponent.class).getConfiguration().setApiKey(key). A key configured on a component for"
                    + " another gateway is not used for " + gateway.name() + " (see the option gateway). Avoid apiKey="
                    + " in endpoint URIs: route dumps print them. For the local sandbox any non-blank value works.");
        }
        String where = keySource;
        HeaderValues.tokenProblem(apiKey).ifPresent(problem -> {
            // never quoted: the key is a secret, and the character is invisible anyway
            throw new PixazoValidationException("apiKey", null, "the API key " + where + " " + problem + ". A key is"
                    + " letters, digits and punctuation only: copy it again without that character (a key copied from a"
                    + " secret store or a web page often brings a line break or a no-break space along). Nothing was"
                    + " sent.");
        });
        if (config.getSpoolThreshold() < -1) {
            throw new PixazoValidationException("spoolThreshold", given.getOrDefault("spoolThreshold",
                    String.valueOf(config.getSpoolThreshold())), "must be -1 (keep images in memory), 0 (always spool)"
                    + " or a size in bytes.");
        }
        Duration pollInterval = positive("pollInterval", config.getPollInterval(), given);
        Duration maxPollInterval = positive("maxPollInterval", config.getMaxPollInterval(), given);
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new PixazoValidationException("maxPollInterval", text(given, "maxPollInterval", config.getMaxPollInterval()),
                    "must not be shorter than pollInterval (" + text(given, "pollInterval", config.getPollInterval()) + ").");
        }
        if (!(config.getPollBackoffMultiplier() >= 1.0) || config.getPollBackoffMultiplier() > 10) {
            throw new PixazoValidationException("pollBackoffMultiplier",
                    given.getOrDefault("pollBackoffMultiplier", String.valueOf(config.getPollBackoffMultiplier())),
                    "must be between 1 (constant interval) and 10.");
        }
        Duration jobTimeout = positive("jobTimeout", config.getJobTimeout(), given);
        Duration connectTimeout = positive("connectTimeout", config.getConnectTimeout(), given);
        Duration readTimeout = positive("readTimeout", config.getReadTimeout(), given);
        if (config.getMaxRetries() < 0 || config.getMaxRetries() > 100) {
            throw new PixazoValidationException("maxRetries", given.getOrDefault("maxRetries",
                    String.valueOf(config.getMaxRetries())), "must be between 0 and 100.");
        }
        if (config.getRetryDelay() < 0) {
            throw new PixazoValidationException("retryDelay", text(given, "retryDelay", config.getRetryDelay()),
                    "must not be negative.");
        }
        atMostAWeek("retryDelay", config.getRetryDelay(), given);
        atMostAWeek("maxRetryDelay", config.getMaxRetryDelay(), given);
        if (config.getMaxRetryDelay() < config.getRetryDelay()) {
            throw new PixazoValidationException("maxRetryDelay", text(given, "maxRetryDelay", config.getMaxRetryDelay()),
                    "must not be shorter than retryDelay (" + text(given, "retryDelay", config.getRetryDelay()) + ").");
        }
        RetryPolicy retry = new RetryPolicy(config.getMaxRetries(), Duration.ofMillis(config.getRetryDelay()),
                Duration.ofMillis(config.getMaxRetryDelay()));
        return new PixazoSettings(gateway, new JobClientSettings(baseUrl, apiKey, connectTimeout, readTimeout, retry),
                new PollSettings(pollInterval, config.getPollBackoffMultiplier(), maxPollInterval, jobTimeout), retry);
    }

    static URI baseUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new PixazoValidationException("baseUrl", value, "required, e.g. " + PixazoConfiguration.DEFAULT_BASE_URL);
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new PixazoValidationException("baseUrl", value, "not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new PixazoValidationException("baseUrl", value, "must be an absolute http(s) URL with a host, e.g. "
                    + PixazoConfiguration.DEFAULT_BASE_URL + "." + baseUrlMeant(value.trim(), scheme));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new PixazoValidationException("baseUrl", value, "must not contain a query, fragment or user info.");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** " Did you mean 'https://gateway.pixazo.ai'?" for a host without scheme or a misspelt scheme. */
    private static String baseUrlMeant(String value, String scheme) {
        int colon = value.indexOf("://");
        if (colon < 0) {
            if (value.isEmpty() || value.contains(" ") || value.contains("/") && !value.contains(".")) {
                return "";
            }
            boolean local = value.startsWith("localhost") || value.startsWith("127.");
            return " Did you mean '" + (local ? "http://" : "https://") + value + "'?";
        }
        List<String> meant = Spelling.closest(scheme, List.of("https", "http"));
        return meant.isEmpty() ? "" : " Did you mean '" + meant.get(0) + value.substring(colon) + "'?";
    }

    Duration connectTimeout() {
        return client.connectTimeout();
    }

    Duration readTimeout() {
        return client.readTimeout();
    }

    private static Duration positive(String option, long millis, Map<String, String> given) {
        if (millis <= 0) {
            throw new PixazoValidationException(option, text(given, option, millis), "must be positive (e.g. 5s, 500ms,"
                    + " 15m).");
        }
        atMostAWeek(option, millis, given);
        return Duration.ofMillis(millis);
    }

    private static void atMostAWeek(String option, long millis, Map<String, String> given) {
        if (millis > MAX_DURATION_MILLIS) {
            throw new PixazoValidationException(option, text(given, option, millis), "must be at most 7d ("
                    + MAX_DURATION_MILLIS + " ms); a job takes seconds to minutes.");
        }
    }

    /** What the user wrote for a duration option, else its value in milliseconds (set in Java: a number of ms). */
    private static String text(Map<String, String> given, String option, long millis) {
        return given.getOrDefault(option, millis + "ms");
    }
}
