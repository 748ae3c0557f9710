package io.github.camelpixazo.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where big bodies go instead of the heap: bodies up to {@code threshold} bytes stay in memory, larger ones are
 * written to a temporary file in {@code directory}.
 *
 * @param threshold bytes kept in memory at most; -1 never spools (everything in memory), 0 always spools
 * @param directory where the temporary files are created
 */
public record SpoolSettings(long threshold, Path directory) {

    public SpoolSettings {
        if (threshold < -1) {
            throw new IllegalArgumentException("threshold must be -1 (never spool) or at least 0: " + threshold);
        }
        Objects.requireNonNull(directory, "directory");
    }

    /** Whether a body of this many bytes goes to a file. */
    public boolean spools(long length) {
        return threshold >= 0 && length > threshold;
    }
}
