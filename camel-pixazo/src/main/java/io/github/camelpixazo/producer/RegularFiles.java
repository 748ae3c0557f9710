package io.github.camelpixazo.producer;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelpixazo.error.PixazoValidationException;

/**
 * Local files given as prompts, edit images or masks (File, Path, a file consumer's GenericFile, a {@code file:} mask)
 * must be regular files, checked before they are opened: opening a named pipe (FIFO) nobody writes blocks the caller's
 * thread forever, a device such as {@code /dev/zero} never ends, and a directory cannot be read.
 */
final class RegularFiles {

    private RegularFiles() {
    }

    /**
     * @param option the option the file is for ({@code prompt}, {@code image}, {@code mask})
     * @param source where it came from, for the message (the body, a header, the option)
     * @throws PixazoValidationException naming the option unless {@code path} is a regular file (symbolic links are
     *                                   followed)
     */
    static void require(String option, String source, Path path) {
        if (Files.isRegularFile(path)) {
            return;
        }
        String what = !Files.exists(path) ? "does not exist"
                : Files.isDirectory(path) ? "is a directory"
                : "is not a regular file (a named pipe, a socket or a device: reading it could block forever or never"
                  + " end)";
        throw new PixazoValidationException(option, source, path + " " + what + "; send a regular file.");
    }
}
