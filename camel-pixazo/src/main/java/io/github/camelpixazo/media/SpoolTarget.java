package io.github.camelpixazo.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the big bodies of one unit of work go: its {@link SpoolSettings} (threshold and directory) and its
 * {@link TempFiles}, deleted when the unit of work ends. Images a gateway returns inline (base64 in its JSON answer)
 * and the answers carrying them are spooled here, so they never sit whole in the heap (D4).
 */
public record SpoolTarget(SpoolSettings settings, TempFiles files) {

    public SpoolTarget {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(files, "files");
    }

    /**
     * Everything in memory, for callers without a unit of work (tests, a status query whose answer is small by
     * nature): nothing is written to disk, so nothing needs deleting.
     */
    public static SpoolTarget inMemory() {
        return new SpoolTarget(new SpoolSettings(-1, Path.of(System.getProperty("java.io.tmpdir"))), new TempFiles());
    }

    /** A writer for one body; {@code prefix} names its temporary file (a request id, so an operator knows it). */
    public SpoolWriter writer(String prefix, int headBytes, long expectedLength) {
        return new SpoolWriter(settings, files, prefix, headBytes, expectedLength);
    }
}
