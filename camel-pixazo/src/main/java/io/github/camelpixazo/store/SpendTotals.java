package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The spend ledger in memory, for the single-process stores: per scope and currency, the entries by time, so that a
 * sum over a window reads only that window. Not thread-safe: callers synchronise.
 */
final class SpendTotals {

    private final Map<List<String>, NavigableMap<Long, List<BigDecimal>>> byKey = new HashMap<>();

    void add(SpendEntry entry) {
        byKey.computeIfAbsent(List.of(entry.scope(), entry.currency()), k -> new TreeMap<>())
                .computeIfAbsent(entry.at().toEpochMilli(), k -> new ArrayList<>(1)).add(entry.amount());
    }

    BigDecimal sumSince(Instant since, String scope, String currency) {
        NavigableMap<Long, List<BigDecimal>> entries = byKey.get(List.of(scope, currency));
        BigDecimal sum = BigDecimal.ZERO;
        if (entries != null) {
            for (List<BigDecimal> amounts : entries.tailMap(since.toEpochMilli(), true).values()) {
                for (BigDecimal amount : amounts) {
                    sum = sum.add(amount);
                }
            }
        }
        return Amounts.normalize(sum, "spend");
    }

    /** Removes entries before {@code before}; returns how many. */
    int pruneBefore(Instant before) {
        int removed = 0;
        for (NavigableMap<Long, List<BigDecimal>> entries : byKey.values()) {
            NavigableMap<Long, List<BigDecimal>> old = entries.headMap(before.toEpochMilli(), false);
            for (List<BigDecimal> amounts : old.values()) {
                removed += amounts.size();
            }
            old.clear();
        }
        byKey.values().removeIf(Map::isEmpty);
        return removed;
    }

    /** Every entry, for rewriting a ledger file. */
    List<SpendEntry> entries() {
        List<SpendEntry> all = new ArrayList<>();
        byKey.forEach((key, entries) -> entries.forEach((at, amounts) -> amounts.forEach(
                amount -> all.add(new SpendEntry(Instant.ofEpochMilli(at), amount, key.get(1), key.get(0))))));
        all.sort((a, b) -> a.at().compareTo(b.at()));
        return all;
    }
}
