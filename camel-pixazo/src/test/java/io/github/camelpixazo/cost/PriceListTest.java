package io.github.camelpixazo.cost;

import java.math.BigDecimal;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.ImageSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published prices (pixazo-gpt-image-api.txt and pixapi-gpt-image-api.txt, as the Tests section asks: every
 * published tier and quality, n above 1, nothing where nothing is published) and the checks of price files and
 * entries.
 */
class PriceListTest {

    private static final PriceList PUBLISHED = PriceList.published();

    private static ImageRequest request(ImageOperation operation, ImageModel model, String size, String quality,
                                        Integer n) {
        return ImageRequest.builder(operation, model).prompt("a cat")
                .size(size == null ? null : ImageSize.parse("size", size))
                .quality(quality == null ? null : ImageQuality.valueOf(quality.toUpperCase()))
                .n(n).build();
    }

    private static CostEstimate priced(String gateway, ImageRequest request) {
        PriceQuote quote = PUBLISHED.quote(gateway, request);
        assertTrue(quote.isPriced(), () -> "expected a price, got " + quote);
        return quote.estimate().orElseThrow();
    }

    /** Pixazo's GPT Image 2 table, all nine rows, for generate and edit (the two published tables are identical). */
    @ParameterizedTest
    @CsvSource({
        "1024x1024, low, 0.006", "1024x1536, low, 0.005", "1536x1024, low, 0.005",
        "1024x1024, medium, 0.053", "1024x1536, medium, 0.041", "1536x1024, medium, 0.041",
        "1024x1024, high, 0.211", "1024x1536, high, 0.165", "1536x1024, high, 0.165" })
    void pixazoGptImage2EveryPublishedSizeAndQuality(String size, String quality, String price) {
        for (ImageOperation operation : ImageOperation.values()) {
            CostEstimate estimate = priced("pixazo", request(operation, ImageModel.GPT_IMAGE_2, size, quality, null));
            assertEquals(new BigDecimal(price), estimate.amount());
            assertEquals(new BigDecimal(price), estimate.perImage());
            assertEquals("USD", estimate.currency());
            assertEquals(1, estimate.images());
            assertFalse(estimate.upperBound(), "an exact size and quality is the published price");
        }
    }

    @Test
    void nImagesCostNTimesOne() {
        CostEstimate three = priced("pixazo", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, "1024x1024",
                "high", 3));
        assertEquals(0, new BigDecimal("0.633").compareTo(three.amount()));
        assertEquals(3, three.images());
        assertEquals(new BigDecimal("0.211"), three.perImage());

