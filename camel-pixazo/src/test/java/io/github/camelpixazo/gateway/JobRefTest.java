package io.github.camelpixazo.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.camelpixazo.PixazoEndpoint;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.job.Deadline;
import io.github.camelpixazo.job.JobClient;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status entry point a consumer uses for a stored job: a {@link JobRef} built from what a job record holds, queried
 * on the client of its own gateway; and the callback hint of Pixazo's status shape.
 */
class JobRefTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-0000000000ef";

    @Test
    void aJobRefIsBuiltFromStoredTextLeniently() {
        JobRef ref = JobRef.of(" Pixazo ", ID, "gpt-image-1.5", "edit");
        assertEquals(new JobRef("pixazo", ID, ImageModel.GPT_IMAGE_1_5, ImageOperation.EDIT), ref);
        JobRef unknown = JobRef.of("evolink", "task-unified-1-abcdefgh", "dall-e", null);
        assertNull(unknown.model());
        assertNull(unknown.operation());
        assertEquals(ref, new SubmittedJob(ID, JobStatus.QUEUED, null, "gpt-image-1.5", "pixazo",
                ImageOperation.EDIT).ref());
    }

    @Test
    void aStoredJobIsQueriedOnItsOwnGatewayOnly() throws Exception {
        gateway.stubStatus(ID, "PROCESSING", null);
        PixazoEndpoint endpoint = context.getEndpoint("pixazo:status", PixazoEndpoint.class);
        endpoint.start();
        JobClient client = endpoint.jobClient();

        JobSnapshot snapshot = client.status(JobRef.of("pixazo", ID, "gpt-image-2", "generate"),
                Deadline.after(Duration.ofSeconds(5))).get();
        assertEquals(JobStatus.PROCESSING, snapshot.status());

        Exception e = assertThrows(Exception.class, () -> client.status(JobRef.of("evolink", "task-unified-1-abcdefgh",
                null, null), Deadline.after(Duration.ofSeconds(5))).get());
        PixazoValidationException wrong = assertInstanceOf(PixazoValidationException.class, e.getCause());
        assertEquals("gateway", wrong.getOption());
        assertTrue(wrong.getMessage().contains("submitted to the gateway 'evolink'"), wrong.getMessage());
        assertEquals(1, gateway.apiRequests().size(), "nothing was sent for the other gateway's job");
    }

    @Test
    void pixazosCallbackIsReadAsItsStatusShape() {
        String body = GatewayStub.status(ID, "COMPLETED", null, List.of("https://cdn.example.com/x.png"), "image/png");

        JobSnapshot hint = Gateways.PIXAZO.parseCallback(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertEquals(ID, hint.requestId());
        assertEquals(JobStatus.COMPLETED, hint.status());
        assertEquals(List.of("https://cdn.example.com/x.png"), hint.mediaUrls());
        assertNull(hint.progress());
        assertThrows(io.github.camelpixazo.error.PixazoMalformedResponseException.class,
                () -> Gateways.PIXAZO.parseCallback("<html>".getBytes(StandardCharsets.UTF_8)));
    }
}
