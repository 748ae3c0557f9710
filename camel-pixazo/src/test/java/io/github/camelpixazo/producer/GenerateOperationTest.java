package io.github.camelpixazo.producer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.gateway.JobStatus;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.support.GatewayStub;
import io.github.camelpixazo.support.PixazoTestSupport;
import io.github.camelpixazo.support.TestImages;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_1_5;
import static io.github.camelpixazo.support.GatewayStub.GENERATE_2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateOperationTest extends PixazoTestSupport {

    private static final String ID = "gpt-image-2_019d0000-0000-0000-0000-000000000001";
    private static final String ID_1_5 = "gpt-image-1-5-api-923_019d0000-0000-0000-0000-000000000002";

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:many").to("pixazo:generate?n=3")
                        .split(body()).to("file:" + folder.toAbsolutePath());
            }
        };
    }

    @Test
    void generatesWithGptImage2SendingOnlyThePromptAndReturnsTheImage() {
        byte[] png = TestImages.png(64, 48);
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", png);

        Exchange out = template.request("pixazo:generate", e -> e.getIn().setBody("A serene sunset over mountains"));

        assertNull(out.getException());
        Message message = out.getMessage();
        assertArrayEquals(png, message.getBody(byte[].class));
        assertEquals(ID, message.getHeader(PixazoConstants.REQUEST_ID));
        assertEquals("COMPLETED", message.getHeader(PixazoConstants.STATUS));
        assertEquals("gpt-image-2", message.getHeader(PixazoConstants.MODEL));
        assertEquals(List.of(gateway.mediaUrl("/v1/" + ID + "/output-1")), message.getHeader(PixazoConstants.MEDIA_URLS));
        assertEquals("image/png", message.getHeader(PixazoConstants.MEDIA_TYPE));
        assertEquals("image/png", message.getHeader(Exchange.CONTENT_TYPE));
        assertEquals(ID + ".png", message.getHeader(Exchange.FILE_NAME));

        gateway.api().verify(1, postRequestedFor(urlPathEqualTo(GENERATE_2))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(GatewayStub.KEY))
                .withHeader("Cache-Control", equalTo("no-cache"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"prompt\":\"A serene sunset over mountains\"}", false, false)));
        gateway.api().verify(getRequestedFor(urlPathEqualTo(GatewayStub.STATUS + ID))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(GatewayStub.KEY)));
    }

    @Test
    void mapsEveryGptImage2OptionToItsWireName() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/webp", TestImages.webpHeader(2048, 1152), TestImages.webpHeader(2048, 1152));

        Object body = template.requestBody("pixazo:generate?n=2&size=2048x1152&quality=high&format=webp"
                                           + "&outputCompression=80&background=opaque&moderation=low", "A fjord");

        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE_2)).withRequestBody(equalToJson(
                "{\"prompt\":\"A fjord\",\"n\":2,\"size\":\"2048x1152\",\"quality\":\"high\",\"format\":\"webp\","
                + "\"output_compression\":80,\"background\":\"opaque\",\"moderation\":\"low\"}", false, false)));
        List<?> images = assertInstanceOf(List.class, body);
        assertEquals(2, images.size());
        Message second = assertInstanceOf(Message.class, images.get(1));
        assertEquals(ID + "-2.webp", second.getHeader(Exchange.FILE_NAME));
        assertEquals("image/webp", second.getHeader(Exchange.CONTENT_TYPE));
        assertEquals(2, second.getHeader(PixazoConstants.IMAGE_INDEX));
    }

    @Test
    void mapsGptImage15ToItsOwnPathAndFieldNamesAndSniffsTheRealImageType() {
        byte[] png = TestImages.png(32, 32);
        gateway.stubSubmit(GENERATE_1_5, ID_1_5);
        // the reference shows gpt-image-1.5 results announced as application/octet-stream
        gateway.stubCompleted(ID_1_5, "application/octet-stream", png);

        Exchange out = template.request("pixazo:generate?model=gpt-image-1.5&size=1536x1024&quality=low"
                                        + "&background=transparent&format=webp&n=1",
                e -> e.getIn().setBody("A lighthouse"));

        assertNull(out.getException());
        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE_1_5)).withRequestBody(equalToJson(
                "{\"prompt\":\"A lighthouse\",\"image_size\":\"1536x1024\",\"quality\":\"low\","
                + "\"background\":\"transparent\",\"num_images\":1,\"output_format\":\"webp\"}", false, false)));
        assertEquals("gpt-image-1.5", out.getMessage().getHeader(PixazoConstants.MODEL));
        assertEquals("image/png", out.getMessage().getHeader(PixazoConstants.MEDIA_TYPE));
        assertEquals(ID_1_5 + ".png", out.getMessage().getHeader(Exchange.FILE_NAME));
    }

    @Test
    void headerWinsOverEndpointWhichWinsOverComponent() {
        context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setFormat("jpeg");
        context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setQuality("low");
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/jpeg", TestImages.jpeg(16, 16));

        template.requestBodyAndHeaders("pixazo:generate?quality=medium&size=1024x1024", "A cat",
                Map.of(PixazoConstants.SIZE, "1536x1024", PixazoConstants.N, "1"));

        gateway.api().verify(postRequestedFor(urlPathEqualTo(GENERATE_2)).withRequestBody(equalToJson(
                "{\"prompt\":\"A cat\",\"n\":1,\"size\":\"1536x1024\",\"quality\":\"medium\",\"format\":\"jpeg\"}",
                false, false)));
    }

    @Test
    void promptHeaderWinsOverPromptOptionWhichWinsOverBody() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));

        template.requestBody("pixazo:generate?prompt=from the option", "from the body");
        template.requestBodyAndHeader("pixazo:generate?prompt=from the option", "from the body",
                PixazoConstants.PROMPT, "  from the header\n");

        List<LoggedRequest> submits = gateway.submits(GENERATE_2);
        assertEquals(2, submits.size());
        assertTrue(submits.get(0).getBodyAsString().contains("\"from the option\""), submits.get(0).getBodyAsString());
        assertTrue(submits.get(1).getBodyAsString().contains("\"from the header\""), submits.get(1).getBodyAsString());
    }

    @Test
    void severalImagesAreWrittenToAFolderBySplittingTheBody() throws Exception {
        byte[][] images = { TestImages.png(8, 8), TestImages.png(9, 9), TestImages.png(10, 10) };
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", images);

        template.sendBody("direct:many", "Three variations of a logo");

        for (int i = 0; i < 3; i++) {
            Path file = folder.resolve(ID + "-" + (i + 1) + ".png");
            assertTrue(Files.exists(file), "missing " + file);
            assertArrayEquals(images[i], Files.readAllBytes(file));
        }
    }

    @Test
    void downloadFalseReturnsTheMediaUrlsWithoutDownloading() {
        gateway.stubSubmit(GENERATE_2, ID);
        gateway.stubCompleted(ID, "image/png", TestImages.png(8, 8));

        Object body = template.requestBody("pixazo:generate?download=false", "A tree");

        assertEquals(List.of(gateway.mediaUrl("/v1/" + ID + "/output-1")), body);
        assertEquals(0, gateway.mediaRequests().size());
    }

    @Test
    void waitForCompletionFalseReturnsTheSubmittedJobWithoutPolling() {
        gateway.stubSubmit(GENERATE_2, ID);

        Exchange out = template.request("pixazo:generate?waitForCompletion=false", e -> e.getIn().setBody("A tree"));

        SubmittedJob job = assertInstanceOf(SubmittedJob.class, out.getMessage().getBody());
        assertEquals(ID, job.requestId());
        assertEquals(JobStatus.QUEUED, job.status());
        assertEquals("https://elsewhere.example/v2/requests/status/" + ID, job.pollingUrl());
        assertEquals(ID, out.getMessage().getHeader(PixazoConstants.REQUEST_ID));
        assertEquals("QUEUED", out.getMessage().getHeader(PixazoConstants.STATUS));
        assertEquals("gpt-image-2", out.getMessage().getHeader(PixazoConstants.MODEL));
        assertEquals(1, gateway.apiRequests().size());
    }

    @Test
    void keepsThePathPrefixOfBaseUrl() {
        gateway.stubSubmit("/pixazo" + GENERATE_2, ID);
        gateway.api().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/pixazo/v2/requests/status/" + ID))
                .willReturn(GatewayStub.json(200, GatewayStub.status(ID, "COMPLETED", null,
                        List.of(gateway.mediaUrl("/v1/x.png")), "image/png"))));
        gateway.media().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/x.png"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withBody(TestImages.png(4, 4))));

        Exchange out = template.request("pixazo:generate?baseUrl=" + gateway.baseUrl() + "/pixazo/",
                e -> e.getIn().setBody("A bridge"));

        assertNull(out.getException());
        gateway.api().verify(1, postRequestedFor(urlPathEqualTo("/pixazo" + GENERATE_2)));
        gateway.api().verify(getRequestedFor(urlPathEqualTo("/pixazo/v2/requests/status/" + ID)));
    }
}
