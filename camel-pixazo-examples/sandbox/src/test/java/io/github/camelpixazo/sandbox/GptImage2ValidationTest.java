package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each documented GPT Image 2 rule, broken on its own: 400 with a message naming field and value. */
class GptImage2ValidationTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{}", "'prompt' is required"),
                Arguments.of("{\"prompt\": \"\"}", "'prompt' must not be blank"),
                Arguments.of("{\"prompt\": \"  \\n \"}", "'prompt' must not be blank"),
                Arguments.of("{\"prompt\": 42}", "'prompt' must be a string, got integer"),
                Arguments.of("{\"prompt\": null}", "'prompt' must be a string, got null"),
                Arguments.of("{\"prompt\": \"x\", \"n\": 0}", "Invalid value 0 for field 'n'; allowed: an integer from 1 to 10"),
                Arguments.of("{\"prompt\": \"x\", \"n\": 11}", "Invalid value 11 for field 'n'"),
                Arguments.of("{\"prompt\": \"x\", \"n\": \"2\"}", "'n' must be an integer, got string"),
                Arguments.of("{\"prompt\": \"x\", \"n\": 2.5}", "'n' must be an integer, got number"),
                Arguments.of("{\"prompt\": \"x\", \"n\": 2.0}", "'n' must be an integer, got number"),
                Arguments.of("{\"prompt\": \"x\", \"n\": 99999999999}", "Invalid value 99999999999 for field 'n'"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"big\"}", "'big' for field 'size': not a size"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"1024X1024\"}", "'1024X1024' for field 'size'"),
                Arguments.of("{\"prompt\": \"x\", \"size\": 1024}", "'size' must be a string, got integer"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"1000x1000\"}", "'1000x1000' for field 'size': width and height must be multiples of 16"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"768x768\"}", "'768x768' for field 'size': 589824 pixels is outside 655360 to 8294400"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"3840x2176\"}", "'3840x2176' for field 'size': 8355840 pixels is outside"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"4096x1536\"}", "'4096x1536' for field 'size': the longest edge must be at most 3840"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"3840x1024\"}", "'3840x1024' for field 'size': the aspect ratio must be at most 3:1"),
                Arguments.of("{\"prompt\": \"x\", \"quality\": \"ultra\"}", "'ultra' for field 'quality'; allowed: low, medium, high, auto"),
                Arguments.of("{\"prompt\": \"x\", \"format\": \"jpg\"}", "'jpg' for field 'format'; allowed: png, jpeg, webp"),
                Arguments.of("{\"prompt\": \"x\", \"format\": \"PNG\"}", "'PNG' for field 'format'"),
                Arguments.of("{\"prompt\": \"x\", \"output_compression\": -1}", "Invalid value -1 for field 'output_compression'; allowed: an integer from 0 to 100"),
                Arguments.of("{\"prompt\": \"x\", \"output_compression\": 101}", "Invalid value 101 for field 'output_compression'"),
                Arguments.of("{\"prompt\": \"x\", \"output_compression\": \"80\"}", "'output_compression' must be an integer, got string"),
                Arguments.of("{\"prompt\": \"x\", \"background\": \"transparent\"}", "transparent is not supported by gpt-image-2"),
                Arguments.of("{\"prompt\": \"x\", \"background\": \"white\"}", "'white' for field 'background'; allowed: opaque, auto"),
                Arguments.of("{\"prompt\": \"x\", \"moderation\": \"high\"}", "'high' for field 'moderation'; allowed: auto, low"),
                Arguments.of("{\"prompt\": \"x\", \"style\": \"vivid\"}", "Unknown field 'style' for gpt-image-2"),
                Arguments.of("{\"prompt\": \"x\", \"image\": \"https://example.com/a.png\"}", "Unknown field 'image' for gpt-image-2"),
                Arguments.of("{\"prompt\": \"x\", \"num_images\": 2}", "Unknown field 'num_images' for gpt-image-2"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void rejectsWith400NamingTheProblem(String body, String expectedMessagePart) {
        SandboxClient.Response response = client.submit(TEXT_TO_IMAGE, body);

        assertEquals(400, response.status(), response.body());
        assertEquals("Bad Request", response.error());
        assertTrue(response.message().contains(expectedMessagePart),
                "expected '" + expectedMessagePart + "' in: " + response.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1024x1024", "1024x1536", "1536x1024", "2048x2048", "2048x1152", "2160x3840", "3840x2160",
        "auto", "1280x720", "2304x768", "768x2304", "1024x640", "3840x1536", "3824x2160"})
    void acceptsPresetAndBoundaryCustomSizes(String size) {
        client.accepted(TEXT_TO_IMAGE, SandboxClient.json("prompt", "x", "size", size));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prompt\": \"x\", \"n\": 1, \"output_compression\": 0}",
        "{\"prompt\": \"x\", \"n\": 10, \"output_compression\": 100}",
        "{\"prompt\": \"x\", \"quality\": \"low\", \"format\": \"jpeg\", \"background\": \"auto\", \"moderation\": \"low\"}",
        "{\"prompt\": \"x\", \"quality\": \"medium\", \"format\": \"png\", \"background\": \"opaque\", \"moderation\": \"auto\"}"})
    void acceptsBoundaryValues(String body) {
        client.accepted(TEXT_TO_IMAGE, body);
    }
}
