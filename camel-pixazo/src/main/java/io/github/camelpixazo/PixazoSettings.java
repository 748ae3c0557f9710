package io.github.camelpixazo;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.job.JobClientSettings;
import io.github.camelpixazo.job.PollSettings;
import io.github.camelpixazo.job.RetryPolicy;

/**
 * The connection, timing and retry options of an endpoint, checked once when it starts so that a bad URI fails the
 * route at start-up, naming the option, instead of failing every message.
 */
record PixazoSettings(JobClientSettings client, PollSettings poll, RetryPolicy retryPolicy) {

    /** The environment variable read when no apiKey is configured (as the OpenAI SDKs read OPENAI_API_KEY). */
    static final String API_KEY_VARIABLE = "PIXAZO_API_KEY";

    /**
     * @param environment looks up an environment variable ({@code System::getenv} outside tests)
     */
    static PixazoSettings of(PixazoConfiguration config, UnaryOperator<String> environment) {
        URI baseUrl = baseUrl(config.getBaseUrl());
        String apiKey = config.getApiKey() == null ? null : config.getApiKey().trim();
        if (apiKey == null || apiKey.isEmpty()) {
            String fromEnvironment = environment.apply(API_KEY_VARIABLE);
            apiKey = fromEnvironment == null ? null : fromEnvironment.trim();
        }
        if (apiKey == null || apiKey.isEmpty()) {
            throw new PixazoValidationException("apiKey", null, "an API key is required: set the environment variable "
                    + API_KEY_VARIABLE + " (the safest way: it never passes through Camel's properties), or the apiKey"
                    + " option on the component (camel.component.pixazo.api-key) or the endpoint. For the local"
                    + " sandbox any non-blank value works.");
        }
        if (config.getSpoolThreshold() < -1) {
            throw new PixazoValidationException("spoolThreshold", config.getSpoolThreshold(), "must be -1 (keep images"
                    + " in memory), 0 (always spool) or a size in bytes.");
        }
        Duration pollInterval = positive("pollInterval", config.getPollInterval());
        Duration maxPollInterval = positive("maxPollInterval", config.getMaxPollInterval());
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new PixazoValidationException("maxPollInterval", config.getMaxPollInterval() + "ms",
                    "must not be shorter than pollInterval (" + config.getPollInterval() + "ms).");
        }
        if (!(config.getPollBackoffMultiplier() >= 1.0) || config.getPollBackoffMultiplier() > 10) {
            throw new PixazoValidationException("pollBackoffMultiplier", config.getPollBackoffMultiplier(),
                    "must be between 1 (constant interval) and 10.");
        }
        Duration jobTimeout = positive("jobTimeout", config.getJobTimeout());
        Duration connectTimeout = positive("connectTimeout", config.getConnectTimeout());
        Duration readTimeout = positive("readTimeout", config.getReadTimeout());
        if (config.getMaxRetries() < 0 || config.getMaxRetries() > 100) {
            throw new PixazoValidationException("maxRetries", config.getMaxRetries(), "must be between 0 and 100.");
        }
        if (config.getRetryDelay() < 0) {
            throw new PixazoValidationException("retryDelay", config.getRetryDelay() + "ms", "must not be negative.");
        }
        if (config.getMaxRetryDelay() < config.getRetryDelay()) {
            throw new PixazoValidationException("maxRetryDelay", config.getMaxRetryDelay() + "ms",
                    "must not be shorter than retryDelay (" + config.getRetryDelay() + "ms).");
        }
        RetryPolicy retry = new RetryPolicy(config.getMaxRetries(), Duration.ofMillis(config.getRetryDelay()),
                Duration.ofMillis(config.getMaxRetryDelay()));
        return new PixazoSettings(new JobClientSettings(baseUrl, apiKey, connectTimeout, readTimeout, retry),
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
                    + PixazoConfiguration.DEFAULT_BASE_URL + ".");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new PixazoValidationException("baseUrl", value, "must not contain a query, fragment or user info.");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    Duration connectTimeout() {
        return client.connectTimeout();
    }

    Duration readTimeout() {
        return client.readTimeout();
    }

    private static Duration positive(String option, long millis) {
        if (millis <= 0) {
            throw new PixazoValidationException(option, millis + "ms", "must be positive (e.g. 5s, 500ms, 15m).");
        }
        return Duration.ofMillis(millis);
    }
}
