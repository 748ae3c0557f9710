package io.github.camelpixazo.request;

import java.util.List;

/** The sizes the gateways' documents list, shared by the gateways that list the same ones. */
public final class Sizes {

    /** GPT Image 2's presets (pixazo-gpt-image-api.txt, size), plus auto. */
    public static final List<ImageSize> GPT_IMAGE_2_PRESETS = List.of(new ImageSize(1024, 1024),
            new ImageSize(1024, 1536), new ImageSize(1536, 1024), new ImageSize(2048, 2048), new ImageSize(2048, 1152),
            new ImageSize(2160, 3840), new ImageSize(3840, 2160));

    /** GPT Image 1.5's three sizes (pixazo-gpt-image-api.txt; evolink-gpt-image-1.5-api.txt). */
    public static final List<ImageSize> GPT_IMAGE_1_5 = List.of(new ImageSize(1024, 1024), new ImageSize(1536, 1024),
            new ImageSize(1024, 1536));

    /** EvoLink's aspect-ratio forms (evolink-gpt-image-1.5-api.txt: "1:1: Square, 2:3: Portrait, 3:2: Landscape"). */
    public static final List<ImageSize> EVOLINK_RATIOS = List.of(ImageSize.ratio(1, 1), ImageSize.ratio(2, 3),
            ImageSize.ratio(3, 2));

    /** Custom WIDTHxHEIGHT rules of GPT Image 2 (pixapi-gpt-image-api.txt; gateway-facts.md: they match OpenAI's). */
    public static final long MIN_PIXELS = 655_360;
    public static final long MAX_PIXELS = 8_294_400;
    public static final int MAX_EDGE = 3840;
    public static final int SIZE_STEP = 16;
    public static final double MAX_ASPECT_RATIO = 3.0;

    private Sizes() {
    }

    /** {@code auto} followed by the given sizes. */
    public static List<ImageSize> withAuto(List<ImageSize> sizes) {
        List<ImageSize> all = new java.util.ArrayList<>();
        all.add(ImageSize.AUTO);
        all.addAll(sizes);
        return List.copyOf(all);
    }
}
