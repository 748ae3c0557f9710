package io.github.camelpixazo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/pixazo-component.adoc cannot drift from the code: its option and header tables are rendered from the generated
 * catalog JSON, and every operation and exception class must be documented. After changing an option, regenerate
 * the tables with {@code mvn -pl camel-pixazo test -Dtest=ComponentDocsTest -Dpixazo.updateDocs=true}.
 */
class ComponentDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "pixazo-component.adoc");

    @Test
    void theTablesInTheComponentPageAreTheCatalog() throws Exception {
        JsonNode catalog = GeneratedMetadataTest.catalog();
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String expected = page;
        expected = replaceSection(expected, "component options", optionsTable(catalog.path("componentProperties")));
        expected = replaceSection(expected, "endpoint options", optionsTable(catalog.path("properties")));
        expected = replaceSection(expected, "headers", headersTable(catalog.path("headers")));
        if (Boolean.getBoolean("pixazo.updateDocs") && !expected.equals(page)) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertEquals(expected, page, "docs/pixazo-component.adoc is out of date with the catalog: run mvn -pl camel-pixazo"
                                     + " test -Dtest=ComponentDocsTest -Dpixazo.updateDocs=true");
    }

    @Test
    void everyOperationAndExceptionIsDocumented() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        for (PixazoOperation operation : PixazoOperation.values()) {
            assertTrue(page.contains("pixazo:" + operation.name()), "operation " + operation + " is not documented");
        }
        File[] errors = Path.of("src", "main", "java", "io", "github", "camelpixazo", "error").toFile().listFiles();
        assertTrue(errors != null && errors.length >= 8, "the error package moved?");
        for (File source : errors) {
            String name = source.getName().replace(".java", "");
            assertTrue(page.contains("`" + name + "`"), name + " is not documented in " + PAGE);
        }
    }

    private static String replaceSection(String page, String name, String content) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertTrue(from >= 0 && to > from, "markers '" + start.trim() + "' and '" + end + "' missing in " + PAGE);
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }

    static String optionsTable(JsonNode options) {
        StringBuilder table = new StringBuilder();
        table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> option : sorted(options)) {
            JsonNode o = option.getValue();
            if ("configuration".equals(option.getKey())) {
                continue; // the nested options are listed one by one
            }
            StringBuilder description = new StringBuilder(o.path("description").asText());
            if (o.has("enum")) {
                List<String> values = new ArrayList<>();
                o.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
                description.append(" Enum values: ").append(String.join(", ", values)).append('.');
            }
            String label = o.path("label").asText();
            table.append("| *").append(option.getKey()).append("*")
                    .append(label.isEmpty() ? "" : " (" + label + ")")
                    .append(o.path("required").asBoolean() ? " *required*" : "")
                    .append(" | ").append(cell(description.toString()))
                    .append(" | ").append(cell(o.path("defaultValue").asText()))
                    .append(" | ").append(cell(simpleType(o.path("javaType").asText(), o.path("type").asText())))
                    .append('\n');
        }
        return table.append("|===\n").toString();
    }

    static String headersTable(JsonNode headers) {
        StringBuilder table = new StringBuilder();
        table.append("[width=\"100%\",cols=\"2,1,5,2\",options=\"header\"]\n|===\n| Name | Direction | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            List<String> labels = List.of(h.path("label").asText().split(","));
            String direction = labels.contains("input") && labels.contains("output") ? "in, out"
                    : labels.contains("input") ? "in" : labels.contains("output") ? "out" : "";
            StringBuilder description = new StringBuilder(h.path("description").asText());
            if (h.has("enum")) {
                List<String> values = new ArrayList<>();
                h.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
                description.append(" Values: ").append(String.join(", ", values)).append('.');
            }
            table.append("| `").append(header.getKey()).append("` | ").append(direction).append(" | ")
                    .append(cell(description.toString())).append(" | ")
                    .append(cell(simpleType(h.path("javaType").asText(), "")))
                    .append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static List<Map.Entry<String, JsonNode>> sorted(JsonNode options) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        options.fields().forEachRemaining(entries::add);
        entries.sort((a, b) -> Integer.compare(a.getValue().path("index").asInt(), b.getValue().path("index").asInt()));
        return entries;
    }

    private static String simpleType(String javaType, String type) {
        if ("duration".equals(type)) {
            return "Duration";
        }
        return javaType.replace("java.lang.", "").replace("java.util.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
