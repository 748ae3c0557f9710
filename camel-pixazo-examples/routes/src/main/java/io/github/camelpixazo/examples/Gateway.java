package io.github.camelpixazo.examples;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.sandbox.PixazoSandbox;
import io.github.camelpixazo.sandbox.SandboxGateway;

/**
 * Where the examples send their jobs: the embedded sandbox (the default) or, when the gateway's key variable is set
 * ({@value #API_KEY_ENV}, {@code PIXAPI_API_KEY} or {@code EVOLINK_API_KEY}), the real gateway with that key. Which
 * gateway is the system property {@value #GATEWAY_PROPERTY} ({@code pixazo}, {@code pixapi} or {@code evolink};
 * {@code -Dgateway=pixapi} on the README's command line); the sandbox then speaks that gateway's protocol.
 * <p>
 * The gateway and base URL are set on the {@code pixazo} component ({@code camel.component.pixazo.gateway},
 * {@code camel.component.pixazo.base-url}). A real key is not passed through Camel's properties at all - camel-main
 * prints configured properties at DEBUG - the component reads the gateway's variable itself; only the sandbox's dummy
 * key is a property.
 */
public final class Gateway implements AutoCloseable {

    /** The environment variable that switches the examples to the real Pixazo gateway. */
    public static final String API_KEY_ENV = "PIXAZO_API_KEY";
    /**
     * The key the examples give the sandbox (it takes any). Not a word its messages contain: the component masks the
     * key wherever it appears in a message, so a key "sandbox" would turn "failed (sandbox)" into "failed (xxxxxx)".
     */
    static final String SANDBOX_KEY = "sandbox-demo-key";
    /** The system property that picks the gateway: pixazo (default), pixapi or evolink. */
    public static final String GATEWAY_PROPERTY = "gateway";
    /** Optional: another gateway URL (an API manager in front of Pixazo, or a standalone sandbox). */
    public static final String BASE_URL_ENV = "PIXAZO_BASE_URL";
    /** How long a sandbox job takes in a demo run: long enough to see QUEUED, PROCESSING, COMPLETED go by. */
    public static final Duration DEMO_PROCESSING_TIME = Duration.ofMillis(1500);

    private final SandboxGateway gateway;
    private final String baseUrl;
    private final String apiKey;
    private final PixazoSandbox sandbox;
    private final boolean ownsSandbox;

    private Gateway(SandboxGateway gateway, String baseUrl, String apiKey, PixazoSandbox sandbox, boolean ownsSandbox) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.sandbox = sandbox;
        this.ownsSandbox = ownsSandbox;
    }

    /**
     * The gateway of {@code -Dgateway} (default pixazo): the real one if its key variable is set, otherwise a sandbox
     * speaking its protocol, started here (and stopped by close()).
     */
    public static Gateway fromEnvironment() {
        SandboxGateway gateway = SandboxGateway.of(System.getProperty(GATEWAY_PROPERTY, "pixazo"));
        String key = System.getenv(gateway.id().toUpperCase(Locale.ROOT) + "_API_KEY");
        if (key != null && !key.isBlank()) {
            String url = gateway == SandboxGateway.PIXAZO ? System.getenv(BASE_URL_ENV) : null;
            return new Gateway(gateway, url != null && !url.isBlank() ? url.trim() : null, key.trim(), null, false);
        }
        PixazoSandbox sandbox = PixazoSandbox.builder().gateway(gateway).processingTime(DEMO_PROCESSING_TIME).build()
                .start();
        return new Gateway(gateway, sandbox.baseUrl(), SANDBOX_KEY, sandbox, true);
    }

    /** A sandbox someone else started and stops (tests); the gateway is the one it speaks. */
    public static Gateway sandbox(PixazoSandbox sandbox) {
        return new Gateway(sandbox.gateway(), sandbox.baseUrl(), SANDBOX_KEY, sandbox, false);
    }

    /** The gateway's id, as the component's option gateway takes it. */
    public String id() {
        return gateway.id();
    }

    /** Whether the gateway calls a webhook when a job ends: Pixazo and EvoLink do, Pixapi documents no callbacks. */
    public boolean hasCallbacks() {
        return gateway != SandboxGateway.PIXAPI;
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
        properties.put("camel.component.pixazo.gateway", gateway.id());
        if (baseUrl != null) { // else the gateway's documented base URL
            properties.put("camel.component.pixazo.base-url", baseUrl);
        }
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
        String variable = gateway.id().toUpperCase(Locale.ROOT) + "_API_KEY";
        if (isSandbox()) {
            return "embedded " + gateway.displayName() + " sandbox at " + baseUrl + " (jobs take "
                   + millis(sandbox.processingTime()) + "; set " + variable + " to use the real gateway)";
        }
        String url = baseUrl != null ? baseUrl : Gateways.byId(gateway.id()).defaultBaseUrl();
        return gateway.displayName() + " gateway at " + url + " (key from " + variable + ")";
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
