package io.github.camelpixazo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageOption;
import io.github.camelpixazo.request.InputKind;
import io.github.camelpixazo.request.ModelSupport;
import io.github.camelpixazo.request.OptionValue;
import io.github.camelpixazo.request.PromptLimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway pages (docs/gateways/*.adoc) cannot drift from the code: their option-to-wire table and their
 * model-by-model table are rendered from each gateway's {@link WireField} lists and {@link ModelSupport} tables - the
 * very lists the requests are built from and validated against. Regenerate them with
 * {@code mvn -q -pl camel-pixazo test -Dtest=GatewayPagesTest -Dpixazo.updateDocs=true}.
 */
class GatewayPagesTest {

    private static final Path PAGES = Path.of("..", "docs", "gateways");

    @Test
    void eachGatewayPageShowsWhatTheCodeSends() throws Exception {
        for (ImageGateway gateway : Gateways.all()) {
            Path file = PAGES.resolve(gateway.id() + ".adoc");
            assertTrue(Files.exists(file), file + " is missing");
            String page = Files.readString(file, StandardCharsets.UTF_8);
            String expected = replace(page, "wire", wireTable(gateway));
            expected = replace(expected, "support", supportTable(gateway));
            if (Boolean.getBoolean("pixazo.updateDocs") && !expected.equals(page)) {
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                page = expected;
            }
            assertEquals(expected, page, file + " is out of date with the code: run mvn -q -pl camel-pixazo test"
                                         + " -Dtest=GatewayPagesTest -Dpixazo.updateDocs=true");
            for (String must : List.of(gateway.defaultBaseUrl(), gateway.apiKeyVariable(), "failover")) {
                assertTrue(page.contains(must), file + " must mention " + must);
            }
        }
    }

    /** Columns: each model and operation the gateway supports; rows: each option, where it goes on the wire. */
    static String wireTable(ImageGateway gateway) {
        List<String[]> columns = new ArrayList<>();
        for (ImageModel model : ImageModel.values()) {
            for (ImageOperation operation : ImageOperation.values()) {
                if (gateway.support(model).operations().contains(operation)) {
                    columns.add(new String[] { model.value(), operation.name().toLowerCase(Locale.ROOT) });
                }
            }
        }
        StringBuilder table = new StringBuilder();
        table.append("[cols=\"2").append(",3".repeat(columns.size())).append("\",options=\"header\"]\n|===\n| Option");
        columns.forEach(column -> table.append(" | ").append(column[0]).append(' ').append(column[1]));
        table.append('\n');
        Set<String> notes = new LinkedHashSet<>();
        for (ImageOption option : ImageOption.values()) {
            StringBuilder row = new StringBuilder("| `" + option.optionName() + "`");
            for (String[] column : columns) {
                ImageModel model = ImageModel.valueOf(column[0].toUpperCase(Locale.ROOT).replace('-', '_')
                        .replace('.', '_'));
                ImageOperation operation = ImageOperation.valueOf(column[1].toUpperCase(Locale.ROOT));
                ModelSupport support = gateway.support(model);
                List<WireField> fields = gateway.wireFields(model, operation).stream()
                        .filter(field -> field.option() == option).toList();
                String cell;
                if ((option == ImageOption.IMAGE || option == ImageOption.MASK) && operation == ImageOperation.GENERATE) {
                    cell = "-";
                } else if (fields.isEmpty() || !support.accepts(option) && option != ImageOption.WEBHOOK_MODE) {
                    cell = "not accepted";
                } else {
                    cell = fields.stream().map(WireField::describe).collect(Collectors.joining(" and "));
                    fields.stream().filter(f -> f.note() != null).forEach(f -> notes.add("`" + option.optionName()
                            + "` -> `" + f.name() + "`: " + f.note()));
                }
                row.append(" | ").append(cell);
            }
            table.append(row).append('\n');
        }
        table.append("|===\n");
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("* ").append(note).append('\n'));
        }
        return table.toString();
    }

    /** Rows: what a user asks about; columns: the models. */
    static String supportTable(ImageGateway gateway) {
        List<ModelSupport> models = new ArrayList<>();
        for (ImageModel model : ImageModel.values()) {
            models.add(gateway.support(model));
        }
        StringBuilder table = new StringBuilder("[cols=\"2").append(",4".repeat(models.size()))
                .append("\",options=\"header\"]\n|===\n| ");
        models.forEach(m -> table.append(" | ").append(m.model().value()));
        table.append('\n');
        row(table, "Operations", models, m -> m.operations().stream().map(o -> "pixazo:" + o.name()
                .toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        row(table, "`n`", models, m -> m.maxN() == 1 ? "1 only" : "1 to " + m.maxN());
        row(table, "`size`", models, m -> m.sizeList() + (m.customSizes() ? ", or a custom WIDTHxHEIGHT (multiples of 16,"
                + " 655,360 to 8,294,400 pixels, edge at most 3840, ratio at most 3:1)" : ""));
        row(table, "`quality`", models, m -> values(m.qualities()));
        row(table, "`format`", models, m -> values(m.formats()));
        row(table, "`outputCompression`", models, m -> m.outputCompression() ? "0 to 100" : "not accepted");
        row(table, "`background`", models, m -> values(m.backgrounds()));
        row(table, "`moderation`", models, m -> values(m.moderations()));
        row(table, "Edit input images", models, m -> !m.operations().contains(ImageOperation.EDIT) ? "no edit"
                : "1 to " + m.maxInputImages() + ": " + m.inputKinds().stream().map(InputKind::describe)
                  .collect(Collectors.joining(" or ")));
        row(table, "`mask`", models, m -> m.mask() ? "a PNG of the first image's size" : "not accepted");
        row(table, "`webhookUrl`", models, m -> m.webhookModes().isEmpty() ? "not accepted"
                : "https" + (m.webhookPublicHostsOnly() ? ", public hosts only" : "")
                  + (m.maxWebhookUrlLength() > 0 ? ", at most " + m.maxWebhookUrlLength() + " characters" : "")
                  + "; modes " + values(m.webhookModes()));
        row(table, "`synchronous`", models, m -> m.synchronous() ? "yes" : "not accepted");
        row(table, "`resultDelivery`", models, m -> values(m.resultDeliveries()));
        row(table, "Prompt", models, m -> prompt(m.promptLimit()));
        table.append("|===\n");
        Set<String> notes = new LinkedHashSet<>();
        for (ModelSupport m : models) {
            m.notes().forEach((option, note) -> notes.add(m.model().value() + ", `" + option.optionName() + "`: "
                    + note));
        }
        table.append("\nSources: ").append(models.stream().map(m -> m.model().value() + ": " + m.source())
                .collect(Collectors.joining("; "))).append(".\n");
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("* ").append(note).append('\n'));
        }
        return table.toString();
    }

    private static String prompt(PromptLimit limit) {
        return "at most " + String.format(Locale.ENGLISH, "%,d", limit.maxCharacters()) + " characters"
               + (limit.maxUtf8Bytes() > 0 ? " and " + String.format(Locale.ENGLISH, "%,d", limit.maxUtf8Bytes())
                  + " UTF-8 bytes" : "");
    }

    private static void row(StringBuilder table, String name, List<ModelSupport> models,
                            Function<ModelSupport, String> cell) {
        table.append("| ").append(name);
        models.forEach(m -> table.append(" | ").append(cell.apply(m)));
        table.append('\n');
    }

    private static <E extends Enum<E> & OptionValue> String values(Set<E> values) {
        return values.isEmpty() ? "not accepted"
                : values.stream().map(OptionValue::value).collect(Collectors.joining(", "));
    }

    private static String replace(String page, String name, String content) {
        String start = "// generated " + name + " table: START (GatewayPagesTest)\n";
        String end = "// generated " + name + " table: END";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertTrue(from >= 0 && to > from, "the page lacks the markers of the " + name + " table");
        return page.substring(0, from + start.length()) + content + page.substring(to);
    }

    @Test
    void theTablesRenderWhatTheGatewaysDeclare() {
        String evolink = wireTable(Gateways.EVOLINK);
        assertTrue(evolink.contains("| `image` | - | JSON field `image_urls` | - | JSON field `image_urls`"), evolink);
        assertTrue(evolink.contains("| `moderation` | not accepted"), evolink);
        String pixapi = supportTable(Gateways.PIXAPI);
        assertTrue(pixapi.contains("| `synchronous` | yes | yes"), pixapi);
    }
}
