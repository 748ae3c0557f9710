package io.github.camelpixazo.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelpixazo.error.JobStoreException;

/**
 * The file store's spend ledger: an append-only file of JSON lines,
 * {@code {"at":"2026-01-01T10:00:00Z","amount":0.04,"currency":"USD","scope":"component"}}, each appended with one
 * write and forced to disk before {@link #append} returns.
 *
 * <p>Crash safety without rewriting: an append interrupted by a crash can only leave a torn <em>last</em> line (no
 * newline at the end); it was never acknowledged, so opening the file cuts it off (and reports it) before appending
 * again. A line in the middle that does not parse (a hand edit, a damaged disk) is reported with its line number and
 * skipped; {@link #pruneBefore} rewrites the file atomically without it. The sums are kept in memory
 * ({@link SpendTotals}), so reading a budget does not read the file.
 */
final class SpendLedgerFile implements AutoCloseable {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final Path file;
    private final SpendTotals totals = new SpendTotals();
    private FileChannel channel;

    private SpendLedgerFile(Path file) {
        this.file = file;
    }

    /** Reads the ledger (creating it if missing), cutting off a torn last line; reports unusable lines. */
    static SpendLedgerFile open(Path file, Consumer<StoreProblem> reporter) {
        SpendLedgerFile ledger = new SpendLedgerFile(file);
        try {
            byte[] content = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            int end = content.length;
            while (end > 0 && content[end - 1] != '\n') {
                end--;
            }
            int lineNumber = 0;
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (content[i] == '\n') {
                    lineNumber++;
                    String line = new String(content, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        ledger.totals.add(parse(line));
                    } catch (IllegalArgumentException e) {
                        reporter.accept(new StoreProblem(file + " line " + lineNumber, null, e.getMessage(),
                                "skipped (left in the file until the next prune)", Instant.now()));
                    }
                }
            }
            ledger.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (end < content.length) {
                ledger.channel.truncate(end);
                ledger.channel.force(true);
                reporter.accept(new StoreProblem(file + " line " + (lineNumber + 1), null,
                        "torn last line (" + (content.length - end) + " bytes without a line end) from an"
                        + " interrupted append that never returned", "cut off", Instant.now()));
            }
            ledger.channel.position(end);
            AtomicFiles.syncDirectory(file.getParent());
            return ledger;
        } catch (IOException e) {
            ledger.close();
            throw new JobStoreException("The spend ledger " + file + " cannot be read or opened for writing: " + e,
                    file.toString(), file, null, e);
        }
    }

    /** Appends the entry durably. */
    synchronized void append(SpendEntry entry) {
        if (channel == null) {
            throw new JobStoreException("The spend ledger " + file + " is not open (it could not be reopened after a"
                                        + " prune): restart the job store", file.toString(), file, null, null);
        }
        ByteBuffer line = ByteBuffer.wrap(line(entry));
        long before = -1;
        try {
            before = channel.position();
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            rollBack(before);
            throw new JobStoreException("Could not append to the spend ledger " + file + " (disk full?): " + e,
                    file.toString(), file, null, e);
        }
        totals.add(entry);
    }

    synchronized BigDecimal sumSince(Instant since, String scope, String currency) {
        return totals.sumSince(since, scope, currency);
    }

    /** Forgets entries before {@code before} and rewrites the file atomically with the others. */
    synchronized int pruneBefore(Instant before) {
        int removed = totals.pruneBefore(before);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (SpendEntry entry : totals.entries()) {
            content.writeBytes(line(entry));
        }
        try {
            AtomicFiles.write(file, content.toByteArray(), true);
        } catch (IOException e) {
            // the old file and its channel are untouched
            throw new JobStoreException("Could not rewrite the spend ledger " + file + ": " + e, file.toString(), file,
                    null, e);
        }
        close();
        channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.position(channel.size());
        } catch (IOException e) {
            throw new JobStoreException("Could not reopen the spend ledger " + file + " after pruning it: " + e,
                    file.toString(), file, null, e);
        }
        return removed;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was pending: every append was forced
            }
        }
    }

    /** A failed append must not leave a partial line for the next one to continue. */
    private void rollBack(long position) {
        if (position >= 0) {
            try {
                channel.truncate(position);
                channel.position(position);
            } catch (IOException e) {
                // the next open cuts a torn last line off anyway
            }
        }
    }

    private static byte[] line(SpendEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("at", entry.at().toString());
        node.put("amount", entry.amount());
        node.put("currency", entry.currency());
        node.put("scope", entry.scope());
        try {
            return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static SpendEntry parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.path("at").isTextual() || !node.path("amount").isNumber()
            || !node.path("currency").isTextual() || !node.path("scope").isTextual()) {
            throw new IllegalArgumentException("not a ledger line {\"at\":\"...\",\"amount\":1.5,\"currency\":\"...\","
                                               + "\"scope\":\"...\"}");
        }
        try {
            return new SpendEntry(Instant.parse(node.get("at").textValue()), node.get("amount").decimalValue(),
                    node.get("currency").textValue(), node.get("scope").textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at is not an ISO-8601 instant: " + e.getParsedString());
        }
    }
}
