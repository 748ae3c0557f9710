package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.EDIT;
import static io.github.camelpixazo.sandbox.SandboxClient.GPT_IMAGE_1_5;
import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelpixazo.sandbox.image.ImageFormat;
import io.github.camelpixazo.sandbox.image.ImageSniffer;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Completed jobs list media on a second, keyless origin; the files are real images of the requested size and format. */
class MediaTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().processingTime(Duration.ZERO).build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    private JsonNode completed(String path, String body) {
        JsonNode status = client.awaitTerminal(client.accepted(path, body), Duration.ofSeconds(5));
        assertEquals("COMPLETED", status.get("status").asText(), status.toString());
        return status;
    }

    private static List<String> mediaUrls(JsonNode status) {
        List<String> urls = new ArrayList<>();
        status.at("/output/media_url").forEach(url -> urls.add(url.asText()));
        return urls;
    }

    private HttpResponse<byte[]> fetch(String url) {
        HttpResponse<byte[]> response = client.download(url);
        assertEquals(200, response.statusCode(), url);
        return response;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "not decodable");
        return image;
    }

    @ParameterizedTest
    @CsvSource({
        "png,  1024x1536, 1024, 1536, image/png",
        "jpeg, 2048x1152, 2048, 1152, image/jpeg",
        "webp, 1280x720,  1280, 720,  image/webp",
        "png,  auto,      1024, 1024, image/png"})
    void gptImage2MediaAreRealImagesOfTheRequestedSizeAndFormat(String format, String size, int width, int height,
                                                              String mimeType) throws IOException {
        JsonNode status = completed(TEXT_TO_IMAGE, json("prompt", "media " + format, "n", 2, "size", size,
                "format", format));
        assertEquals(mimeType, status.at("/output/media_type").asText());
        List<String> urls = mediaUrls(status);
        assertEquals(2, urls.size());
        String requestId = status.get("request_id").asText();
        assertEquals(sandbox.sandbox().mediaBaseUrl() + "/v1/" + requestId + "/output." + format, urls.get(0));
        assertEquals(sandbox.sandbox().mediaBaseUrl() + "/v1/" + requestId + "/output-2." + format, urls.get(1));

        for (String url : urls) {
            HttpResponse<byte[]> response = fetch(url);
            assertEquals(mimeType, response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(ImageFormat.fromWireName(format).orElseThrow(), ImageSniffer.format(response.body()).orElseThrow());
            BufferedImage image = decode(response.body());
            assertEquals(width, image.getWidth());
            assertEquals(height, image.getHeight());
            assertFalse(image.getColorModel().hasAlpha() && (image.getRGB(0, 0) >>> 24) != 0xFF,
                    "gpt-image-2 images are opaque");
        }
    }

    @Test
    void mediaIsOnAnotherOriginThanTheApi() {
        URI media = URI.create(mediaUrls(completed(TEXT_TO_IMAGE, json("prompt", "x"))).get(0));
        URI api = URI.create(sandbox.baseUrl());
        assertEquals("127.0.0.1", media.getHost());
        assertNotEquals(api.getPort(), media.getPort());
        assertEquals(sandbox.sandbox().mediaPort(), media.getPort());
    }

    @ParameterizedTest
    @CsvSource({"png, PNG", "jpeg, JPEG", "webp, WEBP"})
    void gptImage15ReportsOctetStreamSoClientsMustSniff(String format, ImageFormat expected) throws IOException {
        JsonNode status = completed(GPT_IMAGE_1_5, json("prompt", "quirk", "output_format", format,
                "image_size", "1536x1024", "num_images", 1));
        assertEquals("application/octet-stream", status.at("/output/media_type").asText());

        HttpResponse<byte[]> response = fetch(mediaUrls(status).get(0));
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(expected, ImageSniffer.format(response.body()).orElseThrow());
        BufferedImage image = decode(response.body());
        assertEquals(1536, image.getWidth());
        assertEquals(1024, image.getHeight());
    }

    @ParameterizedTest
    @CsvSource({"png", "webp"})
    void transparentGptImage15BackgroundsHaveAlpha(String format) throws IOException {
        JsonNode status = completed(GPT_IMAGE_1_5, json("prompt", "a sticker", "background", "transparent",
                "output_format", format));
        BufferedImage image = decode(fetch(mediaUrls(status).get(0)).body());

        assertTrue(image.getColorModel().hasAlpha());
        assertEquals(0, image.getRGB(0, 0) >>> 24, "the corner is background: transparent");
        int panelAlpha = image.getRGB(image.getWidth() / 2, image.getHeight() / 2) >>> 24;
        assertTrue(panelAlpha > 0, "the text panel is visible, alpha " + panelAlpha);
    }

    @Test
    void editJobsProduceImagesToo() throws IOException {
        JsonNode status = completed(EDIT, json("prompt", "edit", "image", "https://example.com/a.png", "size", "1536x1024"));
        BufferedImage image = decode(fetch(mediaUrls(status).get(0)).body());
        assertEquals(1536, image.getWidth());
    }

    /** The edited picture shows the input image (and the mask) it was made from, through the wire, as PNG. */
    @Test
    void anEditedImageShowsItsInputAndMask() throws IOException {
        BufferedImage input = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                input.setRGB(x, y, 0x1E90FF);
            }
        }
        BufferedImage mask = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 64; x < 128; x++) {
                mask.setRGB(x, y, 0xFFFFFF);
            }
        }
        JsonNode status = completed(EDIT, json("prompt", "turn the sky orange",
                "image", TestImages.dataUri("image/png", encode(input)), "mask", TestImages.dataUri("image/png", encode(mask)),
                "size", "1024x1024"));
        BufferedImage result = decode(fetch(mediaUrls(status).get(0)).body());

        int[][] boxes = io.github.camelpixazo.sandbox.image.PromptImageRenderer.editBoxes(1024, 1024);
        int[] inputBox = boxes[0];
        assertEquals(0x1E90FF, result.getRGB(inputBox[0] + inputBox[2] / 2, inputBox[1] + inputBox[3] / 2) & 0xFFFFFF,
                "the input image is in its box");
        int[] maskBox = boxes[1];
        int side = Math.min(maskBox[2], maskBox[3]);
        int centreX = maskBox[0] + maskBox[2] / 2;
        int middleY = maskBox[1] + maskBox[3] / 2;
        assertEquals(0x000000, result.getRGB(centreX - side / 4, middleY) & 0xFFFFFF, "the mask's black half");
        assertEquals(0xFFFFFF, result.getRGB(centreX + side / 4, middleY) & 0xFFFFFF, "the mask's white half");
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void mediaNeedsNoKeyAndRecordsWhetherOneWasSent() {
        String url = mediaUrls(completed(TEXT_TO_IMAGE, json("prompt", "x"))).get(0);
        fetch(url);
        assertFalse(sandbox.records().anyMediaRequestCarriedApiKey());
        RecordedMediaRequest request = sandbox.records().mediaRequests().get(0);
        assertEquals("GET", request.method());
        assertEquals(200, request.responseStatus());
        assertEquals(URI.create(url).getPath(), request.path());

        assertEquals(200, client.download(url, Map.of("Ocp-Apim-Subscription-Key", SandboxClient.KEY)).statusCode());
        assertTrue(sandbox.records().anyMediaRequestCarriedApiKey(), "a key sent to the media host is recorded");
    }

    @Test
    void headAnswersWithTheLengthOfTheImage() throws Exception {
        String url = mediaUrls(completed(TEXT_TO_IMAGE, json("prompt", "head"))).get(0);
        int length = fetch(url).body().length;
        HttpResponse<Void> head = SandboxClient.http().send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("image/png", head.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void unknownOrUnfinishedMediaIs404() {
        JsonNode status = completed(TEXT_TO_IMAGE, json("prompt", "x", "format", "png"));
        String url = mediaUrls(status).get(0);
        assertEquals(404, client.download(url.replace(".png", ".jpeg")).statusCode(), "wrong extension");
        assertEquals(404, client.download(url.replace("output.png", "output-2.png")).statusCode(), "only n=1 image");
        assertEquals(404, client.download(url.replace("output.png", "output-1.png")).statusCode(), "first is output.png");
        assertEquals(404, client.download(sandbox.sandbox().mediaBaseUrl() + "/v1/nope/output.png").statusCode());

        sandbox.faults().nextJobsNeverComplete(1);
        String stuck = client.accepted(TEXT_TO_IMAGE, json("prompt", "x"));
        assertEquals(404, client.download(sandbox.sandbox().mediaBaseUrl() + "/v1/" + stuck + "/output.png").statusCode());
    }

    @Test
    void eachPromptGetsItsOwnPictureAndRepeatedDownloadsAreIdentical() {
        String a = mediaUrls(completed(TEXT_TO_IMAGE, json("prompt", "a red fox"))).get(0);
        String b = mediaUrls(completed(TEXT_TO_IMAGE, json("prompt", "a blue whale"))).get(0);
        byte[] first = fetch(a).body();
        assertArrayEquals(first, fetch(a).body());
        assertFalse(Arrays.equals(first, fetch(b).body()));
    }

    @Test
    void renderedImagesAreNotAllKeptInMemory() {
        for (int i = 0; i < 20; i++) {
            fetch(mediaUrls(completed(TEXT_TO_IMAGE, json("prompt", "image " + i))).get(0));
        }
        int cached = sandbox.sandbox().cachedImageCount();
        assertTrue(cached > 0 && cached <= 16, "cached " + cached);
    }

    @Test
    void imagesAreRenderedOnlyWhenDownloaded() {
        completed(TEXT_TO_IMAGE, json("prompt", "x", "n", 10, "size", "3840x2160"));
        assertEquals(0, sandbox.sandbox().cachedImageCount());
    }
}
