package io.github.camelpixazo.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link GatewayStub} per test class, reset before each test:
 * {@code @RegisterExtension static GatewayStubExtension gateway = new GatewayStubExtension();}
 */
public final class GatewayStubExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private GatewayStub stub;

    /** The running stub (between beforeAll and afterAll). */
    public GatewayStub stub() {
        return stub;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stub = new GatewayStub();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stub.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stub.close();
    }
}
