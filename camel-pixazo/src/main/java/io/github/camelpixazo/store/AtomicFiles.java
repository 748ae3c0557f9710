package io.github.camelpixazo.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same directory, is forced to disk,
 * and is renamed over the target in one atomic step ({@link StandardCopyOption#ATOMIC_MOVE}); then the directory is
 * forced so that the rename itself survives a power loss. A crash at any instant ({@code kill -9} included) leaves the
 * old file or the new one, never part of one, plus at most a temporary file ({@link #isTemporary}) that the next start
 * deletes.
 */
final class AtomicFiles {

    private static final String TEMP_SUFFIX = ".tmp";
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Windows cannot open a directory to force it; its renames are journalled by NTFS. */
    private static final boolean CAN_SYNC_DIRECTORIES
            = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private AtomicFiles() {
    }

    /** Whether {@code fileName} is a temporary file of {@link #write}: a leftover of an interrupted write. */
    static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    /**
     * Replaces (or creates) {@code target} with {@code content}; durable when it returns if {@code syncDirectory}, else
     * the file is durable but a power loss may bring back its previous version.
     */
    static void write(Path target, byte[] content, boolean syncDirectory) throws IOException {
        Path directory = target.getParent();
        Path temp = directory.resolve("." + target.getFileName() + "." + COUNTER.incrementAndGet() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (syncDirectory) {
            syncDirectory(directory);
        }
    }

    /** Deletes {@code target} (already gone is fine) and forces the directory. */
    static void delete(Path target) throws IOException {
        try {
            Files.delete(target);
        } catch (NoSuchFileException e) {
            return;
        }
        syncDirectory(target.getParent());
    }

    /** Forces the directory's entries (creations, renames, deletions) to disk. */
    static void syncDirectory(Path directory) throws IOException {
        if (CAN_SYNC_DIRECTORIES) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }
}
