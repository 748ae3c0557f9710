package io.github.camelpixazo.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageQuality;
import io.github.camelpixazo.request.ImageRequest;
import io.github.camelpixazo.request.Spelling;

/**
 * Every price table the component estimates with: the gateways' published prices
 * ({@code io/github/camelpixazo/cost/published-prices.properties}, each number traced to a reference document), with
 * the tables of a price file ({@code priceFile}) replacing the published table of the same gateway and model, and
 * single entries ({@code prices}) overriding single keys. Immutable and thread-safe.
 * <p>
 * Everything is checked when the list is built, so a bad price source fails the route at start-up, naming the option
 * and the line: a key that is not understood, an unknown gateway, model, quality or currency, a price that is not a
 * non-negative decimal, a size without all three qualities, a tier without prices, two currencies for one gateway, a
 * line given twice. Nothing falls back silently to another price or to no price.
 */
public final class PriceList {

    /** The published prices, shipped in the jar. */
    public static final String PUBLISHED_RESOURCE = "/io/github/camelpixazo/cost/published-prices.properties";

    private static final Pattern WXH = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");
    private static final Pattern TIER = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final Pattern PRICE = Pattern.compile("\\d{1,12}(\\.\\d{1,10})?|\\.\\d{1,10}");
    private static final List<String> FIELDS = List.of("currency", "source", "auto-quality", "auto-size", "tier.<name>",
            "<size>.low", "<size>.medium", "<size>.high");
    private static final int MAX_TIER_EDGE = 100_000;

    private static volatile PriceList published;

    /**
     * gateway.model -> field -> the line that set it (which names its option and place); kept so that overrides can be
     * checked again as a whole.
     */
    private final Map<String, Map<String, PriceLine>> raw;
    private final Map<String, PriceTable> tables;

    private PriceList(Map<String, Map<String, PriceLine>> raw) {
        this.raw = raw;
        Map<String, PriceTable> built = new LinkedHashMap<>();
        raw.forEach((key, fields) -> built.put(key, build(key, fields)));
        checkOneCurrencyPerGateway(raw, built);
        this.tables = Collections.unmodifiableMap(built);
    }

    /** The gateways' published prices. */
    public static PriceList published() {
        PriceList list = published;
        if (list == null) {
            try (InputStream in = PriceList.class.getResourceAsStream(PUBLISHED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(PUBLISHED_RESOURCE + " is missing from the camel-pixazo jar");
                }
                list = empty().withTablesFrom(new String(in.readAllBytes(), StandardCharsets.UTF_8), null,
                        PUBLISHED_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + PUBLISHED_RESOURCE, e);
            }
            published = list;
        }
        return list;
    }

    /** A list without any table: nothing is priced. */
    public static PriceList empty() {
        return new PriceList(Map.of());
    }

    /**
     * This list with the tables of a price file: each gateway and model the file names gets the file's table (which
     * must be complete); the others keep theirs.
     *
     * @param  text                      the file's content
     * @param  option                    the option that named the file ({@code priceFile}), for messages; null for
     *                                   the published list (whose problems are bugs: {@link IllegalStateException})
     * @param  value                     the option's value, quoted by messages
     * @throws PixazoValidationException naming the option, its value and the line
     */
    public PriceList withTablesFrom(String text, String option, String value) {
        List<PriceLine> lines = PriceLine.parseFile(text, option, value,
                (where, problem) -> fail(option, value, where, problem));
        Map<String, Map<String, PriceLine>> merged = copy(raw);
        merged.putAll(group(lines));
        return new PriceList(merged);
    }

    /**
     * This list with single entries overriding single keys ({@code pixazo.gpt-image-2.1024x1024.high=0.25}); a table
     * that did not exist must be given whole.
     *
     * @param  entries                   {@code key=value} separated by commas, semicolons or line ends
     * @param  option                    the option that gave them ({@code prices}), for messages
     * @throws PixazoValidationException naming the option and the entry
     */
    public PriceList withEntries(String entries, String option) {
        List<PriceLine> lines = PriceLine.parseEntries(entries, option,
                (where, problem) -> fail(option, entries, where, problem));
        Map<String, Map<String, PriceLine>> merged = copy(raw);
        group(lines).forEach((table, fields) -> merged.computeIfAbsent(table, t -> new LinkedHashMap<>()).putAll(fields));
        return new PriceList(merged);
    }

