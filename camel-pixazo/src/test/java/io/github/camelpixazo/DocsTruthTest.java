package io.github.camelpixazo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs quoted exception messages the code no longer said, and advised ways of giving the key that print it (D14).
 * Every text the docs put in double quotes must be found in the project's sources - split where the docs mark a
 * variable part ({@code ...}, {@code <name>}, a quoted value, a number) - unless it is listed below as not this
 * project's words; and no page or example puts the key into an endpoint URI or a {@code {{env:...}}} placeholder
 * anywhere but a component property.
 */
class DocsTruthTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern QUOTE = Pattern.compile("(?<![\\w`])\"([^\"`]{8,400})\"(?![\\w`])");
    /** Where a quote marks a variable part: an ellipsis, a {@code <placeholder>}, a 'value', anything with a digit. */
    private static final Pattern VARIABLE = Pattern.compile("\\.\\.\\.|…|'[^']*'|<[^>]*>|\\S*\\d\\S*");
    /** {@code camel.component.pixazo.api-key = {{env:PIXAZO_API_KEY}}}: a component property, the one place for it. */
    private static final Pattern ENV_IN_COMPONENT_PROPERTY =
            Pattern.compile("camel\\.component\\.\\w+\\.[\\w-]+\\s*[=:]\\s*\\{\\{env:");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^----\\n.*?^----\\n");

    /** Quoted texts that are not this project's messages, and why. */
    private static final Map<String, String> NOT_OURS = Map.ofEntries(
            Map.entry("Until the deadline", "a term the page defines"),
            Map.entry("There are 1 parameters that couldn't be set", "Camel core's message"),
            Map.entry("Found property ... with value", "Camel core's log line"),
            Map.entry("Properties from Camel properties component", "Camel core's log line"),
            Map.entry("Properties from OS environment variables", "Camel core's log line"),
            Map.entry("must be non-empty", "the gateways' reference documents"),
            Map.entry("UTF-8 with BOM", "a file encoding's name"),
            Map.entry("here are the images", "prose"),
            Map.entry("nothing was queued, redeliver later", "what the exception type's documentation promises"),
            Map.entry("grow, then queue", "prose"),
            Map.entry("has this id been seen / is it in progress", "prose"),
            Map.entry("due before T", "prose"),
            Map.entry("every callback 2xx", "issue 6's words, quoted as such"),
            Map.entry("a red fox in the snow, watercolor (prompt 1)", "an example prompt, composed by the example"));

    @Test
    void everyQuotedMessageIsStillWhatTheCodeSays() throws IOException {
        String sources = sources();
        List<String> stale = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            String text = CODE_BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll("");
            for (String line : text.split("\n")) {
                Matcher m = QUOTE.matcher(line);
                while (m.find()) {
                    String quote = m.group(1);
                    if (quote.split("\\s+").length < 3 || quote.contains("%classpath") || quote.contains("${")
                        || NOT_OURS.containsKey(quote)) {
                        continue;
                    }
                    List<String> missing = new ArrayList<>();
                    boolean any = false;
                    for (String fragment : VARIABLE.split(quote)) {
                        String words = fragment.strip().replaceAll("^[.,:;]+|[.,:;]+$", "").strip();
                        if (words.split("\\s+").length < 2) {
                            continue;
                        }
                        any = true;
                        if (!sources.contains(words)) {
                            missing.add(words);
                        }
                    }
                    if (any) {
                        checked++;
                    }
                    if (!missing.isEmpty()) {
                        stale.add(ROOT.relativize(page) + ": \"" + quote + "\" (not in the sources: " + missing + ")");
                    }
                }
            }
        }
        assertTrue(checked >= 30, "the quotes were found: " + checked);
        assertEquals(List.of(), stale, "quoted in the docs but said nowhere in the code: fix the quote (mark a"
                + " variable part with ... or <name>) or, if it is not this project's text, list it in NOT_OURS");
    }

    /** The test can fail: a message the code never says is reported. */
    @Test
    void aStaleQuoteIsFound() throws IOException {
        String sources = sources();
        assertTrue(sources.contains("is not a property of the pixazo component"), "generator sources are read");
        assertTrue(!sources.contains("this gateway does not document that option or input"));
    }

    @Test
    void noPageOrExamplePutsTheKeyWhereCamelPrintsIt() throws IOException {
        Pattern keyInUri = Pattern.compile("(?i)(pixazo|pixapi|evolink)[a-z]*:[^\\s\"]*[?&]api-?key=");
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(pages());
        files.addAll(files(ROOT.resolve("camel-pixazo-examples"), "src/main"));
        files.addAll(files(ROOT.resolve("camel-pixazo/src/main/resources"), ""));
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                // the security table's rows that say what prints a key in a URI
                boolean warning = line.startsWith("| In an endpoint URI");
                if (keyInUri.matcher(line).find() && !warning) {
                    problems.add(ROOT.relativize(file) + ":" + (i + 1) + " puts the key in an endpoint URI: " + line);
                }
                boolean componentProperty = ENV_IN_COMPONENT_PROPERTY.matcher(line).find();
                if (line.contains("{{env:") && !componentProperty && !warning && !line.startsWith("| camel-main")) {
                    problems.add(ROOT.relativize(file) + ":" + (i + 1) + " uses {{env:...}} outside a component"
                                 + " property: " + line);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(files(ROOT.resolve("docs"), ""));
        pages.removeIf(p -> !p.toString().endsWith(".adoc"));
        pages.add(ROOT.resolve("README.md"));
        return pages;
    }

    /** The project's sources and resources, with Java's concatenated literals joined. */
    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        List<Path> files = new ArrayList<>(files(ROOT.resolve("camel-pixazo/src"), ""));
        files.addAll(files(ROOT.resolve("camel-pixazo/camel-pixazo-starter/src"), ""));
        files.addAll(files(ROOT.resolve("camel-pixazo-examples"), "src/"));
        for (Path file : files) {
            if (!file.getFileName().toString().equals("DocsTruthTest.java")) { // its own lists would match anything
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString().replaceAll("\"\\s*\\+\\s*\"", "").replace("\\\"", "\"");
    }

    private static List<Path> files(Path dir, String pathPart) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/") && p.toString().contains(pathPart))
                    .filter(p -> p.toString().matches(".*\\.(java|yaml|yml|xml|txt|properties|adoc|md)$"))
                    .toList();
        }
    }
}
