package io.github.camelpixazo.request;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.request.OutputFormat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionParsingTest {

    @Test
    void enumValuesAreLenientAboutCaseBlanksAndAliases() {
        assertEquals(ImageModel.GPT_IMAGE_1_5, OptionValue.parse(ImageModel.class, "model", " GPT-Image-1.5 "));
        assertEquals(ImageModel.GPT_IMAGE_1_5, OptionValue.parse(ImageModel.class, "model", "gpt_image_1_5"));
        assertEquals(ImageModel.GPT_IMAGE_2, OptionValue.parse(ImageModel.class, "model", "gpt-image-2"));
        assertEquals(OutputFormat.JPEG, OptionValue.parse(OutputFormat.class, "format", "JPG"));
        assertEquals(ImageQuality.HIGH, OptionValue.parse(ImageQuality.class, "quality", ImageQuality.HIGH));
        assertNull(OptionValue.parse(ImageQuality.class, "quality", "  "));
    }

    @Test
    void anUnknownValueNamesTheOptionAndTheAllowedValues() {
        PixazoValidationException e = assertThrows(PixazoValidationException.class,
                () -> OptionValue.parse(ImageBackground.class, "background", "glass"));
        assertEquals("background", e.getOption());
        assertEquals("Invalid option 'background' = 'glass': allowed values are opaque, auto, transparent.", e.getMessage());
    }

    @Test
    void sizesParseInTheirCommonSpellings() {
        assertEquals(new ImageSize(1536, 1024), ImageSize.parse("size", "1536x1024"));
        assertEquals(new ImageSize(1536, 1024), ImageSize.parse("size", " 1536 X 1024 "));
        assertEquals(new ImageSize(1536, 1024), ImageSize.parse("size", "1536\u00d71024"));
        assertTrue(ImageSize.parse("size", "AUTO").isAuto());
        assertEquals("auto", ImageSize.AUTO.toString());
        assertNull(ImageSize.parse("size", null));
        PixazoValidationException e = assertThrows(PixazoValidationException.class, () -> ImageSize.parse("size", "1536"));
        assertEquals("size", e.getOption());
    }
}
