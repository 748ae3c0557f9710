package io.github.camelpixazo.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A test application in a forked JVM (this test JVM's class path) that reports its progress as lines on stdout
 * ({@code STARTED}, {@code SUBMITTED <id>}, ...); its stderr goes to a file.
 *
 * <p>Waiting on it is a condition signalled by the child, not a time budget: {@link #awaitLines} waits as long as the
 * child makes progress (a new matching line within {@code stall}), fails at once when the child died, and when it
 * stalls fails with what a reader needs to tell a slow machine from a hang (lines so far, each line's time since the
 * fork, the child's thread dump and the end of its stderr). On two cores shared with other builds a JVM start plus a
 * CamelContext start can take tens of seconds; a child that stops making progress for {@code stall} is stuck.
 */
public final class ForkedJvm implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final long forkedAt = System.nanoTime();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    /** One stdout line and when it arrived, in milliseconds since the fork. */
    public record Line(String text, long millis) {
    }

    /**
     * Forks {@code java <jvmOptions> -cp <this class path> <mainClass> <args>}.
     *
     * @param stderr the file that keeps the child's stderr
     */
    public ForkedJvm(Path stderr, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        this.stderr = stderr;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Path stdout = stderr.resolveSibling(stderr.getFileName() + ".out");
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(stdout.toFile()).start();
        // from a file, not the pipe: see ChildStdout (a killed child's last lines were lost with the pipe)
        reader = new Thread(() -> ChildStdout.follow(stdout, process, line -> lines.add(new Line(line, elapsedMillis()))),
                "forked-jvm-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - forkedAt);
    }

    /** The lines received so far. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The texts after {@code prefix} of the lines that start with it, in order. */
    public List<String> values(String prefix) {
        return lines.stream().filter(l -> l.text().startsWith(prefix)).map(l -> l.text().substring(prefix.length()))
                .toList();
    }

    /** When the {@code index}th (0-based) line starting with {@code prefix} came, in ms since the fork; -1 if not yet. */
    public long millisOf(String prefix, int index) {
        List<Line> matching = lines.stream().filter(l -> l.text().startsWith(prefix)).toList();
        return index < matching.size() ? matching.get(index).millis() : -1;
    }

    /**
     * Waits until {@code count} lines match {@code line}, as long as the child lives and makes progress: a new
     * matching line at least every {@code stall}.
     *
     * @throws AssertionError when the child exited first, or made no progress for {@code stall}, with diagnostics
     */
    public void awaitLines(Predicate<String> line, int count, Duration stall, String what) {
        int seen = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            int now = (int) lines.stream().filter(l -> line.test(l.text())).count();
            if (now >= count) {
                return;
            }
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
            if (!process.isAlive()) {
                joinReader();
                if (lines.stream().filter(l -> line.test(l.text())).count() >= count) {
                    return;
                }
                fail(what + ": the child exited with " + process.exitValue() + " after " + seen + " of " + count
                     + diagnostics(false));
            }
            if (System.nanoTime() - lastProgress > stall.toNanos()) {
                fail(what + ": the child made no progress for " + stall.toSeconds() + " s (" + seen + " of " + count
                     + ")" + diagnostics(true));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted waiting for: " + what);
            }
        }
    }

    /** Waits for one line equal to {@code text} (e.g. {@code STARTED}), with the same rules as {@link #awaitLines}. */
    public void awaitLine(String text, Duration stall) {
        awaitLines(text::equals, 1, stall, "the child's '" + text + "'");
    }

    /**
     * Waits until every line the dead child wrote has been read (the pipe's end): a fixed join that returned early
     * would silently drop the last lines, which the tests count (a starved reader thread on a loaded machine).
     */
    private void joinReader() {
        try {
            reader.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            fail("the child's output did not end within 2 min after it died");
        }
    }

    /** The child's thread dump (if asked and it lives), its lines' timing and the end of its stderr. */
    public String diagnostics(boolean threadDump) {
        StringBuilder text = new StringBuilder();
        text.append("; ").append(elapsedMillis()).append(" ms since the fork; last lines (ms since the fork): ");
        List<Line> all = lines();
        all.subList(Math.max(0, all.size() - 10), all.size())
                .forEach(l -> text.append('[').append(l.millis()).append(" ").append(l.text()).append("] "));
        if (threadDump && process.isAlive()) {
            text.append("\nthe child's threads:\n").append(threadDump());
        }
        text.append("\nthe child's stderr ends:\n").append(tail(stderr, 4000));
        return text.toString();
    }

    private String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] out = dump.getInputStream().readAllBytes();
            dump.waitFor(30, TimeUnit.SECONDS);
            String text = new String(out, StandardCharsets.UTF_8);
            return text.length() > 20_000 ? text.substring(0, 20_000) + "..." : text;
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String tail(Path file, int chars) {
        try {
            String text = Files.readString(file);
            return text.length() > chars ? text.substring(text.length() - chars) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    public Process process() {
        return process;
    }

    /** {@code kill -9}: SIGKILL, and waits until the child is gone and its output read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        joinReader();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
