package io.github.camelpixazo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command line parsing and the instructions printed at start. */
class PixazoSandboxMainTest {

    @ParameterizedTest
    @CsvSource({"2s, 2000", "500ms, 500", "1.5s, 1500", "1m, 60000", "PT3S, 3000", "0, 0", "3, 3000"})
    void parsesDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), PixazoSandboxMain.parseDuration(text));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> PixazoSandboxMain.parseDuration("soon"));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandboxMain.parse(new String[] {"--port"}));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandboxMain.parse(new String[] {"--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandboxMain.parse(new String[] {"--colour", "red"}));
        assertNull(PixazoSandboxMain.parse(new String[] {"--help"}));
    }

    @Test
    void theGatewayIsChosenOnTheCommandLineAndTheInstructionsSpeakIt() {
        assertThrows(IllegalArgumentException.class, () -> PixazoSandboxMain.parse(new String[] {"--gateway", "dalle"}));
        try (PixazoSandbox sandbox = PixazoSandboxMain.parse(new String[] {"--port", "0", "--media-port", "0",
                "--gateway", "evolink"}).build().start()) {
            org.junit.jupiter.api.Assertions.assertEquals(SandboxGateway.EVOLINK, sandbox.gateway());
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            PixazoSandboxMain.printInstructions(sandbox, new java.io.PrintStream(text, true,
                    java.nio.charset.StandardCharsets.UTF_8));
            String printed = text.toString(java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(printed.contains("EvoLink sandbox running")
                    && printed.contains("camel.component.pixazo.gateway = evolink")
                    && printed.contains("Authorization: Bearer sandbox"), printed);
        }
    }

    @Test
    void startsAsConfiguredAndExplainsHowToConnect() {
        PixazoSandbox.Builder builder = PixazoSandboxMain.parse(new String[] {
            "--port", "0", "--media-port", "0", "--processing-time", "250ms", "--api-key", "cli-key", "--base-path", "/gw"});
        try (PixazoSandbox sandbox = builder.build().start()) {
            assertEquals(Duration.ofMillis(250), sandbox.processingTime());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PixazoSandboxMain.printInstructions(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("camel.component.pixazo.base-url = " + sandbox.baseUrl()), text);
            assertTrue(sandbox.baseUrl().endsWith("/gw"));
            assertTrue(text.contains(sandbox.mediaBaseUrl()), text);

            SandboxClient.Response wrongKey = new SandboxClient(sandbox).submit(SandboxClient.TEXT_TO_IMAGE,
                    SandboxClient.json("prompt", "x"));
            assertEquals(401, wrongKey.status(), "--api-key makes only that key valid");
        }
    }
}
