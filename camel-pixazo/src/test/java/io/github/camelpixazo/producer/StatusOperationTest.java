package io.github.camelpixazo.producer;

import java.util.List;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatusOperationTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-1-5-api-923_019d0000-0000-0000-0000-0000000005a1";

    @Test
    void queriesTheRequestIdFromTheHeaderAndReportsACompletedJob() {
        String url = gateway.mediaUrl("/v1/" + ID + "/output.ext");
        gateway.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GatewayStub.STATUS + ID))
                .willReturn(GatewayStub.json(200, GatewayStub.status(ID, "COMPLETED", null, List.of(url),
                        "application/octet-stream"))));

        Exchange out = template.request("pixazo:status", e -> {
            e.getIn().setHeader(PixazoConstants.REQUEST_ID, ID);
            e.getIn().setBody("ignored when the header is set");
        });

        assertNull(out.getException());
        JobSnapshot snapshot = assertInstanceOf(JobSnapshot.class, out.getMessage().getBody());
        assertEquals(JobStatus.COMPLETED, snapshot.status());
        assertEquals("gpt-image-1.5", snapshot.model());
        assertEquals(List.of(url), snapshot.mediaUrls());
        assertEquals("2026-03-31T10:00:15.000Z", snapshot.completedAt());
        assertEquals("COMPLETED", out.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals(List.of(url), out.getMessage().getHeader(PixazoConstants.MEDIA_URLS));
        assertEquals("application/octet-stream", out.getMessage().getHeader(PixazoConstants.MEDIA_TYPE));
        assertEquals("gpt-image-1.5", out.getMessage().getHeader(PixazoConstants.MODEL));
        gateway.api().verify(1, getRequestedFor(urlPathEqualTo(GatewayStub.STATUS + ID))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(GatewayStub.KEY)));
        assertEquals(0, gateway.mediaRequests().size(), "status never downloads");
    }

    @Test
    void aFailedJobIsDataNotAnException() {
        gateway.stubStatus(ID, "FAILED", "The prompt was refused");

        Exchange out = template.request("pixazo:status", e -> e.getIn().setBody(" " + ID + "\n"));

        assertNull(out.getException());
        JobSnapshot snapshot = out.getMessage().getBody(JobSnapshot.class);
        assertEquals(JobStatus.FAILED, snapshot.status());
        assertEquals("The prompt was refused", snapshot.error());
        assertEquals("FAILED", out.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals("The prompt was refused", out.getMessage().getHeader(PixazoConstants.ERROR));
        assertEquals(ID, out.getMessage().getHeader(PixazoConstants.REQUEST_ID));
    }

    @Test
    void reportsQueuedAndProcessingAsTheyAre() {
        gateway.stubStatus(ID, "PROCESSING", null);

        JobSnapshot snapshot = template.requestBody("pixazo:status", ID, JobSnapshot.class);

        assertEquals(JobStatus.PROCESSING, snapshot.status());
        assertEquals(List.of(), snapshot.mediaUrls());
    }

    @Test
    void anAnswerAboutAnotherJobIsRejected() {
        gateway.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GatewayStub.STATUS + ID))
                .willReturn(GatewayStub.json(200, GatewayStub.status("gpt-image-2_../../../tmp/evil", "COMPLETED", null,
                        List.of("https://cdn.example/x.png"), "image/png"))));

        io.github.camelpixazo.error.PixazoMalformedResponseException e = failure(
                io.github.camelpixazo.error.PixazoMalformedResponseException.class,
                () -> template.requestBody("pixazo:status", ID));

        assertEquals(ID, e.getRequestId());
    }
}
