package io.github.camelpixazo.sandbox.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * An ARGB pixel buffer backed by a {@link BufferedImage}, drawn into directly: no {@code Graphics2D},
 * so nothing depends on AWT fonts or a display.
 */
public final class RasterImage {

    private final BufferedImage image;
    private final int[] pixels;
    private final boolean alpha;

    public RasterImage(int width, int height, boolean alpha) {
        this.image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.alpha = alpha;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    public boolean hasAlpha() {
        return alpha;
    }

    /** The live pixel array, row by row, 0xAARRGGBB (the alpha byte is meaningless without alpha). */
    public int[] pixels() {
        return pixels;
    }

    public BufferedImage asBufferedImage() {
        return image;
    }

    /** Fills a rectangle, clipped to the image. */
    public void fillRect(int x, int y, int w, int h, int argb) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width(), x + w);
        int y1 = Math.min(height(), y + h);
        for (int row = y0; row < y1; row++) {
            int offset = row * width();
            for (int col = x0; col < x1; col++) {
                pixels[offset + col] = argb;
            }
        }
    }

    public int pixel(int x, int y) {
        return pixels[y * width() + x];
    }

    /**
     * Draws {@code source} scaled (nearest neighbour, aspect ratio kept) to fit the box, centred in it.
     *
     * @return the rectangle drawn into, {x, y, width, height}
     */
    public int[] drawFitted(RasterImage source, int boxX, int boxY, int boxWidth, int boxHeight) {
        double scale = Math.min((double) boxWidth / source.width(), (double) boxHeight / source.height());
        int w = Math.max(1, (int) (source.width() * scale));
        int h = Math.max(1, (int) (source.height() * scale));
        int left = boxX + (boxWidth - w) / 2;
        int top = boxY + (boxHeight - h) / 2;
        for (int y = 0; y < h; y++) {
            int row = top + y;
            if (row < 0 || row >= height()) {
                continue;
            }
            int sy = Math.min(source.height() - 1, (int) (y / scale));
            for (int x = 0; x < w; x++) {
                int col = left + x;
                if (col >= 0 && col < width()) {
                    int sx = Math.min(source.width() - 1, (int) (x / scale));
                    pixels[row * width() + col] = 0xFF000000 | source.pixel(sx, sy);
                }
            }
        }
        return new int[] { left, top, w, h };
    }
}
