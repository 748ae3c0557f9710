package io.github.camelpixazo.sandbox.junit;

import io.github.camelpixazo.sandbox.PixazoSandbox;
import io.github.camelpixazo.sandbox.SandboxGateway;
import io.github.camelpixazo.sandbox.SandboxFaults;
import io.github.camelpixazo.sandbox.SandboxRecords;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link PixazoSandbox} for a test class: started before all tests,
 * {@link PixazoSandbox#reset() reset} before each test, stopped after all tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
 *         .processingTime(Duration.ofMillis(100)).build();
 * }</pre>
 * or {@code @ExtendWith(PixazoSandboxExtension.class)} with a {@code PixazoSandbox} parameter in test,
 * lifecycle method or constructor. Unless configured otherwise, jobs take {@link #DEFAULT_PROCESSING_TIME}
 * here (tests want speed; the standalone sandbox defaults to 2 s for demos).
 */
public final class PixazoSandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofMillis(100);

    private final PixazoSandbox.Builder configuration;
    private PixazoSandbox sandbox;
    private int activeClasses; // nested test classes share the outer class's sandbox

    /** Default configuration; used by {@code @ExtendWith}. */
    public PixazoSandboxExtension() {
        this(PixazoSandbox.builder().processingTime(DEFAULT_PROCESSING_TIME));
    }

    private PixazoSandboxExtension(PixazoSandbox.Builder configuration) {
        this.configuration = configuration;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running sandbox. */
    public synchronized PixazoSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("The sandbox runs only while the test class runs; register the "
                    + "extension on a static field");
        }
        return sandbox;
    }

    public String baseUrl() {
        return sandbox().baseUrl();
    }

    public SandboxFaults faults() {
        return sandbox().faults();
    }

    public SandboxRecords records() {
        return sandbox().records();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (activeClasses++ == 0) {
            sandbox = configuration.build().start();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (sandbox == null) {
            throw new ExtensionConfigurationException("PixazoSandboxExtension must be registered on a static field "
                    + "(or with @ExtendWith on the class) so it can start before all tests");
        }
        sandbox.reset();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (activeClasses > 0 && --activeClasses == 0) {
            sandbox.stop();
            sandbox = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PixazoSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox();
    }

    /** The sandbox settings of {@link PixazoSandbox.Builder}, for the extension. */
    public static final class Builder {

        private final PixazoSandbox.Builder sandbox = PixazoSandbox.builder().processingTime(DEFAULT_PROCESSING_TIME);

        private Builder() {
        }

        public Builder port(int port) {
            sandbox.port(port);
            return this;
        }

        public Builder mediaPort(int mediaPort) {
            sandbox.mediaPort(mediaPort);
            return this;
        }

        public Builder processingTime(Duration processingTime) {
            sandbox.processingTime(processingTime);
            return this;
        }

        public Builder apiKey(String apiKey) {
            sandbox.apiKey(apiKey);
            return this;
        }

        public Builder basePath(String basePath) {
            sandbox.basePath(basePath);
            return this;
        }

        /** The gateway whose protocol the sandbox speaks (default Pixazo). */
        public Builder gateway(SandboxGateway gateway) {
            sandbox.gateway(gateway);
            return this;
        }

        public Builder allowHttpLoopbackWebhooks(boolean allow) {
            sandbox.allowHttpLoopbackWebhooks(allow);
            return this;
        }

        public PixazoSandboxExtension build() {
            return new PixazoSandboxExtension(sandbox);
        }
    }
}
