package io.github.camelpixazo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/reliability.adoc cannot drift from the tests: every row names a {@code TestClass#method} that must exist in the
 * test sources as a test method, and every row has the page's four cells.
 */
class ReliabilityPageTest {

    private static final Path PAGE = Path.of("..", "docs", "reliability.adoc");
    private static final Path TESTS = Path.of("src", "test", "java");
    /** The Spring Boot starter's tests, for the rows about its properties. */
    private static final Path STARTER_TESTS = Path.of("camel-pixazo-starter", "src", "test", "java");
    private static final Pattern REFERENCE = Pattern.compile("^([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)$");
    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest)\\b");

    @Test
    void everyRowNamesATestThatExists() throws IOException {
        List<String> rows = rows();
        assertTrue(rows.size() >= 40, "the page lists every fault kind tried: " + rows.size() + " rows");
        Map<String, Path> sources = testSources();
        List<String> problems = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.substring(1).split("\\|", -1);
            if (cells.length != 4) {
                problems.add("not four cells (kind, injected, outcome, test): " + row);
                continue;
            }
            String reference = cells[3].trim();
            Matcher matcher = REFERENCE.matcher(reference);
            if (!matcher.matches()) {
                problems.add("the last cell is not TestClass#method: " + row);
                continue;
            }
            Path source = sources.get(matcher.group(1));
            if (source == null) {
                problems.add("no test class " + matcher.group(1) + " in " + TESTS + ": " + row);
            } else if (!declaresTest(Files.readString(source, StandardCharsets.UTF_8), matcher.group(2))) {
                problems.add("no test method " + reference + " in " + source + ": " + row);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void thePageKeepsItsBadInputSection() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertTrue(page.contains("\n== Bad input\n"), "the section another engineer's rows go into");
    }

    /**
     * Table rows of the page, header rows excluded, each as "| kind | injected | outcome | test". A row may be written
     * on one line or with one cell per line, as AsciiDoc allows: cells are read between the table's delimiters and
     * grouped by four.
     */
    private static List<String> rows() throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> cells = null;
        for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
            if (line.equals("|===")) {
                if (cells != null) {
                    rows.addAll(group(cells));
                }
                cells = cells == null ? new ArrayList<>() : null;
            } else if (cells != null && line.startsWith("|")) {
                for (String cell : line.substring(1).split("(?<=\\s)\\|", -1)) {
                    cells.add(cell.trim());
                }
            } else if (cells != null && !line.isBlank() && !cells.isEmpty()) {
                int last = cells.size() - 1;
                cells.set(last, cells.get(last) + " " + line.trim()); // a cell continued on the next line
            }
        }
        return rows;
    }

    private static List<String> group(List<String> cells) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i += 4) {
            List<String> row = cells.subList(i, Math.min(cells.size(), i + 4));
            if (!row.get(0).equals("Kind")) {
                rows.add("| " + String.join(" | ", row));
            }
        }
        return rows;
    }

    private static Map<String, Path> testSources() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(TESTS), Files.walk(STARTER_TESTS))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .collect(Collectors.toMap(file -> file.getFileName().toString().replace(".java", ""), file -> file,
                            (a, b) -> a));
        }
    }

    /** The method is declared, and the last JUnit test annotation before it belongs to it (no method in between). */
    private static boolean declaresTest(String source, String method) {
        Matcher declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(source);
        if (!declaration.find()) {
            return false;
        }
        String before = source.substring(0, declaration.start());
        Optional<Integer> lastAnnotation = TEST_ANNOTATION.matcher(before).results().map(r -> r.start())
                .reduce((first, second) -> second);
        return lastAnnotation.isPresent() && !before.substring(lastAnnotation.get()).contains(" void ");
    }
}
