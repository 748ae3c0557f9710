package io.github.camelpixazo.support;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConfiguration;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Camel context whose pixazo component points at a {@link GatewayStub} with the key {@link GatewayStub#KEY} and
 * fast polling, so tests run in milliseconds.
 */
public abstract class PixazoTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    protected static GatewayStub gateway;

    @BeforeAll
    static void bindGateway() {
        gateway = STUB.stub();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PixazoComponent pixazo = new PixazoComponent();
        configure(pixazo.getConfiguration());
        // jobs submitted with waitForCompletion=false go to a store of this test's own (not data/pixazo-jobs)
        pixazo.setJobStore(new ResubmittingMemoryJobStore());
        context.addComponent("pixazo", pixazo);
        return context;
    }

    /** Test defaults: the stub, its key, polling every few milliseconds, short retry delays. */
    protected void configure(PixazoConfiguration configuration) {
        configuration.setBaseUrl(gateway.baseUrl());
        configuration.setApiKey(GatewayStub.KEY);
        configuration.setPollInterval(20);
        configuration.setMaxPollInterval(100);
        configuration.setRetryDelay(10);
        configuration.setMaxRetryDelay(2_000);
        configuration.setJobTimeout(10_000);
    }

    /** The exception a route call failed with, unwrapped from Camel's CamelExecutionException. */
    protected static <T extends Throwable> T failure(Class<T> type, Executable call) {
        CamelExecutionException wrapper = assertThrows(CamelExecutionException.class, call);
        Throwable cause = wrapper.getCause();
        if (!type.isInstance(cause)) {
            throw new AssertionError("Expected " + type.getSimpleName() + " but got " + cause, cause);
        }
        return type.cast(cause);
    }
}
