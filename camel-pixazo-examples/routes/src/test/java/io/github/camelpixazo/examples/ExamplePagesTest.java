package io.github.camelpixazo.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * What a newcomer reads about the examples stays true: the summary's banner names the project (not the Pixazo
 * gateway, the examples run against three), the summaries quoted in the docs carry that banner, every example module
 * has a page under docs/examples linked from the getting-started examples table, and every Maven profile the pages
 * tell you to run exists.
 */
class ExamplePagesTest {

    private static final Path ROOT = Path.of("..", "..");
    private static final Path DOCS = ROOT.resolve("docs");
    /** A summary's first line as the docs quote it: "<banner> '<example>' (<title>): done in 4.5 s". */
    private static final Pattern BANNER_LINE = Pattern.compile("(?m)^(.*) '([a-z-]+)' \\(.*\\): (done|NOT FINISHED) in ");
    private static final Pattern PROFILE = Pattern.compile("(?<![\\w-])-P([a-z][a-z-]*)");

    @Test
    void theSummaryBannerNamesTheProjectWhateverTheGateway() {
        Summary summary = new Summary("jobs", "submit and collect later", "embedded EvoLink sandbox at http://127.0.0.1:1",
                true, 5, 5, 5, 1, 3, "images", List.of(), null, Duration.ofSeconds(2), 4,
                "pending in the job store at once", 20, 40, Map.of());
        String printed = ExampleAssertions.printed(summary);
        String banner = printed.lines().skip(1).findFirst().orElseThrow();
        assertTrue(banner.startsWith("camel-pixazo example 'jobs' (submit and collect later): done in 2.0 s"), banner);
        assertTrue(printed.contains("gateway:   embedded EvoLink sandbox"), printed);
    }

    @Test
    void theSummariesQuotedInTheDocsCarryTheBanner() throws Exception {
        List<String> quoted = new ArrayList<>();
        for (Path page : pages()) {
            Matcher line = BANNER_LINE.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (line.find()) {
                quoted.add(ROOT.relativize(page) + ": " + line.group());
                assertEquals(Summary.BANNER, line.group(1), ROOT.relativize(page) + " quotes an old banner: " + line.group());
            }
        }
        assertTrue(quoted.size() >= 5, "the getting-started, folder, dsl, ftp and queue pages quote summaries: " + quoted);
    }

    @Test
    void everyExampleModuleHasAPageLinkedFromGettingStarted() throws Exception {
        String gettingStarted = Files.readString(DOCS.resolve("getting-started.adoc"), StandardCharsets.UTF_8);
        try (Stream<Path> pages = Files.list(DOCS.resolve("examples"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                String link = "link:examples/" + page.getFileName() + "[";
                assertTrue(gettingStarted.contains(link), "getting-started.adoc does not link " + link);
            }
        }
        for (String module : List.of("spring-boot", "plain-java")) {
            assertTrue(Files.isRegularFile(DOCS.resolve("examples/" + module + ".adoc")),
                    "camel-pixazo-examples/" + module + " has no page under docs/examples");
        }
    }

    @Test
    void everyProfileThePagesRunExists() throws Exception {
        String poms = Files.readString(ROOT.resolve("camel-pixazo-examples/routes/pom.xml"))
                      + Files.readString(ROOT.resolve("camel-pixazo-examples/spring-boot/pom.xml"))
                      + Files.readString(ROOT.resolve("camel-pixazo-examples/plain-java/pom.xml"));
        List<String> profiles = new ArrayList<>();
        for (Path page : pages()) {
            Matcher profile = PROFILE.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (profile.find()) {
                profiles.add(profile.group(1));
                assertTrue(poms.contains("<id>" + profile.group(1) + "</id>"),
                        ROOT.relativize(page) + " runs -P" + profile.group(1) + ", which no example pom defines");
            }
        }
        assertTrue(profiles.containsAll(List.of("example", "spring-boot-example", "plain-java-example")), profiles.toString());
    }

    /** The Spring Boot example must not be pinned to port 8080, and stopping it as documented is not a failed build. */
    @Test
    void theSpringBootProfileTakesServerPortAndCountsCtrlCAsSuccess() throws Exception {
        String pom = Files.readString(ROOT.resolve("camel-pixazo-examples/spring-boot/pom.xml"));
        assertTrue(pom.contains("<argument>--server.port=${server.port}</argument>"), "-Dserver.port reaches the application");
        for (int code : new int[] { 0, 130, 143 }) {
            assertTrue(pom.contains("<successCode>" + code + "</successCode>"), "exit code " + code + " is a success");
        }
        String page = Files.readString(DOCS.resolve("examples/spring-boot.adoc"));
        assertTrue(page.contains("-Dserver.port=") && page.contains("Ctrl-C"), "the page says how to move and stop it");
    }

    private static List<Path> pages() throws Exception {
        try (Stream<Path> files = Files.list(DOCS.resolve("examples"))) {
            List<Path> pages = new ArrayList<>(files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList());
            pages.add(DOCS.resolve("getting-started.adoc"));
            return pages;
        }
    }
}
