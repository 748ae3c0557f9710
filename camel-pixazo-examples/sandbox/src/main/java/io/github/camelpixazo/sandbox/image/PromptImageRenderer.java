package io.github.camelpixazo.sandbox.image;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints the sandbox's stand-in for a generated image: a colour gradient chosen by the prompt, and a
 * panel saying it is a sandbox picture, which model and image number it is, and the prompt itself,
 * so a person looking at the files can tell which prompt produced which picture. The result of an edit
 * also shows the input image and the mask below the prompt ({@link #editBoxes}), so a person can see
 * whether the edit did what they asked.
 */
public final class PromptImageRenderer {

    private static final int PANEL = 0x101820;
    private static final int PANEL_ALPHA = 0xC0;
    private static final int TITLE = 0xFFFFD166;
    private static final int DETAILS = 0xFFA8DADC;
    private static final int PROMPT = 0xFFFFFFFF;
    private static final int FOOTER = 0xFF8899AA;
    private static final int BOX = 0xFF202830;

    private PromptImageRenderer() {
    }

    public static RasterImage render(PictureSpec spec) {
        int width = spec.width();
        int height = spec.height();
        RasterImage image = new RasterImage(width, height, spec.transparent());
        int scale = Math.max(2, Math.min(width, height) / 256);
        int margin = 8 * scale;
        int padding = 4 * scale;

        int hash = spec.prompt().hashCode();
        int top = 0xFFFFFF & Color.HSBtoRGB((hash & 0xFFFF) / 65536f, 0.55f, 0.85f);
        int bottom = 0xFFFFFF & Color.HSBtoRGB(((hash >>> 16) & 0xFFFF) / 65536f, 0.65f, 0.45f);
        paintBackground(image, top, bottom, margin);

        int cell = BitmapFont.ADVANCE * scale;
        int lineHeight = BitmapFont.LINE_HEIGHT * scale;
        int textLeft = margin + padding;
        int textTop = margin + padding;
        int columns = Math.max(1, (width - 2 * textLeft) / cell);
        // the request id goes at the bottom in smaller type, so it fits on one line
        int footerScale = Math.max(2, scale / 2);
        int footerTop = height - textTop - BitmapFont.GLYPH_HEIGHT * footerScale;
        int footerColumns = Math.max(1, (width - 2 * textLeft) / (BitmapFont.ADVANCE * footerScale));
        int textBottom = footerTop;
        EditPreview edit = spec.edit();
        if (edit != null) {
            int[][] boxes = editBoxes(width, height);
            textBottom = boxes[0][1] - lineHeight;
            drawPreview(image, "input image", edit.input(), edit.inputNote(), boxes[0], footerScale);
            drawPreview(image, "mask (white = editable)", edit.mask(), edit.maskNote(), boxes[1], footerScale);
        }
        int rows = Math.max(1, (textBottom - textTop) / lineHeight);

        List<String> header = List.of(
                edit != null ? "PIXAZO SANDBOX - EDIT" : "PIXAZO SANDBOX",
                spec.modelId() + " | image " + spec.index() + "/" + spec.count(),
                width + "x" + height + " " + spec.format().wireName() + (spec.transparent() ? " transparent" : ""),
                "");
        List<String> lines = new ArrayList<>();
        for (String line : header) {
            lines.add(TextWrapper.wrap(line, columns, 1).stream().findFirst().orElse(""));
        }
        lines.addAll(TextWrapper.wrap(BitmapFont.toDisplayable(spec.prompt()), columns,
                Math.max(1, rows - header.size())));

        for (int i = 0; i < lines.size() && i < rows; i++) {
            int color = i == 0 ? TITLE : i < header.size() ? DETAILS : PROMPT;
            BitmapFont.drawText(image, lines.get(i), textLeft, textTop + i * lineHeight, scale, color);
        }
        String footer = TextWrapper.wrap(spec.requestId(), footerColumns, 1).get(0);
        BitmapFont.drawText(image, footer, textLeft, footerTop, footerScale, FOOTER);
        return image;
    }

    /**
     * Where an edit's result shows its input image and its mask: two boxes side by side in the lower part of the
     * panel, above the footer, each {x, y, width, height}, the input first. Each picture is scaled to fit its box and
     * centred in it.
     */
    public static int[][] editBoxes(int width, int height) {
        int scale = Math.max(2, Math.min(width, height) / 256);
        int margin = 8 * scale;
        int padding = 4 * scale;
        int textLeft = margin + padding;
        int textTop = margin + padding;
        int footerScale = Math.max(2, scale / 2);
        int footerTop = height - textTop - BitmapFont.GLYPH_HEIGHT * footerScale;
        int boxHeight = Math.max(1, (footerTop - textTop) * 2 / 5);
        int boxTop = footerTop - padding - boxHeight;
        int boxWidth = Math.max(1, (width - 2 * textLeft - padding) / 2);
        return new int[][] { { textLeft, boxTop, boxWidth, boxHeight },
                             { textLeft + boxWidth + padding, boxTop, boxWidth, boxHeight } };
    }

    /** A labelled box with the picture fitted in it, or the note saying why there is none. */
    private static void drawPreview(RasterImage image, String label, RasterImage picture, String note, int[] box,
                                    int scale) {
        BitmapFont.drawText(image, label, box[0], box[1] - BitmapFont.LINE_HEIGHT * scale, scale, DETAILS);
        image.fillRect(box[0], box[1], box[2], box[3], image.hasAlpha() ? 0xC0202830 : BOX);
        if (picture != null) {
            image.drawFitted(picture, box[0], box[1], box[2], box[3]);
        } else if (note != null) {
            int columns = Math.max(1, (box[2] - 2 * scale) / (BitmapFont.ADVANCE * scale));
            int rows = Math.max(1, box[3] / (BitmapFont.LINE_HEIGHT * scale));
            List<String> lines = TextWrapper.wrap(BitmapFont.toDisplayable(note), columns, rows);
            for (int i = 0; i < lines.size(); i++) {
                BitmapFont.drawText(image, lines.get(i), box[0] + scale, box[1] + scale + i * BitmapFont.LINE_HEIGHT * scale,
                        scale, FOOTER);
            }
        }
    }

    /** A vertical gradient (rows are uniform, which keeps PNG and WebP small) behind a dark panel. */
    private static void paintBackground(RasterImage image, int top, int bottom, int margin) {
        int width = image.width();
        int height = image.height();
        boolean transparent = image.hasAlpha();
        int panelTranslucent = (PANEL_ALPHA << 24) | PANEL;
        for (int y = 0; y < height; y++) {
            float t = height == 1 ? 0 : (float) y / (height - 1);
            int background = transparent ? 0x00000000 : 0xFF000000 | mix(top, bottom, t);
            image.fillRect(0, y, width, 1, background);
            if (y >= margin && y < height - margin) {
                int panel = transparent ? panelTranslucent : 0xFF000000 | mix(background, PANEL, PANEL_ALPHA / 255f);
                image.fillRect(margin, y, width - 2 * margin, 1, panel);
            }
        }
    }

    private static int mix(int from, int to, float t) {
        int r = Math.round(((from >> 16) & 0xFF) * (1 - t) + ((to >> 16) & 0xFF) * t);
        int g = Math.round(((from >> 8) & 0xFF) * (1 - t) + ((to >> 8) & 0xFF) * t);
        int b = Math.round((from & 0xFF) * (1 - t) + (to & 0xFF) * t);
        return (r << 16) | (g << 8) | b;
    }
}
