package io.github.camelpixazo.examples;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.camelpixazo.PixazoConfiguration;
import io.github.camelpixazo.sandbox.PixazoSandbox;

/**
 * Where the examples send their jobs: the embedded sandbox (the default) or, when the environment variable
 * {@value #API_KEY_ENV} is set, the real Pixazo gateway with that key.
 * <p>
 * The base URL is set on the {@code pixazo} component ({@code camel.component.pixazo.base-url}). A real key is not
 * passed through Camel's properties at all - camel-main prints configured properties at DEBUG - the component reads
 * {@value #API_KEY_ENV} itself; only the sandbox's dummy key is a property.
 */
public final class Gateway implements AutoCloseable {

    /** The environment variable that switches the examples to the real gateway. */
    public static final String API_KEY_ENV = "PIXAZO_API_KEY";
    /** Optional: another gateway URL (an API manager in front of Pixazo, or a standalone sandbox). */
    public static final String BASE_URL_ENV = "PIXAZO_BASE_URL";
    /** How long a sandbox job takes in a demo run: long enough to see QUEUED, PROCESSING, COMPLETED go by. */
    public static final Duration DEMO_PROCESSING_TIME = Duration.ofMillis(1500);

    private final String baseUrl;
    private final String apiKey;
    private final PixazoSandbox sandbox;
    private final boolean ownsSandbox;

    private Gateway(String baseUrl, String apiKey, PixazoSandbox sandbox, boolean ownsSandbox) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.sandbox = sandbox;
        this.ownsSandbox = ownsSandbox;
    }

    /** The real gateway if {@value #API_KEY_ENV} is set, otherwise a sandbox started here (and stopped by close()). */
    public static Gateway fromEnvironment() {
        String key = System.getenv(API_KEY_ENV);
        if (key != null && !key.isBlank()) {
            String url = System.getenv(BASE_URL_ENV);
            return new Gateway(url != null && !url.isBlank() ? url.trim() : PixazoConfiguration.DEFAULT_BASE_URL,
                    key.trim(), null, false);
        }
        PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(DEMO_PROCESSING_TIME).build().start();
        return new Gateway(sandbox.baseUrl(), "sandbox", sandbox, true);
    }

    /** A sandbox someone else started and stops (tests). */
    public static Gateway sandbox(PixazoSandbox sandbox) {
        return new Gateway(sandbox.baseUrl(), "sandbox", sandbox, false);
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    /** The sandbox, or null for the real gateway. */
    public PixazoSandbox sandboxOrNull() {
        return sandbox;
    }

    /**
     * Camel Main properties configuring the {@code pixazo} component for this gateway. Against the sandbox the
     * status is polled often, so a demo shows each state change within a fraction of a second; against the real
     * gateway the component's defaults (5 s, backing off to 20 s) apply.
     */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.pixazo.base-url", baseUrl);
        if (isSandbox()) {
            properties.put("camel.component.pixazo.api-key", apiKey); // not a secret
            long processing = sandbox.processingTime().toMillis();
            long poll = Math.max(50, Math.min(500, processing / 3));
            properties.put("camel.component.pixazo.poll-interval", poll + "ms");
            properties.put("camel.component.pixazo.max-poll-interval", (2 * poll) + "ms");
        }
        return properties;
    }

    /** For the summary: which gateway was used (never the key). */
    public String describe() {
        if (isSandbox()) {
            return "embedded sandbox at " + baseUrl + " (jobs take " + millis(sandbox.processingTime())
                   + "; set " + API_KEY_ENV + " to use the real gateway)";
        }
        return "Pixazo gateway at " + baseUrl + " (key from " + API_KEY_ENV + ")";
    }

    private static String millis(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
    }

    @Override
    public void close() {
        if (ownsSandbox) {
            sandbox.stop();
        }
    }
}
