package io.github.camelpixazo.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.GatewayStubExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route users write most, {@code .to("pixazo:generate").to("file:images")}, writes a 120 MB image in a JVM whose
 * heap is 96 MB, with default options: a user's application ({@link BigImageApp}) in its own JVM, started like one
 * (java -Xmx96m -cp the test classpath), the key in its environment. With the image kept in memory
 * ({@code spoolThreshold=-1}, the behaviour before streaming) the same application dies of OutOfMemoryError.
 */
class BigImageForkTest {

    private static final long IMAGE = 120L * 1024 * 1024;
    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-00000000b16a";

    @RegisterExtension
    static final GatewayStubExtension STUB = new GatewayStubExtension();

    @TempDir
    Path folder;

    @Test
    void writesA120MegabyteImageWithA96MegabyteHeap() throws Exception {
        Result result = run();

        assertEquals(0, result.exitCode, "the application failed:\n" + result.output);
        assertTrue(result.output.contains("RESULT ok " + ID + ".png"), result.output);
        Path written = result.images.resolve(ID + ".png");
        assertEquals(IMAGE, Files.size(written));
        assertArrayEquals(expectedDigest(), digest(written), "the file is the image, byte for byte");
        STUB.stub().api().verify(getRequestedFor(urlPathEqualTo(GatewayStub.STATUS + ID))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(GatewayStub.KEY)));
        try (var left = Files.list(folder)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".spool")), "the spool file is gone");
        }
    }

    /** The control: the same application with the image kept in memory does not fit in that heap. */
    @Test
    void theSameApplicationKeepingTheImageInMemoryDoesNotFit() throws Exception {
        Result result = run("spoolThreshold=-1");

        assertTrue(result.exitCode != 0 && result.output.contains("java.lang.OutOfMemoryError"),
                "expected the 96 MB heap to be too small:\n" + result.output);
        assertTrue(!Files.exists(result.images.resolve(ID + ".png")), "no image was written");
    }

    private record Result(int exitCode, String output, Path images) {
    }

    private Result run(String... options) throws Exception {
        GatewayStub gateway = STUB.stub();
        gateway.reset();
        try (ImageServer media = new ImageServer()) {
            gateway.stubSubmit(GatewayStub.GENERATE_2, ID);
            gateway.stub(get(urlPathEqualTo(GatewayStub.STATUS + ID)).willReturn(GatewayStub.json(200,
                    GatewayStub.status(ID, "COMPLETED", null, List.of(media.url(IMAGE)), "image/png"))));
            Path images = Files.createDirectories(folder.resolve("images" + options.length));

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + folder.toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), BigImageApp.class.getName(), gateway.baseUrl(),
                    images.toString()));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            builder.environment().put("PIXAZO_API_KEY", GatewayStub.KEY);
            Process app = builder.start();
            String output;
            try (InputStream in = app.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(app.waitFor(180, TimeUnit.SECONDS), "the application did not end");
            System.out.println("BigImageForkTest" + List.of(options) + ": exit " + app.exitValue() + ", "
                               + output.lines().filter(l -> l.startsWith("RESULT") || l.startsWith("HEAP")).toList());
            return new Result(app.exitValue(), output, images);
        }
    }

    private static byte[] expectedDigest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ImageServer.write(new OutputStream() {
            @Override
            public void write(int b) {
                sha.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha.update(b, off, len);
            }
        }, IMAGE);
        return sha.digest();
    }

    private static byte[] digest(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw e;
        }
        return sha.digest();
    }
}
