package io.github.camelpixazo.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a forked child's stdout from the file it is redirected to, line by line, until the child has died and every
 * byte it wrote has been read.
 *
 * <p>Why a file and not {@link Process#getInputStream()}: {@link Process#destroyForcibly()} closes that stream in
 * this JVM right after the kill (the JDK's {@code ProcessImpl.destroy}), so a reader thread that lags behind sees
 * "Stream closed" with lines the child wrote before it died still unread in the pipe. Tests that count a killed
 * child's confirmations lost up to three of them that way under a parallel build ("found 1857 of 1854 confirmed").
 * A file keeps every byte that was written.
 * A last line without its line end (the child was killed while printing it) is not delivered: a cut id could name
 * another record.
 */
public final class ChildStdout {

    private ChildStdout() {
    }

    /**
     * Follows {@code file} and hands each complete line to {@code sink}; returns once {@code child} has exited and
     * the file is read to its end. Meant to run on a thread of its own.
     */
    public static void follow(Path file, Process child, Consumer<String> sink) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                // the state before reading: all a dead child wrote is in the file, so one more pass reads it all
                boolean exited = !child.isAlive();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            sink.accept(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
                if (exited) {
                    return;
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
