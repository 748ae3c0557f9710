package io.github.camelpixazo.producer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelpixazo.support.Await;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static io.github.camelpixazo.support.GatewayStub.STATUS;
import static io.github.camelpixazo.support.GatewayStub.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spooled image (above spoolThreshold) handed to another exchange by an EIP. Its file was deleted when the exchange
 * that made it completed, so an aggregator's group (and any later reader) failed with NoSuchFileException (D7). Now
 * the file lives as long as anything holds the body; for each way a body travels, every image arrives byte for byte,
 * and once nothing holds them no spooled file is left.
 */
class SpoolLifetimeTest extends PixazoTestSupport {

    private static final int SIZE = 300_000;
    private static final byte[] IMAGE = image(SIZE);

    @TempDir
    static Path spool;
    @TempDir
    Path out;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getStreamCachingStrategy().setSpoolDirectory(spool.toFile());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String pixazo = "pixazo:generate?spoolThreshold=4096";
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the aggregator copies each exchange into its group; the group goes on when the second arrives
                from("direct:aggregate").to(pixazo)
                        .aggregate(constant(true), new GroupedBodyAggregationStrategy()).completionSize(2)
                        .delay(200) // the exchanges that made the images have completed by now
                        .split(body()).setHeader(Exchange.FILE_NAME, simple("part-${exchangeProperty.CamelSplitIndex}.png"))
                        .to("file:" + dir("aggregate"));
                // split with an aggregation strategy: the parent gets the images its sub-exchanges made
                from("direct:split").split(body(), new GroupedBodyAggregationStrategy()).to(pixazo).end()
                        .split(body()).setHeader(Exchange.FILE_NAME, simple("part-${exchangeProperty.CamelSplitIndex}.png"))
                        .to("file:" + dir("split"));
                // the tapped copy is written after the original exchange completed
                from("direct:wiretap").to(pixazo).wireTap("direct:tapped").setBody(constant("done"));
                from("direct:tapped").delay(300).to("file:" + dir("wiretap"));
                // parallel multicast: each branch reads its own copy, one of them late
                from("direct:multicast").to(pixazo).multicast().parallelProcessing()
                        .to("direct:slow", "file:" + dir("multicast-fast")).end().setBody(constant("done"));
                from("direct:slow").delay(300).to("file:" + dir("multicast-slow"));
                // seda: another thread writes it after the caller's exchange completed
                from("direct:seda").to(pixazo).to("seda:write?waitForTaskToComplete=Never");
                from("seda:write").delay(300).to("file:" + dir("seda"));
            }
        };
    }

    private String dir(String name) {
        return out.resolve(name).toAbsolutePath().toString();
    }

    private static byte[] image(int bytes) {
        byte[] png = TestImages.png(8, 8);
        byte[] padded = Arrays.copyOf(png, bytes);
        for (int i = png.length; i < bytes; i++) {
            padded[i] = (byte) (i * 31);
        }
        return padded;
    }

    /** Every submit makes a new job (its id from WireMock's template) whose one result is the big image. */
    private void stubJobs() {
        gateway.stub(post(urlPathEqualTo(GENERATE_2)).willReturn(json(202,
                GatewayStub.submitted("gpt-image-2_{{randomValue type='UUID'}}"))));
        gateway.media().stubFor(get(urlPathEqualTo("/big.png")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "image/png").withBody(IMAGE)));
        gateway.stub(get(urlPathMatching(STATUS + ".*")).willReturn(json(200, "{\"request_id\":"
                + "\"{{request.pathSegments.[3]}}\",\"status\":\"COMPLETED\",\"model_id\":\"gpt-image-2\",\"output\":"
                + "{\"media_url\":[\"" + gateway.mediaUrl("/big.png") + "\"],\"media_type\":\"image/png\"}}")));
    }

    @Test
    void anAggregatedGroupReadsImagesWhoseExchangesHaveCompleted() throws Exception {
        stubJobs();

        assertNull(template.request("direct:aggregate", e -> e.getIn().setBody("A cat")).getException());
        assertNull(template.request("direct:aggregate", e -> e.getIn().setBody("A dog")).getException());

        assertWritten("aggregate", 2);
        assertNoSpooledFileLeft();
    }

    @Test
    void aSplitterAggregatesTheImagesItsSubExchangesMade() throws Exception {
        stubJobs();

        Exchange done = template.request("direct:split", e -> e.getIn().setBody(List.of("A cat", "A dog")));

        assertNull(done.getException());
        assertWritten("split", 2);
        done = null;
        assertNoSpooledFileLeft();
    }

    @Test
    void aWireTappedCopyIsWrittenAfterTheOriginalCompleted() throws Exception {
        stubJobs();

        assertNull(template.request("direct:wiretap", e -> e.getIn().setBody("A cat")).getException());

        assertWritten("wiretap", 1);
        assertNoSpooledFileLeft();
    }

    @Test
    void eachParallelMulticastBranchReadsTheWholeImage() throws Exception {
        stubJobs();

        assertNull(template.request("direct:multicast", e -> e.getIn().setBody("A cat")).getException());

        assertWritten("multicast-fast", 1);
        assertWritten("multicast-slow", 1);
        assertNoSpooledFileLeft();
    }

    @Test
    void aSedaConsumerWritesTheImageAfterTheCallerCompleted() throws Exception {
        stubJobs();

        assertNull(template.request("direct:seda", e -> e.getIn().setBody("A cat")).getException());

        assertWritten("seda", 1);
        assertNoSpooledFileLeft();
    }

    /** A body still held when the component stops (an aggregation that never completed) goes with it. */
    @Test
    void aBodyStillHeldWhenTheComponentStopsIsDeleted() throws Exception {
        stubJobs();
        Object held = template.requestBody("pixazo:generate?spoolThreshold=4096", "A cat");
        Path file = ((SpooledImageCache) held).file();
        assertTrue(Files.exists(file));

        context.stop();

        assertTrue(!Files.exists(file), "deleted when the component stopped, though still held");
        assertEquals(SpooledImageCache.class, held.getClass());
    }

    private void assertWritten(String name, int count) {
        Path dir = out.resolve(name);
        Await.until(Duration.ofSeconds(10), () -> files(dir).size() == count, count + " images in " + dir);
        for (Path file : files(dir)) {
            try {
                Await.until(Duration.ofSeconds(5), () -> file.toFile().length() == SIZE, file + " complete");
                assertArrayEquals(IMAGE, Files.readAllBytes(file), file.toString());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Nothing holds the bodies any more: the garbage collections that follow delete every spooled file. */
    private static void assertNoSpooledFileLeft() {
        Await.until(Duration.ofSeconds(10), () -> {
            System.gc();
            return files(spool).stream().noneMatch(p -> p.getFileName().toString().endsWith(".spool"));
        }, "no spooled file left in " + spool);
    }
}
