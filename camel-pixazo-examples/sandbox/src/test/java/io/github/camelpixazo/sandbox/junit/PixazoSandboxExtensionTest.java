package io.github.camelpixazo.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.PixazoSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as a user registers it: one sandbox for the class, reset before each test, injectable. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PixazoSandboxExtensionTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
            .processingTime(Duration.ZERO)
            .apiKey("ext-key")
            .build();

    private static PixazoSandbox firstSeen;

    static int submit(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/gpt-image-2/v1/text-to-image"))
                .header("Ocp-Apim-Subscription-Key", "ext-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"from a test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    @Test
    @Order(1)
    void theSandboxRunsAndIsInjected(PixazoSandbox injected) throws Exception {
        firstSeen = injected;
        assertSame(sandbox.sandbox(), injected);
        assertTrue(injected.isRunning());
        assertEquals(Duration.ZERO, injected.processingTime(), "configured through the extension builder");
        sandbox.faults().insufficientBalance(5);
        assertEquals(402, submit(sandbox.baseUrl()));
        assertEquals(1, sandbox.records().submissions().size());
    }

    @Test
    @Order(2)
    void eachTestStartsFromAResetSandbox(PixazoSandbox injected) throws Exception {
        assertSame(firstSeen, injected, "one sandbox for the whole class");
        assertEquals(0, sandbox.records().submissions().size(), "records were reset");
        assertEquals(202, submit(sandbox.baseUrl()), "faults were reset");
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesShareTheOuterSandbox(PixazoSandbox injected) throws Exception {
            assertSame(sandbox.sandbox(), injected);
            assertEquals(202, submit(injected.baseUrl()));
        }
    }

    @Test
    void lifecycleCallbacksStartResetAndStop() throws Exception {
        PixazoSandboxExtension extension = PixazoSandboxExtension.builder().build();
        assertThrows(IllegalStateException.class, extension::sandbox, "not running before beforeAll");
        assertThrows(ExtensionConfigurationException.class, () -> extension.beforeEach(null),
                "an instance field registration never gets beforeAll");

        extension.beforeAll(null);
        PixazoSandbox running = extension.sandbox();
        assertEquals(PixazoSandboxExtension.DEFAULT_PROCESSING_TIME, running.processingTime());
        running.faults().insufficientBalance(1);
        assertEquals(402, submit(running.baseUrl()));
        extension.beforeEach(null);
        assertEquals(0, running.records().submissions().size());

        extension.afterAll(null);
        assertFalse(running.isRunning());
        assertThrows(IllegalStateException.class, extension::sandbox);
    }
}
