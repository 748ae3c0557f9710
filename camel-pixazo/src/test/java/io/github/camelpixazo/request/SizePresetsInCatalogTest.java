package io.github.camelpixazo.request;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel 4.18's catalog has no field for values that are suggested without being the only ones allowed (an enum would
 * make tooling reject a custom 1600x896). So the size presets are offered the way the catalog can: typed as a string,
 * listed in the description in one fixed form, "a preset (A, B, ...)", which the Spring Boot starter turns into IDE
 * value hints. This test keeps that list equal to the presets the validator knows.
 */
class SizePresetsInCatalogTest {

    /** The form the starter's generator reads too (camel-pixazo-starter's StarterGenerator). */
    static final Pattern PRESETS = Pattern.compile("a preset \\(([^)]*)\\)");

    @Test
    void theSizeOptionAndHeaderListEveryPreset() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/io/github/camelpixazo/pixazo.json")) {
            assertNotNull(in);
            catalog = new ObjectMapper().readTree(in);
        }
        List<String> expected = ImageRequestValidator.GPT_IMAGE_2_PRESETS.stream().map(ImageSize::toString).toList();
        for (JsonNode node : List.of(catalog.at("/properties/size"), catalog.at("/componentProperties/size"),
                catalog.at("/headers/CamelPixazoSize"))) {
            String description = node.path("description").asText();
            Matcher presets = PRESETS.matcher(description);
            assertTrue(presets.find(), "no 'a preset (...)' list in: " + description);
            assertEquals(expected, Arrays.stream(presets.group(1).split(",")).map(String::trim).toList());
            assertEquals("string", node.path("type").asText(node.has("type") ? "" : "string"),
                    "a custom WIDTHxHEIGHT must stay valid, so size is no enum");
            assertTrue(!node.has("enum"), "size must not be an enum");
        }
    }
}