    /** The estimate for {@code request} on {@code gatewayId}, or why there is none. */
    public PriceQuote quote(String gatewayId, ImageRequest request) {
        PriceTable table = tables.get(gatewayId + "." + request.model().value());
        if (table == null) {
            return PriceQuote.none(gatewayId + " publishes no price for " + request.model().value()
                                   + " (set one with the component option prices or priceFile)");
        }
        return table.quote(request);
    }

    /** The currency a gateway's prices are in, if it has any table. */
    public Optional<String> currency(String gatewayId) {
        return tables.values().stream().filter(t -> t.gateway().equals(gatewayId)).map(PriceTable::currency)
                .findFirst();
    }

    /** Every table, gateway and model order as written. */
    public Collection<PriceTable> tables() {
        return tables.values();
    }

    /** The table of a gateway and model, if any. */
    public Optional<PriceTable> table(String gatewayId, ImageModel model) {
        return Optional.ofNullable(tables.get(gatewayId + "." + model.value()));
    }

    // ---- parsing

    /** Lines to table key to field, checking keys as they come. */
    private static Map<String, Map<String, PriceLine>> group(List<PriceLine> lines) {
        Map<String, Map<String, PriceLine>> tables = new LinkedHashMap<>();
        for (PriceLine line : lines) {
            String option = line.option();
            String value = line.optionValue();
            String key = line.key().trim();
            int dot = key.indexOf('.');
            if (dot <= 0) {
                fail(line, "'" + key + "' is not <gateway>.<model>.<field>, e.g."
                        + " pixazo.gpt-image-2.1024x1024.high");
            }
            String gatewayText = key.substring(0, dot).toLowerCase(Locale.ROOT);
            List<String> ids = Gateways.all().stream().map(ImageGateway::id).toList();
            if (!ids.contains(gatewayText)) {
                fail(line, "unknown gateway '" + key.substring(0, dot) + "' in '" + key
                        + "': the gateways are " + String.join(", ", ids) + "." + Spelling.didYouMean(gatewayText, ids));
            }
            String rest = key.substring(dot + 1);
            ImageModel model = null;
            String field = null;
            for (ImageModel candidate : ImageModel.values()) {
                List<String> names = new ArrayList<>(List.of(candidate.value()));
                names.addAll(Arrays.asList(candidate.aliases()));
                for (String name : names) {
                    if (rest.toLowerCase(Locale.ROOT).startsWith(name + ".")) {
                        model = candidate;
                        field = rest.substring(name.length() + 1);
                    }
                }
            }
            if (model == null) {
                String modelText = rest.contains(".") ? rest.substring(0, rest.lastIndexOf('.')) : rest;
                List<String> models = Arrays.stream(ImageModel.values()).map(ImageModel::value).toList();
                fail(line, "unknown model in '" + key + "': the models are "
                        + String.join(", ", models) + "." + Spelling.didYouMean(modelText, models));
            }
            String normalized = normalizeField(field, key, option, value, line.where());
            Map<String, PriceLine> fields = tables.computeIfAbsent(gatewayText + "." + model.value(),
                    t -> new LinkedHashMap<>());
            PriceLine earlier = fields.put(normalized, line.withKey(normalized));
            if (earlier != null) {
                fail(line, "'" + key + "' is given twice (also " + earlier.where() + ").");
            }
        }
        return tables;
    }

