package io.github.camelpixazo.examples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelpixazo.sandbox.PixazoSandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on what the examples leave on disk. */
final class ExampleAssertions {

    /** Where the tests run the examples (the demo runs use target/example). */
    static final Path BASE_DIR = Path.of("target", "example-test").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ExampleAssertions() {
    }

    /** The file decodes as an image of this size, whatever its name says. */
    static BufferedImage assertImage(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing image " + file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a decodable image");
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), "size of " + file);
        return image;
    }

    /** The names of the regular files directly in a directory, sorted (hidden ones included). */
    static List<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The image the sandbox serves for a job: what the component must have downloaded and written. */
    static byte[] sandboxImage(PixazoSandbox sandbox, String requestId, String extension) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(sandbox.mediaBaseUrl() + "/v1/" + requestId + "/output." + extension)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "sandbox media of " + requestId);
        return response.body();
    }

    /** What {@link Summary#print} prints. */
    static String printed(Summary summary) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        summary.print(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static boolean isPng(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        return image != null && bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }
}
