package io.github.camelpixazo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Start, stop and configuration: ports are released and no sandbox thread outlives the sandbox. */
class SandboxLifecycleTest {

    @Test
    void stopReleasesBothPortsAndEveryThread() throws Exception {
        PixazoSandbox sandbox = PixazoSandbox.builder().processingTime(Duration.ofMillis(50)).build().start();
        SandboxClient client = new SandboxClient(sandbox);
        String requestId = client.accepted(SandboxClient.TEXT_TO_IMAGE, SandboxClient.json("prompt", "x"));
        client.download(client.awaitTerminal(requestId, Duration.ofSeconds(5)).at("/output/media_url/0").asText());
        int port = sandbox.port();
        int mediaPort = sandbox.mediaPort();
        assertTrue(sandbox.isRunning());

        sandbox.stop();

        assertFalse(sandbox.isRunning());
        for (Thread thread : sandboxThreads()) {
            thread.join(2000);
        }
        assertEquals(List.of(), sandboxThreads().stream().map(Thread::getName).collect(Collectors.toList()));
        for (int freed : new int[] {port, mediaPort}) {
            try (ServerSocket socket = new ServerSocket(freed, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(freed, socket.getLocalPort());
            }
        }
        sandbox.stop(); // idempotent
    }

    @Test
    void fixedPortsAreUsedAndConflictsReported() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
            PixazoSandbox clash = PixazoSandbox.builder().port(free).build();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, clash::start);
            assertTrue(e.getMessage().contains(":" + free), e.getMessage());
        }
        try (PixazoSandbox sandbox = PixazoSandbox.builder().port(free).build().start()) {
            assertEquals("http://127.0.0.1:" + free, sandbox.baseUrl());
        }
    }

    @Test
    void aSandboxStartsOnlyOnce() {
        PixazoSandbox sandbox = PixazoSandbox.builder().build();
        assertThrows(IllegalStateException.class, sandbox::baseUrl, "no URL before start");
        sandbox.start();
        try {
            assertThrows(IllegalStateException.class, sandbox::start);
        } finally {
            sandbox.stop();
        }
        assertThrows(IllegalStateException.class, sandbox::start);
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().port(-1));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().mediaPort(70000));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().processingTime(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> PixazoSandbox.builder().apiKey(" "));
        assertThrows(NullPointerException.class, () -> PixazoSandbox.builder().processingTime(null));
    }

    private static List<Thread> sandboxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(NamedThreadFactory.PREFIX) || t.getName().startsWith("HTTP-Dispatcher"))
                .filter(Thread::isAlive)
                .collect(Collectors.toList());
    }
}
