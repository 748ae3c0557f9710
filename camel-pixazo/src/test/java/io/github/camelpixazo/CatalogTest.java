package io.github.camelpixazo;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelpixazo.http.HttpClientConfigurer;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.request.OutputFormat;
import io.github.camelpixazo.request.ImageBackground;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.Moderation;
import io.github.camelpixazo.request.OptionValue;
import io.github.camelpixazo.request.WebhookMode;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog as low-code designers (Kaoto, Karavan), IDE plugins and Camel JBang read it. Every rule runs over every
 * option and header, so an option or header added later without a group, a description, a readable display name or
 * its enum values fails the build. The rules follow what Camel's own component JSONs carry (camel-http 4.18.0's
 * http.json was the model); where Camel has no field for something (a header's direction, suggested values) the
 * convention chosen is written in {@link PixazoConstants} and docs/design.adoc.
 */
class CatalogTest {

    /** Acronyms as Camel's generator would title-case them from a camelCase name ("Url", "Api", ...). */
    private static final Pattern BADLY_CASED_ACRONYM = Pattern.compile(
            "\\b(Url|Uri|Api|Http|Https|Ssl|Tls|Id|Json|Jdbc|Sql|Mime|Ftp)\\b");

    /** Options whose name says they are a length of time must be typed as a duration ("5s", "2m"). */
    private static final Pattern TIME_OPTION = Pattern.compile(".*(Timeout|Interval|Delay|Ttl)$");

    /** Options whose name says they hold a secret must be masked by tooling. */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i).*(apiKey|password|secret|token)$");

    private final JsonNode catalog = catalogOrFail();

    private static JsonNode catalogOrFail() {
        try {
            return GeneratedMetadataTest.catalog();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, JsonNode> options() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        catalog.path("componentProperties").fields().forEachRemaining(e -> all.put("component " + e.getKey(), e.getValue()));
        catalog.path("properties").fields().forEachRemaining(e -> all.put("endpoint " + e.getKey(), e.getValue()));
        return all;
    }

    private Map<String, JsonNode> headers() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        catalog.path("headers").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    @Test
    void everyOptionAndHeaderHasAGroupADescriptionAndAReadableDisplayName() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> everything = new LinkedHashMap<>(options());
        headers().forEach((name, node) -> everything.put("header " + name, node));
        everything.forEach((where, node) -> {
            if (node.path("label").asText().isBlank()) {
                problems.add(where + ": no label, so designers show it in no group");
            }
            if (node.path("description").asText().trim().length() < 20) {
                problems.add(where + ": no real description");
            }
            String displayName = node.path("displayName").asText();
            if (displayName.isBlank() || displayName.length() < 3) {
                problems.add(where + ": display name '" + displayName + "' does not read as words");
            }
            Matcher acronym = BADLY_CASED_ACRONYM.matcher(displayName);
            if (acronym.find()) {
                problems.add(where + ": display name '" + displayName + "' spells " + acronym.group(1)
                             + " as a word (set displayName)");
            }
            if ("enum".equals(node.path("type").asText()) && node.path("enum").size() == 0) {
                problems.add(where + ": type enum without values");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void optionsAreTypedAsTheyAreUsed() {
        List<String> problems = new ArrayList<>();
        options().forEach((where, node) -> {
            String name = where.substring(where.indexOf(' ') + 1);
            if (TIME_OPTION.matcher(name).matches() && !"duration".equals(node.path("type").asText())) {
                problems.add(where + ": a length of time must be a duration (javaType = \"java.time.Duration\")");
            }
            if (SECRET_OPTION.matcher(name).matches() && !node.path("secret").asBoolean()) {
                problems.add(where + ": must be secret = true");
            }
            if (node.path("secret").asBoolean() && !node.path("label").asText().contains("security")) {
                problems.add(where + ": a secret belongs to the security group");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A bean of a hook type in the registry (Spring context, Camel Main beans, YAML beans) is used without wiring. */
    @Test
    void everyInterfaceTypedComponentOptionIsAutowired() throws Exception {
        List<String> problems = new ArrayList<>();
        int hooks = 0;
        for (Map.Entry<String, JsonNode> option : iterable(catalog.path("componentProperties"))) {
            JsonNode node = option.getValue();
            if (!"object".equals(node.path("type").asText())) {
                continue;
            }
            Class<?> type = Class.forName(node.path("javaType").asText().replaceAll("<.*>", ""));
            if (type.isInterface()) {
                hooks++;
                if (!node.path("autowired").asBoolean()) {
                    problems.add(option.getKey() + " (" + type.getName() + ") must be @Metadata(autowired = true)");
                }
            }
        }
        assertTrue(hooks >= 1, "httpClientConfigurer is an interface-typed option");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aHookBeanInTheRegistryIsPickedUpWithoutWiring() throws Exception {
        HttpClientConfigurer hook = builder -> { };
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("myHook", hook);
            context.start();
            assertSame(hook, context.getComponent("pixazo", PixazoComponent.class).getHttpClientConfigurer());
        }
    }

    @Test
    void theOptionsAUserNeedsFirstAreMarkedImportant() {
        for (String name : List.of("operation", "apiKey", "model", "prompt", "size", "quality")) {
            assertTrue(catalog.path("properties").path(name).path("important").asBoolean(), name + " is important");
        }
        for (String name : List.of("CamelPixazoPrompt", "CamelPixazoRequestId", "CamelPixazoStatus")) {
            assertTrue(catalog.path("headers").path(name).path("important").asBoolean(), name + " is important");
        }
    }

    /** The enum values tooling offers are exactly what the component accepts, for options and headers alike. */
    @Test
    void enumValuesAreTheValuesTheComponentAccepts() {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        accepted.put("model", values(ImageModel.class));
        accepted.put("quality", values(ImageQuality.class));
        accepted.put("format", values(OutputFormat.class));
        accepted.put("background", values(ImageBackground.class));
        accepted.put("moderation", values(Moderation.class));
        accepted.put("webhookMode", values(WebhookMode.class));
        for (Map.Entry<String, List<String>> option : accepted.entrySet()) {
            for (String section : List.of("properties", "componentProperties")) {
                assertEquals(option.getValue(), texts(catalog.path(section).path(option.getKey()).path("enum")),
                        section + "." + option.getKey());
            }
        }
        assertEquals(Arrays.stream(PixazoOperation.values()).map(Enum::name).toList(),
                texts(catalog.at("/properties/operation/enum")));

        Map<String, List<String>> headerValues = new LinkedHashMap<>();
        headerValues.put(PixazoConstants.MODEL, accepted.get("model"));
        headerValues.put(PixazoConstants.QUALITY, accepted.get("quality"));
        headerValues.put(PixazoConstants.FORMAT, accepted.get("format"));
        headerValues.put(PixazoConstants.BACKGROUND, accepted.get("background"));
        headerValues.put(PixazoConstants.MODERATION, accepted.get("moderation"));
        headerValues.put(PixazoConstants.STATUS, Arrays.stream(JobStatus.values()).map(Enum::name).toList());
        headerValues.forEach((header, values) -> assertEquals(values,
                texts(catalog.path("headers").path(header).path("enum")), header + " enum values"));
    }

    /**
     * Camel 4.18 has no field for a header's direction: the labels carry it (see {@link PixazoConstants}). Every
     * header is an input, an output or both, and what the description says agrees with the label.
     */
    @Test
    void everyHeaderSaysWhetherItIsAnInputOrAnOutput() {
        List<String> problems = new ArrayList<>();
        headers().forEach((name, node) -> {
            Set<String> labels = Set.of(node.path("label").asText().split(","));
            boolean input = labels.contains("input");
            boolean output = labels.contains("output");
            if (!labels.contains("producer") && !labels.contains("consumer")) {
                problems.add(name + ": label must name producer or consumer");
            }
            if (!input && !output) {
                problems.add(name + ": label must contain input, output or both");
            }
            String description = node.path("description").asText();
            if (output && !input && !description.startsWith("Output")) {
                problems.add(name + ": an output header's description starts with 'Output'");
            }
            if (input && description.startsWith("Output") && !description.contains("Input")) {
                problems.add(name + ": labelled input but described as output only");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals("output", catalog.at("/headers/CamelPixazoStatus/group").asText());
        assertEquals("input", catalog.at("/headers/CamelPixazoQuality/group").asText());
    }

    /** The mask header accepts much more than byte[]: its declared type must not promise less than it takes. */
    @Test
    void theMaskHeaderIsDeclaredAsWhatItAccepts() {
        JsonNode mask = catalog.at("/headers/CamelPixazoMask");
        assertEquals("Object", mask.path("javaType").asText());
        for (String accepted : List.of("byte array", "InputStream", "File", "Path", "GenericFile", "https URL", "data:")) {
            assertTrue(mask.path("description").asText().contains(accepted), "the description names " + accepted);
        }
    }

    /** Camel's component jars carry this descriptor; Camel JBang and catalog tooling list components from it. */
    @Test
    void theJarHasCamelsComponentDescriptor() throws Exception {
        Properties descriptor = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/org/apache/camel/component.properties")) {
            assertNotNull(in, "META-INF/services/org/apache/camel/component.properties is missing");
            descriptor.load(in);
        }
        assertEquals("pixazo", descriptor.getProperty("components"));
        assertEquals("io.github.camelpixazo", descriptor.getProperty("groupId"));
        assertEquals("camel-pixazo", descriptor.getProperty("artifactId"));
        assertEquals(catalog.at("/component/version").asText(), descriptor.getProperty("version"));
        assertFalse(descriptor.getProperty("projectDescription", "").isBlank());
    }

    private static <E extends Enum<E> & OptionValue> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(OptionValue::value).collect(Collectors.toList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
