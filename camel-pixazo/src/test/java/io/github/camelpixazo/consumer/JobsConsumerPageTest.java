package io.github.camelpixazo.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/jobs-consumer.adoc shows code that runs: its Java routes are the tagged region below, run here against the
 * stand-in gateway (a prompt file in, its image out, named after the prompt; a FAILED job to the failed folder), and
 * every file the page includes exists, with the tags it names.
 */
class JobsConsumerPageTest extends PixazoTestSupport {

    private static final Path PAGE = Path.of("..", "docs", "jobs-consumer.adoc");
    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[([^\\]]*)]", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void theJavaRoutesOfThePageCollectEachJobUnderItsPromptsName() throws Exception {
        String ok = "gpt-image-2_019d0000-0000-0000-0000-00000000f001";
        String failed = "gpt-image-2_019d0000-0000-0000-0000-00000000f002";
        byte[] png = TestImages.png(20, 10);
        context.getPropertiesComponent().addInitialProperty("dir", dir.toString());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // tag::routes[]
                from("file:{{dir}}/prompts?antInclude=*.txt")
                    .setHeader("promptName", simple("${file:onlyname.noext}"))
                    .to("pixazo:generate?waitForCompletion=false&carryHeaders=promptName");

                from("pixazo:jobs")
                    .choice()
                        .when(simple("${header.CamelPixazoStatus} == 'COMPLETED' && ${header.CamelPixazoError} == null"))
                            .to("file:{{dir}}/images?fileName=${header.promptName}.${file:name.ext.single}")
                        .otherwise()
                            .setBody(simple("${header.CamelPixazoStatus}: ${header.CamelPixazoError}"))
                            .to("file:{{dir}}/failed?fileName=${header.promptName}.txt");
                // end::routes[]
            }
        });
        gateway.stubSubmit(GENERATE_2, ok);
        gateway.stubCompleted(ok, "image/png", png);
        Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(dir.resolve("prompts/sunset.txt"), "A sunset");
        // file: writes in place, so the file exists before its bytes are in: wait for all of them (under a parallel
        // build this read 0 bytes once)
        Await.until(Duration.ofSeconds(60), () -> sizeOf(dir.resolve("images/sunset.png")) == png.length, "the image");
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("images/sunset.png")));

        gateway.stubSubmit(GENERATE_2, failed);
        gateway.stubStatus(failed, "FAILED", "refused by the model");
        Files.writeString(dir.resolve("prompts/refused.txt"), "Something refused");
        Await.until(Duration.ofSeconds(60), () -> sizeOf(dir.resolve("failed/refused.txt"))
                                                  == "FAILED: refused by the model".length(), "the reason");
        assertEquals("FAILED: refused by the model", Files.readString(dir.resolve("failed/refused.txt")));
    }

    @Test
    void everyFileThePageIncludesExistsWithItsTags() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Matcher include = INCLUDE.matcher(page);
        List<String> problems = new ArrayList<>();
        int includes = 0;
        while (include.find()) {
            includes++;
            Path file = PAGE.getParent().resolve(include.group(1)).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add("missing: " + file);
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher tag = Pattern.compile("tag=([A-Za-z0-9_-]+)").matcher(include.group(2));
            if (tag.find() && !(text.contains("tag::" + tag.group(1) + "[]") && text.contains("end::" + tag.group(1)
                    + "[]"))) {
                problems.add("no tag " + tag.group(1) + " in " + file);
            }
        }
        assertTrue(includes >= 4, "the page includes its snippets: " + includes);
        assertEquals(List.of(), problems);
    }

    private static long sizeOf(java.nio.file.Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
