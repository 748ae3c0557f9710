package io.github.camelpixazo.producer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelpixazo.error.PixazoLocalIoException;
import io.github.camelpixazo.http.RequestBody;
import io.github.camelpixazo.job.FailureKinds;
import io.github.camelpixazo.media.LocalIoException;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelpixazo.support.GatewayStub.EDIT_2;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure of this machine's disk is not a gateway failure. With the spool directory under a regular file (as with a
 * full disk, a directory without permission), a big image was downloaded again and again until jobTimeout; now the
 * exchange fails at once with a {@link PixazoLocalIoException} naming the directory and what to do.
 */
class LocalIoFailureTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000d8e01";

    @TempDir
    static Path folder;
    static Path unusable;

    @BeforeAll
    static void aRegularFileWhereTheSpoolDirectoryShouldBe() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-directory"), "x");
        unusable = file.resolve("spool");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getStreamCachingStrategy().setSpoolDirectory(unusable.toFile());
        return context;
    }

    @Test
    void aDownloadThatCannotBeSpooledFailsAtOnceNamingTheDirectory() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(64, 64));

        PixazoLocalIoException e = failure(PixazoLocalIoException.class,
                () -> template.requestBody("pixazo:generate?spoolThreshold=0&jobTimeout=10s", "a cat"));

        assertEquals(1, gateway.mediaRequests().size(), "downloaded once, not again and again until jobTimeout");
        assertEquals(ID, e.getRequestId());
        assertTrue(e.getMessage().contains(unusable.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("spoolThreshold"), "says what to do: " + e.getMessage());
        assertTrue(e.getMessage().contains("pixazo:status"), "the job is paid: " + e.getMessage());
    }

    @Test
    void anEditStreamThatCannotBeSpooledIsALocalFailureNotBadInput() {
        byte[] png = TestImages.png(64, 64);

        PixazoLocalIoException e = failure(PixazoLocalIoException.class, () -> template.requestBody(
                "pixazo:edit?prompt=Make it blue&spoolThreshold=0", new ByteArrayInputStream(png)));

        assertEquals(0, gateway.submits(EDIT_2).size(), "nothing was sent");
        assertTrue(e.getMessage().contains(unusable.toString()), e.getMessage());
    }

    /** An input file that vanished between the check and the send is this machine's failure, never retried. */
    @Test
    void aLocalFileThatCannotBeReadWhileSentIsLocal() {
        Path gone = folder.resolve("gone.png");
        LocalIoException e = assertThrows(LocalIoException.class,
                () -> new RequestBody.FileSegment(gone, 10).open().close());
        assertEquals(gone, e.getPath());
        IOException wrapped = new IOException("the HTTP client's wrapper", e);
        assertTrue(FailureKinds.local(wrapped));
        assertFalse(FailureKinds.transientAfterAcceptance(wrapped), "never asked again");
        assertFalse(FailureKinds.submitNotTaken(wrapped), "never retried as a submit");
        assertInstanceOf(LocalIoException.class, FailureKinds.localCause(wrapped));
        assertFalse(FailureKinds.local(new IOException("connection reset")));
    }
}
