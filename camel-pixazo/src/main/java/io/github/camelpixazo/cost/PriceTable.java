package io.github.camelpixazo.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageSize;

/**
 * The published prices of one model on one gateway: per image, by size (an exact {@code WIDTHxHEIGHT}, or a tier of
 * sizes whose longer side is at most some number of pixels) and quality (low, medium, high), in one currency.
 * Immutable; built and checked by {@link PriceList}.
 * <p>
 * {@code auto} is priced by the table's rules {@code auto-quality} and {@code auto-size}: a named quality or size
 * when the gateway publishes how it bills {@code auto} (Pixapi: "quality=auto is billed as high, and size=auto
 * defaults to the 1K tier"), else {@code max}, the most expensive published entry: an upper bound. A request that
 * does not set a size or quality gets the gateway's default, which is {@code auto} on Pixazo and Pixapi and priced
 * the same way.
 */
public final class PriceTable {

    /** The value of {@code auto-quality} and {@code auto-size} that prices auto as the most expensive entry. */
    static final String MAX = "max";

    /**
     * EvoLink's aspect ratios, priced as the pixel sizes it documents beside them (evolink-gpt-image-1.5-api.txt:
     * "1:1: Square, 2:3: Portrait, 3:2: Landscape" and "1024x1024: Square, 1024x1536: Portrait, 1536x1024:
     * Landscape").
     */
    private static final Map<String, ImageSize> RATIO_SIZES = Map.of(
            "1:1", new ImageSize(1024, 1024), "2:3", new ImageSize(1024, 1536), "3:2", new ImageSize(1536, 1024));

    private final String gateway;
    private final ImageModel model;
    private final String currency;
    private final String source;
    private final Map<String, Integer> tiers;
    private final Map<String, Map<ImageQuality, BigDecimal>> prices;
    private final String autoQuality;
    private final String autoSize;

    PriceTable(String gateway, ImageModel model, String currency, String source, Map<String, Integer> tiers,
               Map<String, Map<ImageQuality, BigDecimal>> prices, String autoQuality, String autoSize) {
        this.gateway = gateway;
        this.model = model;
        this.currency = currency;
        this.source = source;
        Map<String, Integer> sortedTiers = new LinkedHashMap<>();
        tiers.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(tier -> sortedTiers.put(tier.getKey(), tier.getValue()));
        this.tiers = Collections.unmodifiableMap(sortedTiers);
        Map<String, Map<ImageQuality, BigDecimal>> copy = new LinkedHashMap<>();
        prices.forEach((size, byQuality) -> copy.put(size, Collections.unmodifiableMap(new EnumMap<>(byQuality))));
        this.prices = Collections.unmodifiableMap(copy);
        this.autoQuality = autoQuality;
        this.autoSize = autoSize;
    }

    /** The gateway id ({@code pixazo}, {@code pixapi}, {@code evolink}). */
    public String gateway() {
        return gateway;
    }

    public ImageModel model() {
        return model;
    }

    /** {@code USD}, {@code credits}, ... */
    public String currency() {
        return currency;
    }

    /** Where the numbers come from (a reference document), or null. */
    public String source() {
        return source;
    }

    /** Tier name to the longest side it covers, in pixels, smallest first. */
    public Map<String, Integer> tiers() {
        return tiers;
    }

    /** Size key ({@code 1024x1024} or a tier name) to quality to the price of one image. */
    public Map<String, Map<ImageQuality, BigDecimal>> prices() {
        return prices;
    }

    /** How {@code quality=auto} is priced: {@code low}, {@code medium}, {@code high} or {@code max}. */
    public String autoQuality() {
        return autoQuality;
    }

    /** How {@code size=auto} is priced: a size key or {@code max}. */
    public String autoSize() {
        return autoSize;
    }

    /** The estimate for {@code request}, or why there is none (a size this table has no price for). */
    PriceQuote quote(ImageRequest request) {
        List<String> notes = new ArrayList<>();
        boolean upperBound = false;

        ImageSize size = request.size();
        List<String> sizeKeys;
        if (size == null || size.isAuto()) {
            String asked = size == null ? "no size (the gateway's default, auto)" : "size auto";
            if (MAX.equals(autoSize)) {
                sizeKeys = new ArrayList<>(prices.keySet());
                upperBound = true;
                notes.add(asked + " priced as the most expensive published size");
            } else {
                sizeKeys = List.of(autoSize);
                notes.add(asked + " billed as " + autoSize);
            }
        } else {
            ImageSize pixels = size;
            if (size.ratio()) {
                pixels = RATIO_SIZES.get(size.toString());
                if (pixels == null) {
                    return PriceQuote.none(gateway + " publishes no price for " + model + " at the aspect ratio "
                                           + size);
                }
                notes.add("aspect ratio " + size + " priced as " + pixels);
            }
            String key = sizeKey(pixels);
            if (key == null) {
                return PriceQuote.none(gateway + " publishes no price for " + model + " at size " + pixels
                                       + " (priced: " + pricedSizes() + ")");
            }
            sizeKeys = List.of(key);
        }

        ImageQuality quality = request.quality();
        List<ImageQuality> qualities;
        if (quality == null || quality == ImageQuality.AUTO) {
            String asked = quality == null ? "no quality (the gateway's default)" : "quality auto";
            if (MAX.equals(autoQuality)) {
                qualities = List.of(ImageQuality.LOW, ImageQuality.MEDIUM, ImageQuality.HIGH);
                upperBound = true;
                notes.add(asked + " priced as the most expensive quality");
            } else {
                qualities = List.of(ImageQuality.valueOf(autoQuality.toUpperCase(java.util.Locale.ROOT)));
                notes.add(asked + " billed as " + autoQuality);
            }
        } else {
            qualities = List.of(quality);
        }

        String bestSize = null;
        ImageQuality bestQuality = null;
        BigDecimal perImage = null;
        for (String key : sizeKeys) {
            for (ImageQuality q : qualities) {
                BigDecimal price = prices.get(key).get(q);
                if (perImage == null || price.compareTo(perImage) > 0) {
                    perImage = price;
                    bestSize = key;
                    bestQuality = q;
                }
            }
        }
        int images = request.imageCount();
        BigDecimal amount = perImage.multiply(BigDecimal.valueOf(images));
        String basis = gateway + " " + model + " " + bestSize + " " + bestQuality.value() + " at "
                       + perImage.toPlainString() + " " + currency + " per image" + (images > 1 ? " x " + images : "")
                       + (notes.isEmpty() ? "" : "; " + String.join(", ", notes))
                       + (upperBound ? " (an upper bound)" : "");
        return PriceQuote.of(new CostEstimate(amount, currency, perImage, images, upperBound, basis));
    }

    /** The exact size's key, else the smallest tier covering its longer side, else null. */
    private String sizeKey(ImageSize size) {
        String exact = size.width() + "x" + size.height();
        if (prices.containsKey(exact)) {
            return exact;
        }
        int longer = Math.max(size.width(), size.height());
        for (Map.Entry<String, Integer> tier : tiers.entrySet()) {
            if (longer <= tier.getValue()) {
                return tier.getKey();
            }
        }
        return null;
    }

    private String pricedSizes() {
        List<String> texts = new ArrayList<>();
        prices.keySet().forEach(key -> texts.add(tiers.containsKey(key)
                ? key + " (longer side at most " + tiers.get(key) + " px)" : key));
        return String.join(", ", texts);
    }

    @Override
    public String toString() {
        return "PriceTable[" + gateway + " " + model + " in " + currency + ", sizes " + prices.keySet() + "]";
    }
}
