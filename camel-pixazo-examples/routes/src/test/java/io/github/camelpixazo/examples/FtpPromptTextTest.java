package io.github.camelpixazo.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.sandbox.RecordedSubmission;
import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prompt files fetched by a real {@code ftp:} consumer (its GenericFile holds the downloaded bytes, not a
 * java.io.File): a UTF-8 file with a byte-order mark, and an ISO-8859-1 file named by the endpoint's charset option,
 * reach the gateway as exactly their text.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FtpPromptTextTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder()
            .processingTime(Duration.ofMillis(100))
            .build();

    @TempDir
    Path home;

    @Test
    void promptFilesFromFtpAreDecodedInTheirCharsetWithoutByteOrderMark() throws Exception {
        String utf8 = "Ein Caf\u00e9 am Meer \u2615";
        String latin1 = "Cr\u00e8me br\u00fbl\u00e9e";
        Files.createDirectories(home.resolve("utf8"));
        Files.createDirectories(home.resolve("latin1"));
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] text = utf8.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);
        Files.write(home.resolve("utf8/poster.txt"), withBom);
        Files.write(home.resolve("latin1/poster.txt"), latin1.getBytes(StandardCharsets.ISO_8859_1));

        try (EmbeddedFtpServer ftp = EmbeddedFtpServer.start(home);
             DefaultCamelContext context = new DefaultCamelContext()) {
            PixazoComponent pixazo = new PixazoComponent();
            pixazo.getConfiguration().setBaseUrl(sandbox.sandbox().baseUrl());
            pixazo.getConfiguration().setApiKey("sandbox");
            pixazo.setJobStore(new io.github.camelpixazo.store.MemoryJobStore()); // submitted jobs: this test's store
            context.addComponent("pixazo", pixazo);
            String server = "ftp://" + EmbeddedFtpServer.USER + "@" + EmbeddedFtpServer.HOST + ":" + ftp.port();
            String login = "password=RAW(" + EmbeddedFtpServer.PASSWORD + ")&passiveMode=true&binary=true&delete=true"
                           + "&initialDelay=0&delay=50";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(server + "/utf8?" + login).to("pixazo:generate?waitForCompletion=false");
                    from(server + "/latin1?" + login + "&charset=ISO-8859-1").to("pixazo:generate?waitForCompletion=false");
                }
            });
            NotifyBuilder done = new NotifyBuilder(context).whenDone(2).create();
            context.start();

            assertTrue(done.matches(30, TimeUnit.SECONDS), "the two prompt files were not processed");
        }

        List<String> prompts = sandbox.sandbox().records().submissions().stream()
                .map(RecordedSubmission::body).map(body -> body.path("prompt").asText()).sorted().toList();
        assertEquals(List.of(latin1, utf8), prompts);
    }
}
