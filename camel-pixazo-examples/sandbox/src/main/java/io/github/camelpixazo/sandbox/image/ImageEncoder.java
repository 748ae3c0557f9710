package io.github.camelpixazo.sandbox.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes a raster as PNG or JPEG (JDK ImageIO) or WEBP (the sandbox's own lossless encoder). */
public final class ImageEncoder {

    private static final float DEFAULT_JPEG_QUALITY = 0.9f;

    private ImageEncoder() {
    }

    /**
     * @param compression the request's {@code output_compression} 0-100, used as JPEG quality; null for the
     *                    default. PNG ignores it (as the gateway documents) and so does lossless WEBP.
     */
    public static byte[] encode(RasterImage image, ImageFormat format, Integer compression) {
        return switch (format) {
            case PNG -> imageIo(image, "png", null);
            case JPEG -> imageIo(image, "jpeg", compression == null ? DEFAULT_JPEG_QUALITY : compression / 100f);
            case WEBP -> WebpLosslessEncoder.encode(image.pixels(), image.width(), image.height(), image.hasAlpha());
        };
    }

    public static byte[] render(PictureSpec spec) {
        return encode(PromptImageRenderer.render(spec), spec.format(), spec.compression());
    }

    private static byte[] imageIo(RasterImage image, String formatName, Float quality) {
        if (image.hasAlpha() && "jpeg".equals(formatName)) {
            throw new IllegalArgumentException("JPEG cannot carry alpha");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(formatName);
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + formatName);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.width() * image.height() / 8);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image.asBufferedImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + formatName, e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
