package io.github.camelpixazo.memory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edit image arriving as an InputStream is read whole into the heap by Camel's stream caching at the start of the
 * route, before the producer could stream it (D9): nothing a producer does runs earlier. The component page says how
 * to avoid it, and this proves each documented way: a 45 MB upload through {@code pixazo:edit} in a JVM whose heap is
 * 48 MB ({@link EditStreamApp}, started like a user's application) succeeds with Camel's spooling enabled and with
 * stream caching off for the route, and - the control - dies of OutOfMemoryError with Camel's defaults.
 */
class EditStreamForkTest {

    private static final long INPUT = 45L * 1024 * 1024;
    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000000d9d9";

    @TempDir
    Path folder;

    @Test
    void withCamelsSpoolingEnabledA45MegabyteUploadFitsA48MegabyteHeap() throws Exception {
        Run run = run("spool");
        assertEquals(0, run.exitCode, "the application failed:\n" + run.output);
        assertTrue(run.output.contains("RESULT ok " + ID), run.output);
        assertEquals(base64Length(INPUT), run.base64Received, "the whole image went out, base64 inside the JSON");
    }

    @Test
    void withStreamCachingOffForTheRouteA45MegabyteUploadFitsA48MegabyteHeap() throws Exception {
        Run run = run("off");
        assertEquals(0, run.exitCode, "the application failed:\n" + run.output);
        assertTrue(run.output.contains("RESULT ok " + ID), run.output);
        assertEquals(base64Length(INPUT), run.base64Received);
    }

    /** The control: Camel's defaults read the upload into the heap before the producer sees it. */
    @Test
    void withCamelsDefaultsTheSameUploadDoesNotFit() throws Exception {
        Run run = run("default");
        assertTrue(run.exitCode != 0 && run.output.contains("java.lang.OutOfMemoryError"),
                "expected Camel's in-memory stream cache to exhaust the 48 MB heap:\n" + run.output);
    }

    private static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    private record Run(int exitCode, String output, long base64Received) {
    }

    /** A stand-in Pixazo gateway that takes the edit without keeping it, and a small result. */
    private Run run(String mode) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        AtomicLong base64 = new AtomicLong();
        byte[] result = TestImages.png(8, 8);
        String base = "http://127.0.0.1:";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] answer;
            if (path.equals(GatewayStub.EDIT_2)) {
                base64.set(countBase64(exchange.getRequestBody()));
                answer = GatewayStub.submitted(ID).getBytes(StandardCharsets.UTF_8);
            } else if (path.startsWith(GatewayStub.STATUS)) {
                answer = GatewayStub.status(ID, "COMPLETED", null, List.of(base + server.getAddress().getPort()
                        + "/media.png"), "image/png").getBytes(StandardCharsets.UTF_8);
            } else {
                answer = result;
            }
            exchange.getResponseHeaders().add("Content-Type", path.equals("/media.png") ? "image/png"
                    : "application/json");
            exchange.sendResponseHeaders(path.equals(GatewayStub.EDIT_2) ? 202 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + folder.toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), EditStreamApp.class.getName(),
                    base + server.getAddress().getPort(), mode, String.valueOf(INPUT));
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            builder.environment().put("PIXAZO_API_KEY", GatewayStub.KEY);
            Process app = builder.start();
            String output;
            try (InputStream in = app.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(app.waitFor(180, TimeUnit.SECONDS), "the application did not end");
            System.out.println("EditStreamForkTest[" + mode + "]: exit " + app.exitValue() + ", "
                               + output.lines().filter(l -> l.startsWith("RESULT") || l.startsWith("HEAP")).toList());
            return new Run(app.exitValue(), output, base64.get());
        } finally {
            server.stop(0);
        }
    }

    /** The length of the data URI's base64 in the JSON body, read as it streams in, never held. */
    private static long countBase64(InputStream body) throws java.io.IOException {
        byte[] marker = ";base64,".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[64 * 1024];
        int matched = 0;
        boolean inside = false;
        long count = 0;
        int n;
        while ((n = body.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (inside) {
                    if (b == '"') {
                        inside = false;
                    } else {
                        count++;
                    }
                } else if (count == 0) {
                    matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
                    if (matched == marker.length) {
                        inside = true;
                    }
                }
            }
        }
        return count;
    }
}
