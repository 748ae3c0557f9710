package io.github.camelpixazo.observe;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.camelpixazo.cost.PriceList;
import io.github.camelpixazo.cost.PriceTable;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageQuality;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/cost-and-operations.adoc cannot drift from the code: its price tables are the published list's, its metric table
 * names every meter the component records, and its failure reasons are {@link FailureReason#ALL}.
 */
class CostAndOperationsPageTest {

    private static final Path PAGE = Path.of("..", "docs", "cost-and-operations.adoc");

    private static List<List<String>> rows(String page, String afterHeading) {
        String rest = page.substring(page.indexOf(afterHeading));
        String table = rest.substring(rest.indexOf("|===") + 4);
        table = table.substring(0, table.indexOf("|==="));
        List<List<String>> rows = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            if (line.startsWith("|")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1).split("\\|")) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            }
        }
        return rows.subList(1, rows.size()); // the header
    }

    @Test
    void thePriceTablesAreThePublishedList() throws IOException {
        String page = Files.readString(PAGE);
        PriceTable pixazo = PriceList.published().table("pixazo", ImageModel.GPT_IMAGE_2).orElseThrow();
        List<List<String>> pixazoRows = rows(page, "*Pixazo, GPT Image 2*");
        assertEquals(pixazo.prices().size(), pixazoRows.size());
        for (List<String> row : pixazoRows) {
            Map<ImageQuality, BigDecimal> prices = pixazo.prices().get(row.get(0));
            assertEquals(List.of(prices.get(ImageQuality.LOW), prices.get(ImageQuality.MEDIUM),
                    prices.get(ImageQuality.HIGH)), List.of(new BigDecimal(row.get(1)), new BigDecimal(row.get(2)),
                    new BigDecimal(row.get(3))), row.toString());
        }
        PriceTable pixapi = PriceList.published().table("pixapi", ImageModel.GPT_IMAGE_2).orElseThrow();
        List<List<String>> pixapiRows = rows(page, "*Pixapi, GPT Image 2*");
        assertEquals(pixapi.prices().size(), pixapiRows.size());
        for (List<String> row : pixapiRows) {
            assertEquals("at most " + pixapi.tiers().get(row.get(0)) + " px", row.get(1));
            Map<ImageQuality, BigDecimal> prices = pixapi.prices().get(row.get(0));
            assertEquals(List.of(prices.get(ImageQuality.LOW), prices.get(ImageQuality.MEDIUM),
                    prices.get(ImageQuality.HIGH)), List.of(new BigDecimal(row.get(2)), new BigDecimal(row.get(3)),
                    new BigDecimal(row.get(4))), row.toString());
        }
        assertEquals(2, PriceList.published().tables().size(), "the page names every published table");
    }

    @Test
    void theMetricTableNamesEveryMeter() throws Exception {
        String page = Files.readString(PAGE);
        TreeSet<String> documented = new TreeSet<>();
        for (List<String> row : rows(page, "== Metrics")) {
            documented.add(row.get(0).replace("`", ""));
        }
        TreeSet<String> recorded = new TreeSet<>();
        for (Field field : MicrometerMetrics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                && !field.getName().equals("CAMEL_REGISTRY_NAME")) {
                field.setAccessible(true);
                recorded.add((String) field.get(null));
            }
        }
        assertEquals(recorded, documented);
    }

    @Test
    void theFailureReasonsAreListed() throws IOException {
        String page = Files.readString(PAGE);
        for (String reason : FailureReason.ALL) {
            assertTrue(page.contains("`" + reason + "`"), reason + " is documented");
        }
    }
}
