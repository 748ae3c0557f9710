package io.github.camelpixazo.support;

import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Two WireMock servers on loopback standing in for the Pixazo gateway: the API on 127.0.0.1, and a media host (the
 * CDN) reached as "localhost" on another port, so that it is another origin that must never see the key.
 */
public final class GatewayStub implements AutoCloseable {

    public static final String KEY = "test-key-5f1d9c0e";
    public static final String GENERATE_2 = "/gpt-image-2/v1/text-to-image";
    public static final String EDIT_2 = "/gpt-image-2/v1/image-to-image-edit";
    public static final String GENERATE_1_5 = "/gpt-image-1-5-api-923/v1/gpt-image-1-5-api-request";
    public static final String STATUS = "/v2/requests/status/";

    private final WireMockServer api;
    private final WireMockServer media;

    public GatewayStub() {
        this(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
    }

    public GatewayStub(com.github.tomakehurst.wiremock.core.WireMockConfiguration apiConfig) {
        api = new WireMockServer(apiConfig);
        media = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        media.start();
    }

    public WireMockServer api() {
        return api;
    }

    public WireMockServer media() {
        return media;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + api.port();
    }

    /** A URL on the media host (another origin than baseUrl). */
    public String mediaUrl(String path) {
        return "http://localhost:" + media.port() + path;
    }

    public void reset() {
        api.resetAll();
        media.resetAll();
    }

    // --- stubs ---

    public static String submitted(String requestId) {
        return "{\"request_id\":\"" + requestId + "\",\"status\":\"QUEUED\",\"polling_url\":"
               + "\"https://elsewhere.example/v2/requests/status/" + requestId + "\"}";
    }

    public static String status(String requestId, String status, String error, List<String> mediaUrls, String mediaType) {
        String output = mediaUrls == null ? "null"
                : "{\"media_url\":[" + mediaUrls.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","))
                  + "],\"media_type\":\"" + mediaType + "\"}";
        return "{\"request_id\":\"" + requestId + "\",\"status\":\"" + status + "\",\"model_id\":\""
               + requestId.substring(0, requestId.indexOf('_')) + "\",\"error\":"
               + (error == null ? "null" : "\"" + error + "\"") + ",\"output\":" + output
               + ",\"created_at\":\"2026-03-31T10:00:00.000Z\",\"updated_at\":\"2026-03-31T10:00:15.000Z\","
               + "\"completed_at\":" + (status.equals("COMPLETED") ? "\"2026-03-31T10:00:15.000Z\"" : "null") + "}";
    }

    public void stubSubmit(String path, String requestId) {
        api.stubFor(post(urlPathEqualTo(path)).willReturn(json(202, submitted(requestId))));
    }

    public void stub(MappingBuilder mapping) {
        api.stubFor(mapping);
    }

    public void stubStatus(String requestId, String status, String error) {
        api.stubFor(get(urlPathEqualTo(STATUS + requestId)).willReturn(json(200, status(requestId, status, error, null, null))));
    }

    /** A completed job whose images are on the media host, each answering with the given bytes. */
    public void stubCompleted(String requestId, String mediaType, byte[]... images) {
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            String path = "/v1/" + requestId + "/output-" + (i + 1);
            media.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", mediaType).withBody(images[i])));
            urls.add(mediaUrl(path));
        }
        api.stubFor(get(urlPathEqualTo(STATUS + requestId))
                .willReturn(json(200, status(requestId, "COMPLETED", null, urls, mediaType))));
    }

    /** Every job submitted to {@code path} gets a random id, and every status query answers {@code status} for it. */
    public void stubTemplatedJobs(String path, String status, byte[] image) {
        api.stubFor(post(urlPathEqualTo(path)).willReturn(json(202,
                submitted("gpt-image-2_{{randomValue type='UUID'}}"))));
        media.stubFor(get(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(image)));
        String output = "COMPLETED".equals(status)
                ? "{\"media_url\":[\"" + mediaUrl("/v1/{{request.pathSegments.[3]}}/output.png") + "\"],"
                  + "\"media_type\":\"image/png\"}"
                : "null";
        api.stubFor(get(urlPathMatching(STATUS + ".*")).willReturn(json(200,
                "{\"request_id\":\"{{request.pathSegments.[3]}}\",\"status\":\"" + status + "\","
                + "\"model_id\":\"gpt-image-2\",\"error\":null,\"output\":" + output + "}")));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    // --- inspection ---

    public List<LoggedRequest> apiRequests() {
        return api.findAll(anyRequestedFor(anyUrl()));
    }

    public List<LoggedRequest> mediaRequests() {
        return media.findAll(anyRequestedFor(anyUrl()));
    }

    public List<LoggedRequest> submits(String path) {
        return api.findAll(WireMock.postRequestedFor(urlPathEqualTo(path)));
    }

    @Override
    public void close() {
        api.stop();
        media.stop();
    }
}