    /** {@code 1024X1024.HIGH} to {@code 1024x1024.high}; rejects fields that mean nothing. */
    private static String normalizeField(String field, String key, String option, String value, String where) {
        String f = field.toLowerCase(Locale.ROOT).trim();
        if (f.equals("currency") || f.equals("source") || f.equals("auto-quality") || f.equals("auto-size")) {
            return f;
        }
        if (f.startsWith("tier.")) {
            String name = f.substring("tier.".length());
            if (!TIER.matcher(name).matches() || WXH.matcher(name).matches()) {
                fail(option, value, where, "'" + key + "': a tier name is lower-case letters, digits and '-' (e.g."
                        + " 1k), and not a WIDTHxHEIGHT.");
            }
            return f;
        }
        int dot = f.lastIndexOf('.');
        if (dot > 0) {
            String size = f.substring(0, dot);
            String quality = f.substring(dot + 1);
            List<String> qualities = List.of("low", "medium", "high");
            if (!qualities.contains(quality)) {
                fail(option, value, where, "'" + key + "': the quality of a price is low, medium or high"
                        + (quality.equals("auto") ? " (auto is priced by the rule auto-quality)" : "") + "."
                        + Spelling.didYouMean(quality, qualities));
            }
            if (WXH.matcher(size).matches() || TIER.matcher(size).matches()) {
                return size + "." + quality;
            }
        }
        fail(option, value, where, "'" + key + "': unknown field '" + field + "'; a table has " + String.join(", ",
                FIELDS) + ".");
        return null; // not reached
    }

    // ---- checking a table as a whole

    private static PriceTable build(String tableKey, Map<String, PriceLine> fields) {
        PriceLine firstLine = fields.values().iterator().next();
        String first = firstLine.where();
        int dot = tableKey.indexOf('.');
        String gateway = tableKey.substring(0, dot);
        ImageModel model = Arrays.stream(ImageModel.values()).filter(m -> m.value().equals(tableKey.substring(dot + 1)))
                .findFirst().orElseThrow();

        PriceLine currencyLine = fields.get("currency");
        if (currencyLine == null) {
            fail(firstLine, "the table " + tableKey + " lacks its currency: add " + tableKey
                    + ".currency = USD (or credits, or another ISO 4217 code).");
        }
        String currency = Currencies.normalize(currencyLine.value()).orElse(null);
        if (currency == null) {
            fail(currencyLine, "unknown currency '" + currencyLine.value() + "' for " + tableKey
                    + ": use an ISO 4217 code (USD, EUR, ...) or credits.");
        }

        Map<String, Integer> tiers = new LinkedHashMap<>();
        Map<String, Map<ImageQuality, BigDecimal>> prices = new LinkedHashMap<>();
        Map<String, PriceLine> firstLineOfSize = new LinkedHashMap<>();
        for (PriceLine line : fields.values()) {
            String field = line.key();
            if (field.startsWith("tier.")) {
                tiers.put(field.substring("tier.".length()), edge(line, tableKey));
            } else if (field.indexOf('.') > 0) {
                int at = field.lastIndexOf('.');
                String size = normalizeSize(field.substring(0, at));
                ImageQuality quality = ImageQuality.valueOf(field.substring(at + 1).toUpperCase(Locale.ROOT));
                prices.computeIfAbsent(size, s -> new EnumMap<>(ImageQuality.class)).put(quality,
                        price(line, tableKey));
                firstLineOfSize.putIfAbsent(size, line);
            }
        }
        if (prices.isEmpty()) {
            fail(firstLine, "the table " + tableKey + " has no price: add lines like " + tableKey
                    + ".1024x1024.high = 0.211.");
        }
        for (Map.Entry<String, Map<ImageQuality, BigDecimal>> size : prices.entrySet()) {
            for (ImageQuality quality : List.of(ImageQuality.LOW, ImageQuality.MEDIUM, ImageQuality.HIGH)) {
                if (!size.getValue().containsKey(quality)) {
                    fail(firstLineOfSize.get(size.getKey()), "the table " + tableKey
                            + " lacks the price of " + size.getKey() + " at quality " + quality.value() + ": add "
                            + tableKey + "." + size.getKey() + "." + quality.value() + " = <price per image>.");
                }
            }
            if (!WXH.matcher(size.getKey()).matches() && !tiers.containsKey(size.getKey())) {
                fail(firstLineOfSize.get(size.getKey()), "'" + size.getKey() + "' in " + tableKey
                        + " is neither WIDTHxHEIGHT nor a declared tier: add " + tableKey + ".tier." + size.getKey()
                        + " = <longest side in px>.");
            }
        }
        for (String tier : tiers.keySet()) {
            if (!prices.containsKey(tier)) {
                fail(fields.get("tier." + tier), "the table " + tableKey + " lacks the prices"
                        + " of tier " + tier + ": add " + tableKey + "." + tier + ".low, .medium and .high.");
            }
        }

        String autoQuality = ruleOrMax(fields.get("auto-quality"));
        if (!List.of(PriceTable.MAX, "low", "medium", "high").contains(autoQuality)) {
            fail(fields.get("auto-quality"), "auto-quality of " + tableKey + " is low, medium,"
                    + " high (the quality the gateway bills auto as) or max (an upper bound), not '" + autoQuality + "'.");
        }
        String autoSize = ruleOrMax(fields.get("auto-size"));
        if (!autoSize.equals(PriceTable.MAX)) {
            autoSize = normalizeSize(autoSize);
            if (!prices.containsKey(autoSize)) {
                fail(fields.get("auto-size"), "auto-size of " + tableKey + " is a priced size ("
                        + String.join(", ", prices.keySet()) + ") or max (an upper bound), not '"
                        + fields.get("auto-size").value() + "'.");
            }
        }
        PriceLine source = fields.get("source");
        return new PriceTable(gateway, model, currency, source != null ? source.value() : null, tiers, prices,
                autoQuality, autoSize);
    }

