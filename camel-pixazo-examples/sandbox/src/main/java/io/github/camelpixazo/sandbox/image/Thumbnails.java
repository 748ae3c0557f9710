package io.github.camelpixazo.sandbox.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Decodes input images (PNG and JPEG: the JDK has no WEBP decoder) into small rasters, nearest-neighbour scaled. */
public final class Thumbnails {

    private Thumbnails() {
    }

    /**
     * @param maxEdge the longest edge of the result; smaller images are kept at their size
     * @return empty when the JDK cannot decode the bytes (WEBP, or corrupt data)
     */
    public static Optional<RasterImage> decode(byte[] bytes, int maxEdge) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (source == null) {
            return Optional.empty();
        }
        double scale = Math.min(1.0, (double) maxEdge / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        RasterImage thumbnail = new RasterImage(width, height, false);
        int[] pixels = thumbnail.pixels();
        for (int y = 0; y < height; y++) {
            int sy = Math.min(source.getHeight() - 1, (int) (y / scale));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(source.getWidth() - 1, (int) (x / scale));
                pixels[y * width + x] = 0xFF000000 | source.getRGB(sx, sy);
            }
        }
        return Optional.of(thumbnail);
    }
}
