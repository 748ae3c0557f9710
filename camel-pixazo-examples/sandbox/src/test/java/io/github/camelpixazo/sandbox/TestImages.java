package io.github.camelpixazo.sandbox;

import io.github.camelpixazo.sandbox.image.WebpLosslessEncoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small input images for edit requests. */
final class TestImages {

    private TestImages() {
    }

    static byte[] png(int width, int height) {
        return imageIo(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg(int width, int height) {
        return imageIo(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] webp(int width, int height) {
        return WebpLosslessEncoder.encode(new int[width * height], width, height, false);
    }

    static byte[] gif(int width, int height) {
        return imageIo(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    static String dataUri(String mime, byte[] bytes) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] imageIo(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
