package io.github.camelpixazo.springboot;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IDE completion a Spring Boot user gets (META-INF/spring-configuration-metadata.json, written by
 * spring-boot-configuration-processor from the generated starter) covers every component option of the catalog, with
 * the catalog's description and default, and offers the catalog's enum values. Checked option by option against the
 * catalog, so a generator fault, or an option the generator cannot type, fails here.
 */
class StarterMetadataTest {

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = StarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    private static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Test
    void everyComponentOptionIsAPropertyWithTheCatalogsDescriptionAndDefault() throws Exception {
        JsonNode catalog = read("META-INF/io/github/camelpixazo/pixazo.json");
        JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
        Map<String, List<String>> hints = new HashMap<>();
        metadata.path("hints").forEach(h -> {
            List<String> values = new ArrayList<>();
            h.path("values").forEach(v -> values.add(v.path("value").asText()));
            hints.put(h.path("name").asText(), values);
        });

        List<String> problems = new ArrayList<>();
        int count = 0;
        for (var it = catalog.path("componentProperties").fields(); it.hasNext();) {
            var option = it.next();
            count++;
            String name = "camel.component.pixazo." + kebab(option.getKey());
            JsonNode catalogOption = option.getValue();
            JsonNode property = properties.get(name);
            if (property == null) {
                problems.add(name + " is missing");
                continue;
            }
            if (!catalogOption.path("description").asText().equals(property.path("description").asText())) {
                problems.add(name + ": description differs from the catalog");
            }
            JsonNode expected = catalogOption.path("defaultValue");
            JsonNode actual = property.path("defaultValue");
            if (expected.isMissingNode() != actual.isMissingNode()) {
                problems.add(name + ": default " + actual + " but the catalog says " + expected);
            } else if (!expected.isMissingNode() && !sameValue(catalogOption, expected, actual)) {
                problems.add(name + ": default " + actual + " but the catalog says " + expected);
            }
            if ("duration".equals(catalogOption.path("type").asText())
                && !"java.time.Duration".equals(property.path("type").asText())) {
                problems.add(name + ": a duration must bind from '5s', so its type must be java.time.Duration");
            }
            List<String> values = new ArrayList<>();
            catalogOption.path("enum").forEach(v -> values.add(v.asText()));
            if (!values.isEmpty() && !values.equals(hints.get(name))) {
                problems.add(name + ": value hints " + hints.get(name) + " but the catalog's values are " + values);
            }
        }
        assertTrue(count > 30, "the catalog has the component's options");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(properties.containsKey("camel.component.pixazo.enabled"));
        assertTrue(properties.containsKey("camel.component.pixazo.customizer.enabled"));
    }

    /** Presets are suggestions: the IDE offers them, and a custom size is still a plain String that binds. */
    @Test
    void theSizePresetsAreOfferedAsSuggestions() throws Exception {
        JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
        Set<String> sizeHints = new LinkedHashSet<>();
        metadata.path("hints").forEach(h -> {
            if (h.path("name").asText().equals("camel.component.pixazo.size")) {
                h.path("values").forEach(v -> sizeHints.add(v.path("value").asText()));
            }
        });
        assertTrue(sizeHints.containsAll(List.of("auto", "1024x1024", "1536x1024", "1024x1536", "2048x2048",
                "2048x1152", "2160x3840", "3840x2160")), sizeHints.toString());
        metadata.path("properties").forEach(p -> {
            if (p.path("name").asText().equals("camel.component.pixazo.size")) {
                assertEquals("java.lang.String", p.path("type").asText());
            }
        });
    }

    private static boolean sameValue(JsonNode catalogOption, JsonNode expected, JsonNode actual) {
        if ("duration".equals(catalogOption.path("type").asText())) {
            return TimeUtils.toMilliSeconds(expected.asText()) == Duration.parse(toIso(actual.asText())).toMillis();
        }
        if (expected.isNumber() || actual.isNumber()) {
            return expected.asDouble() == actual.asDouble();
        }
        return expected.asText().equals(actual.asText());
    }

    /** Spring's simple duration form (5s, 15m, 500ms) as ISO-8601, to compare it with Camel's reading of the catalog. */
    private static String toIso(String simple) {
        if (simple.endsWith("ms")) {
            return "PT" + (Double.parseDouble(simple.substring(0, simple.length() - 2)) / 1000) + "S";
        }
        return simple.endsWith("d") ? "P" + simple.toUpperCase(Locale.ROOT) : "PT" + simple.toUpperCase(Locale.ROOT);
    }
}
