package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.EDIT;
import static io.github.camelpixazo.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The edit endpoint's image and mask rules. */
class EditValidationTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    private void assertRejected(String body, String expectedMessagePart) {
        SandboxClient.Response response = client.submit(EDIT, body);
        assertEquals(400, response.status(), response.body());
        assertTrue(response.message().contains(expectedMessagePart),
                "expected '" + expectedMessagePart + "' in: " + response.message());
    }

    private static String png(int w, int h) {
        return TestImages.dataUri("image/png", TestImages.png(w, h));
    }

    @Test
    void imageIsRequired() {
        assertRejected(json("prompt", "x"), "Field 'image' is required");
    }

    @Test
    void imageMustBeAStringOrANonEmptyArrayOfStrings() {
        assertRejected(json("prompt", "x", "image", List.of()), "Field 'image' must not be an empty array");
        assertRejected(json("prompt", "x", "image", 5), "Field 'image' must be a string or an array of strings, got integer");
        assertRejected(json("prompt", "x", "image", List.of("https://example.com/a.png", 3)),
                "Field 'image[1]' must be a string, got integer");
    }

    @Test
    void imageMustBeHttpsOrADataUri() {
        assertRejected(json("prompt", "x", "image", "http://example.com/a.png"),
                "for field 'image': must be an https:// URL or a data:image/...;base64,... URI");
        assertRejected(json("prompt", "x", "image", List.of(png(10, 10), "ftp://example.com/a.png")),
                "for field 'image[1]': must be an https:// URL");
        assertRejected(json("prompt", "x", "image", "data:text/plain;base64,aGVsbG8="), "for field 'image': must be");
        assertRejected(json("prompt", "x", "image", "https://"), "Field 'image' is not a valid https URL");
    }

    @Test
    void dataUriMustBeValidBase64() {
        assertRejected(json("prompt", "x", "image", "data:image/png;base64,!!!not-base64"),
                "Field 'image' is not valid base64");
    }

    @Test
    void dataUriMustHoldAPngJpegOrWebp() {
        assertRejected(json("prompt", "x", "image", TestImages.dataUri("image/gif", TestImages.gif(4, 4))),
                "Field 'image' is not a PNG, JPEG or WEBP image");
        assertRejected(json("prompt", "x", "image",
                        TestImages.dataUri("image/png", "just text".getBytes(StandardCharsets.US_ASCII))),
                "Field 'image' is not a PNG, JPEG or WEBP image");
    }

    @Test
    void dataUriImageMustHaveAReadableHeader() {
        byte[] truncatedPng = Arrays.copyOf(TestImages.png(8, 8), 12);
        assertRejected(json("prompt", "x", "image", TestImages.dataUri("image/png", truncatedPng)),
                "Field 'image' is not a readable PNG image");
    }

    @Test
    void inputImagesOver50MegabytesAreRejected() {
        byte[] justOverTheLimit = Arrays.copyOf(TestImages.png(8, 8), (int) InputImage.MAX_BYTES + 1);
        assertRejected(json("prompt", "x", "image", TestImages.dataUri("image/png", justOverTheLimit)),
                "Field 'image' is 52428801 bytes; the limit is 52428800 bytes (50 MB)");
        sandbox.sandbox().reset(); // drop the recorded 70 MB body
    }

    @Test
    void maskMustBeAPng() {
        assertRejected(json("prompt", "x", "image", png(20, 20), "mask", TestImages.dataUri("image/jpeg", TestImages.jpeg(20, 20))),
                "Field 'mask' must be a PNG image, got JPEG");
        assertRejected(json("prompt", "x", "image", png(20, 20), "mask", 7), "Field 'mask' must be a string, got integer");
        assertRejected(json("prompt", "x", "image", png(20, 20), "mask", "http://example.com/mask.png"),
                "for field 'mask': must be an https:// URL");
    }

    @Test
    void maskMustHaveTheFirstImagesDimensions() {
        assertRejected(json("prompt", "x", "image", png(64, 48), "mask", png(48, 64)),
                "Field 'mask' is 48x64 but 'image' is 64x48; the mask must have the same dimensions as the first input image");
        assertRejected(json("prompt", "x", "image", List.of(TestImages.dataUri("image/jpeg", TestImages.jpeg(40, 30)), png(20, 20)),
                        "mask", png(20, 20)),
                "Field 'mask' is 20x20 but 'image[0]' is 40x30");
        assertRejected(json("prompt", "x", "image", TestImages.dataUri("image/webp", TestImages.webp(17, 9)), "mask", png(9, 17)),
                "Field 'mask' is 9x17 but 'image' is 17x9");
    }

    @Test
    void anHttpsMaskIsAcceptedUnchecked() {
        client.accepted(EDIT, json("prompt", "x", "image", png(64, 48), "mask", "https://example.com/mask.png"));
    }
}