        CostEstimate ten = priced("pixapi", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, "3840x2160",
                "high", 10));
        assertEquals(0, new BigDecimal("1330").compareTo(ten.amount()), "costCredits = matrix value times n");
    }

    /** Pixazo publishes no price for auto: the most expensive published entry, flagged as an upper bound. */
    @Test
    void pixazoAutoIsTheMostExpensivePublishedEntryAndAnUpperBound() {
        CostEstimate unset = priced("pixazo", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, null, null, null));
        assertEquals(new BigDecimal("0.211"), unset.amount());
        assertTrue(unset.upperBound());
        assertTrue(unset.describe().startsWith("at most 0.211 USD"), unset.describe());

        CostEstimate autoQuality = priced("pixazo", request(ImageOperation.EDIT, ImageModel.GPT_IMAGE_2, "1536x1024",
                "auto", 2));
        assertEquals(0, new BigDecimal("0.330").compareTo(autoQuality.amount()));
        assertTrue(autoQuality.upperBound());

        CostEstimate autoSize = priced("pixazo", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, "auto", "low",
                null));
        assertEquals(new BigDecimal("0.006"), autoSize.amount(), "the dearest low-quality size is 1024x1024");
        assertTrue(autoSize.upperBound());
    }

    /** Pixapi's credits matrix: every tier and quality, tiers chosen by the longer side, custom sizes included. */
    @ParameterizedTest
    @CsvSource({
        "1024x1024, low, 1", "1024x1024, medium, 4", "1024x1024, high, 14",
        "1536x1024, low, 1", "1024x1536, high, 14",
        "2048x2048, low, 2", "2048x2048, medium, 17", "2048x2048, high, 67",
        "2048x1152, medium, 17", "1600x1200, high, 67",
        "3840x2160, low, 4", "3840x2160, medium, 34", "3840x2160, high, 133", "2160x3840, high, 133",
        "2064x1024, low, 4" })
    void pixapiGptImage2EveryTierAndQuality(String size, String quality, String credits) {
        for (ImageOperation operation : ImageOperation.values()) {
            CostEstimate estimate = priced("pixapi", request(operation, ImageModel.GPT_IMAGE_2, size, quality, null));
            assertEquals(new BigDecimal(credits), estimate.amount(), size + " " + quality);
            assertEquals("credits", estimate.currency());
            assertFalse(estimate.upperBound());
        }
    }

    /** "quality=auto is billed as high, and size=auto defaults to the 1K tier": exact, not a bound. */
    @Test
    void pixapiBillsAutoAsPublished() {
        CostEstimate auto = priced("pixapi", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, "auto", "auto", 2));
        assertEquals(new BigDecimal("28"), auto.amount());
        assertFalse(auto.upperBound());
        CostEstimate unset = priced("pixapi", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, null, null, null));
        assertEquals(new BigDecimal("14"), unset.amount());
        CostEstimate autoQuality4k = priced("pixapi", request(ImageOperation.EDIT, ImageModel.GPT_IMAGE_2, "3840x2160",
                "auto", null));
        assertEquals(new BigDecimal("133"), autoQuality4k.amount());
    }

    @Test
    void noPriceWhereNoneIsPublished() {
        PriceQuote pixazo15 = PUBLISHED.quote("pixazo", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_1_5,
                "1024x1024", "high", null));
        assertFalse(pixazo15.isPriced());
        assertTrue(pixazo15.reason().contains("no price for gpt-image-1.5"), pixazo15.reason());

        PriceQuote pixazo2k = PUBLISHED.quote("pixazo", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2,
                "2048x2048", "high", null));
        assertFalse(pixazo2k.isPriced(), "Pixazo publishes nothing above 1536");
        assertTrue(pixazo2k.reason().contains("2048x2048"), pixazo2k.reason());

        assertFalse(PUBLISHED.quote("pixapi", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_1_5, "1024x1024",
                "low", null)).isPriced(), "Pixapi's 'from 1' is no price");
        for (ImageModel model : ImageModel.values()) {
            assertFalse(PUBLISHED.quote("evolink", request(ImageOperation.GENERATE, model, "1024x1024", "high", null))
                    .isPriced(), "EvoLink publishes no price");
        }
        assertTrue(PUBLISHED.currency("evolink").isEmpty());
        assertEquals("USD", PUBLISHED.currency("pixazo").orElseThrow());
        assertEquals("credits", PUBLISHED.currency("pixapi").orElseThrow());
    }

    // ---- overriding

    @Test
    void aPriceFileReplacesTheTableItNamesAndKeepsTheOthers() {
        PriceList list = PUBLISHED.withTablesFrom("""
                # our negotiated Pixazo prices
                pixazo.gpt-image-2.currency = USD
                pixazo.gpt-image-2.auto-size = 1024x1024
                pixazo.gpt-image-2.auto-quality = medium
                pixazo.gpt-image-2.1024x1024.low = 0.004
                pixazo.gpt-image-2.1024x1024.medium = 0.04
                pixazo.gpt-image-2.1024x1024.high = 0.2   # a comment after a value
                evolink.gpt-image-1.5.currency = credits
                evolink.gpt-image-1.5.1024x1024.low = 2
                evolink.gpt-image-1.5.1024x1024.medium = 2.5
                evolink.gpt-image-1.5.1024x1024.high = 3
                """, "priceFile", "file:prices.properties");

        assertEquals(new BigDecimal("0.04"), list.quote("pixazo", request(ImageOperation.GENERATE,
                ImageModel.GPT_IMAGE_2, null, null, null)).estimate().orElseThrow().amount());
        assertFalse(list.quote("pixazo", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_2, "1536x1024", "high",
                null)).isPriced(), "the file's table replaced the published one whole");
        assertEquals(new BigDecimal("14"), list.quote("pixapi", request(ImageOperation.GENERATE,
                ImageModel.GPT_IMAGE_2, null, null, null)).estimate().orElseThrow().amount(), "pixapi untouched");
        CostEstimate ratio = list.quote("evolink", request(ImageOperation.GENERATE, ImageModel.GPT_IMAGE_1_5, "1:1",
                null, null)).estimate().orElseThrow();
        assertEquals(new BigDecimal("3"), ratio.amount(), "1:1 is priced as 1024x1024, an unset quality as max");
    }

    @Test
    void entriesOverrideSingleKeys() {
        PriceList list = PUBLISHED.withEntries("pixazo.gpt-image-2.1024x1024.high=0.25; pixapi.gpt-image-2.4k.high=150",
                "prices");
        assertEquals(new BigDecimal("0.25"), list.quote("pixazo", request(ImageOperation.GENERATE,
                ImageModel.GPT_IMAGE_2, "1024x1024", "high", null)).estimate().orElseThrow().amount());
        assertEquals(new BigDecimal("0.165"), list.quote("pixazo", request(ImageOperation.GENERATE,
                ImageModel.GPT_IMAGE_2, "1536x1024", "high", null)).estimate().orElseThrow().amount());
        assertEquals(new BigDecimal("150"), list.quote("pixapi", request(ImageOperation.GENERATE,
                ImageModel.GPT_IMAGE_2, "3840x2160", "high", null)).estimate().orElseThrow().amount());
    }

    // ---- bad price sources: rejected naming the option and the line

    private static String problem(String file) {
        PixazoValidationException e = assertThrows(PixazoValidationException.class,
                () -> PUBLISHED.withTablesFrom(file, "priceFile", "file:p.properties"));
        assertEquals("priceFile", e.getOption());
        assertTrue(e.getMessage().contains("file:p.properties"), e.getMessage());
        return e.getMessage();
    }

    private static final String COMPLETE = """
            pixazo.gpt-image-2.currency = USD
            pixazo.gpt-image-2.1024x1024.low = 0.006
            pixazo.gpt-image-2.1024x1024.medium = 0.053
            pixazo.gpt-image-2.1024x1024.high = 0.211
            """;

    @Test
    void aTableLackingAQualityIsRejectedNamingTheLine() {
        String message = problem(COMPLETE + "pixazo.gpt-image-2.1536x1024.low = 0.005\n"
                                 + "pixazo.gpt-image-2.1536x1024.high = 0.165\n");
        assertTrue(message.contains("line 5") && message.contains("lacks the price of 1536x1024 at quality medium"),
                message);
    }

    @Test
    void aTierWithoutPricesIsRejected() {
        String message = problem("pixapi.gpt-image-2.currency = credits\npixapi.gpt-image-2.tier.1k = 1536\n"
                                 + "pixapi.gpt-image-2.tier.2k = 2048\npixapi.gpt-image-2.1k.low = 1\n"
                                 + "pixapi.gpt-image-2.1k.medium = 4\npixapi.gpt-image-2.1k.high = 14\n");
        assertTrue(message.contains("line 3") && message.contains("lacks the prices of tier 2k"), message);
        String undeclared = problem("pixapi.gpt-image-2.currency = credits\npixapi.gpt-image-2.1k.low = 1\n"
                                    + "pixapi.gpt-image-2.1k.medium = 4\npixapi.gpt-image-2.1k.high = 14\n");
        assertTrue(undeclared.contains("line 2") && undeclared.contains("neither WIDTHxHEIGHT nor a declared tier"),
                undeclared);
    }

    @Test
    void anUnknownCurrencyIsRejected() {
        String message = problem(COMPLETE.replace("= USD", "= EURO"));
        assertTrue(message.contains("line 1") && message.contains("unknown currency 'EURO'"), message);
        assertTrue(problem(COMPLETE.replace("pixazo.gpt-image-2.currency = USD\n", "")).contains("lacks its currency"));
    }

    @Test
    void badPricesAreRejected() {
        String negative = problem(COMPLETE.replace("0.053", "-0.053"));
        assertTrue(negative.contains("line 3") && negative.contains("must not be negative"), negative);
        String text = problem(COMPLETE.replace("0.053", "five cents"));
        assertTrue(text.contains("line 3") && text.contains("'five cents'"), text);
        String comma = problem(COMPLETE.replace("0.053", "0,053"));
        assertTrue(comma.contains("line 3"), comma);
    }

    @Test
    void malformedLinesAndKeysAreRejected() {
        assertTrue(problem(COMPLETE + "this is not a price\n").contains("line 5: expected key = value"));
        String gateway = problem(COMPLETE.replace("pixazo.gpt-image-2.currency", "pixzo.gpt-image-2.currency"));
        assertTrue(gateway.contains("line 1") && gateway.contains("Did you mean 'pixazo'?"), gateway);
        String model = problem(COMPLETE + "pixazo.gpt-image-3.1024x1024.low = 1\n");
        assertTrue(model.contains("line 5") && model.contains("unknown model"), model);
        String quality = problem(COMPLETE + "pixazo.gpt-image-2.1024x1024.hihg = 1\n");
        assertTrue(quality.contains("line 5") && quality.contains("Did you mean 'high'?"), quality);
        String twice = problem(COMPLETE + "pixazo.gpt-image-2.1024x1024.high = 0.3\n");
        assertTrue(twice.contains("line 5") && twice.contains("given twice (also line 4)"), twice);
        String field = problem(COMPLETE + "pixazo.gpt-image-2.colour = blue\n");
        assertTrue(field.contains("unknown field 'colour'"), field);
        String autoSize = problem(COMPLETE + "pixazo.gpt-image-2.auto-size = 2048x2048\n");
        assertTrue(autoSize.contains("line 5") && autoSize.contains("auto-size"), autoSize);
    }

    @Test
    void aBadEntryIsRejectedNamingTheOptionAndTheEntry() {
        PixazoValidationException e = assertThrows(PixazoValidationException.class,
                () -> PUBLISHED.withEntries("pixazo.gpt-image-2.1024x1024.high=0.25,pixazo.gpt-image-2.2048x2048.high=1",
                        "prices"));
        assertEquals("prices", e.getOption());
        assertTrue(e.getMessage().contains("entry 2") && e.getMessage().contains("lacks the price of 2048x2048"),
                e.getMessage());
        PixazoValidationException currency = assertThrows(PixazoValidationException.class,
                () -> PUBLISHED.withEntries("pixapi.gpt-image-1.5.currency=USD, pixapi.gpt-image-1.5.1024x1024.low=1,"
                        + " pixapi.gpt-image-1.5.1024x1024.medium=1, pixapi.gpt-image-1.5.1024x1024.high=1", "prices"));
        assertTrue(currency.getMessage().contains("two currencies"), currency.getMessage());
    }
}
