package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.GPT_IMAGE_1_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GPT Image 1.5 has its own field names and rules; GPT Image 2 names are unknown fields here. */
class GptImage15ValidationTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{}", "'prompt' is required"),
                Arguments.of("{\"prompt\": \"\"}", "'prompt' must not be blank"),
                Arguments.of("{\"prompt\": \"x\", \"image_size\": \"2048x2048\"}", "'2048x2048' for field 'image_size'; allowed: 1024x1024, 1536x1024, 1024x1536, auto"),
                Arguments.of("{\"prompt\": \"x\", \"image_size\": 1024}", "'image_size' must be a string, got integer"),
                Arguments.of("{\"prompt\": \"x\", \"num_images\": 0}", "Invalid value 0 for field 'num_images'; allowed: an integer from 1 to 10"),
                Arguments.of("{\"prompt\": \"x\", \"num_images\": 11}", "Invalid value 11 for field 'num_images'"),
                Arguments.of("{\"prompt\": \"x\", \"num_images\": true}", "'num_images' must be an integer, got boolean"),
                Arguments.of("{\"prompt\": \"x\", \"quality\": \"best\"}", "'best' for field 'quality'; allowed: low, medium, high, auto"),
                Arguments.of("{\"prompt\": \"x\", \"background\": \"none\"}", "'none' for field 'background'; allowed: transparent, opaque, auto"),
                Arguments.of("{\"prompt\": \"x\", \"output_format\": \"jpg\"}", "'jpg' for field 'output_format'; allowed: png, jpeg, webp"),
                Arguments.of("{\"prompt\": \"x\", \"background\": \"transparent\", \"output_format\": \"jpeg\"}",
                        "a transparent background requires output_format png or webp, got 'jpeg'"),
                // GPT Image 2 field names sent to GPT Image 1.5: the wire bugs the strictness exists to catch
                Arguments.of("{\"prompt\": \"x\", \"output_compression\": 80}", "Unknown field 'output_compression' for gpt-image-1-5-api-923"),
                Arguments.of("{\"prompt\": \"x\", \"n\": 2}", "Unknown field 'n' for gpt-image-1-5-api-923"),
                Arguments.of("{\"prompt\": \"x\", \"size\": \"1024x1024\"}", "Unknown field 'size'"),
                Arguments.of("{\"prompt\": \"x\", \"format\": \"png\"}", "Unknown field 'format'"),
                Arguments.of("{\"prompt\": \"x\", \"moderation\": \"low\"}", "Unknown field 'moderation'"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void rejectsWith400NamingTheProblem(String body, String expectedMessagePart) {
        SandboxClient.Response response = client.submit(GPT_IMAGE_1_5, body);

        assertEquals(400, response.status(), response.body());
        assertTrue(response.message().contains(expectedMessagePart),
                "expected '" + expectedMessagePart + "' in: " + response.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prompt\": \"x\", \"background\": \"transparent\"}",
        "{\"prompt\": \"x\", \"background\": \"transparent\", \"output_format\": \"png\"}",
        "{\"prompt\": \"x\", \"background\": \"transparent\", \"output_format\": \"webp\"}",
        "{\"prompt\": \"x\", \"background\": \"opaque\", \"output_format\": \"jpeg\", \"num_images\": 10}",
        "{\"prompt\": \"x\", \"image_size\": \"1536x1024\", \"quality\": \"low\", \"num_images\": 1}",
        "{\"prompt\": \"x\", \"image_size\": \"1024x1536\", \"quality\": \"medium\"}",
        "{\"prompt\": \"x\", \"image_size\": \"auto\", \"quality\": \"auto\", \"background\": \"auto\"}"})
    void acceptsDocumentedCombinations(String body) {
        client.accepted(GPT_IMAGE_1_5, body);
    }
}
