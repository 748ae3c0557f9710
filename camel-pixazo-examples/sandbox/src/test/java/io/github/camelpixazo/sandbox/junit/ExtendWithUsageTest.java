package io.github.camelpixazo.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.PixazoSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The declarative form: {@code @ExtendWith} with the sandbox injected into constructor and methods. */
@ExtendWith(PixazoSandboxExtension.class)
class ExtendWithUsageTest {

    private static PixazoSandbox fromBeforeAll;
    private final PixazoSandbox fromConstructor;

    ExtendWithUsageTest(PixazoSandbox sandbox) {
        this.fromConstructor = sandbox;
    }

    @BeforeAll
    static void remember(PixazoSandbox sandbox) {
        fromBeforeAll = sandbox;
    }

    @Test
    void theSameRunningSandboxIsInjectedEverywhere(PixazoSandbox sandbox) throws Exception {
        assertSame(fromBeforeAll, sandbox);
        assertSame(fromConstructor, sandbox);
        assertTrue(sandbox.isRunning());
        assertEquals(PixazoSandboxExtension.DEFAULT_PROCESSING_TIME, sandbox.processingTime());
        assertEquals(202, PixazoSandboxExtensionTest.submit(sandbox.baseUrl()));
    }
}
