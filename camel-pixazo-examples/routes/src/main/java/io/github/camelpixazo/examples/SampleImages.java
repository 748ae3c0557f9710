package io.github.camelpixazo.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/** The FTP example's input files, drawn at start with Java2D and ImageIO: three pictures and one text file. */
final class SampleImages {

    private SampleImages() {
    }

    /** File name to content: harbour.png, meadow.jpg, skyline.png and notes.txt (which is not an image). */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("harbour.png", encode(harbour(), "png"));
        files.put("meadow.jpg", encode(meadow(), "jpg"));
        files.put("skyline.png", encode(skyline(), "png"));
        files.put("notes.txt", "Remember: only PNG, JPEG and WEBP images can be edited.\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static BufferedImage harbour() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, new Color(0x87CEEB), new Color(0x1E5AA8));
        g.setColor(new Color(0x0B3D6B));
        g.fillRect(0, 330, 640, 150);
        for (int i = 0; i < 3; i++) {
            int x = 90 + i * 170;
            g.setColor(new Color(0x8B4513));
            g.fillPolygon(new int[] { x, x + 110, x + 90, x + 20 }, new int[] { 330, 330, 360, 360 }, 4);
            g.setColor(Color.WHITE);
            g.fillPolygon(new int[] { x + 55, x + 55, x + 100 }, new int[] { 230, 325, 325 }, 3);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage meadow() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, new Color(0xFFE9A8), new Color(0x9BD3F5));
        g.setColor(new Color(0x3E8E41));
        g.fillRect(0, 380, 800, 220);
        g.setColor(new Color(0xFFC300));
        g.fillOval(600, 60, 120, 120);
        for (int i = 0; i < 40; i++) {
            g.setColor(i % 2 == 0 ? new Color(0xE63946) : new Color(0xF1FAEE));
            g.fillOval(20 + (i * 97) % 760, 400 + (i * 53) % 180, 14, 14);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage skyline() {
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image, new Color(0x14213D), new Color(0xFCA311));
        int[] heights = { 180, 260, 140, 320, 220, 280, 160 };
        for (int i = 0; i < heights.length; i++) {
            g.setColor(new Color(0x0D1321));
            g.fillRect(10 + i * 72, 512 - heights[i], 60, heights[i]);
            g.setColor(new Color(0xFFE66D));
            for (int y = 512 - heights[i] + 12; y < 500; y += 28) {
                g.fillRect(22 + i * 72, y, 10, 10);
                g.fillRect(44 + i * 72, y, 10, 10);
            }
        }
        g.dispose();
        return image;
    }

    private static Graphics2D start(BufferedImage image, Color top, Color bottom) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, top, 0, image.getHeight(), bottom));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setStroke(new BasicStroke(2f));
        return g;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