    private static String ruleOrMax(PriceLine line) {
        return line == null ? PriceTable.MAX : line.value().trim().toLowerCase(Locale.ROOT);
    }

    private static String normalizeSize(String size) {
        return size.toLowerCase(Locale.ROOT);
    }

    private static BigDecimal price(PriceLine line, String tableKey) {
        String text = line.value().trim();
        if (text.startsWith("-")) {
            fail(line, "the price of " + tableKey + "." + line.key() + " must not be negative,"
                    + " got '" + text + "'.");
        }
        if (!PRICE.matcher(text).matches()) {
            fail(line, "the price of " + tableKey + "." + line.key() + " must be a decimal"
                    + " number with a '.' and at most 10 decimals (e.g. 0.211), got '" + text + "'.");
        }
        return new BigDecimal(text);
    }

    private static int edge(PriceLine line, String tableKey) {
        String text = line.value().trim();
        try {
            int edge = Integer.parseInt(text);
            if (edge >= 1 && edge <= MAX_TIER_EDGE) {
                return edge;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(line, tableKey + "." + line.key() + " is the longest side its sizes may have, a"
                + " whole number of pixels from 1 to " + MAX_TIER_EDGE + ", got '" + text + "'.");
        return 0; // not reached
    }

    private static void checkOneCurrencyPerGateway(Map<String, Map<String, PriceLine>> raw,
                                                   Map<String, PriceTable> tables) {
        Map<String, PriceTable> byGateway = new LinkedHashMap<>();
        for (Map.Entry<String, PriceTable> entry : tables.entrySet()) {
            PriceTable table = entry.getValue();
            PriceTable other = byGateway.putIfAbsent(table.gateway(), table);
            if (other != null && !other.currency().equals(table.currency())) {
                fail(raw.get(entry.getKey()).get("currency"), "the tables of " + table.gateway() + " are in two"
                        + " currencies, " + other.currency() + " (" + other.model() + ") and " + table.currency() + " ("
                        + table.model() + "): a gateway's budget counts in one currency, so give all its tables the"
                        + " same currency.");
            }
        }
    }

    private static Map<String, Map<String, PriceLine>> copy(Map<String, Map<String, PriceLine>> raw) {
        Map<String, Map<String, PriceLine>> copy = new LinkedHashMap<>();
        raw.forEach((table, fields) -> copy.put(table, new LinkedHashMap<>(fields)));
        return copy;
    }

    private static void fail(PriceLine line, String problem) {
        fail(line.option(), line.optionValue(), line.where(), problem);
    }

    private static void fail(String option, String value, String where, String problem) {
        if (option == null) {
            throw new IllegalStateException(PUBLISHED_RESOURCE + " " + where + ": " + problem);
        }
        throw new PixazoValidationException(option, value, where + ": " + problem);
    }

    /** The tables, for tests and docs: gateway.model, sorted. */
    List<String> tableKeys() {
        List<String> keys = new ArrayList<>(tables.keySet());
        keys.sort(Comparator.naturalOrder());
        return keys;
    }
}
