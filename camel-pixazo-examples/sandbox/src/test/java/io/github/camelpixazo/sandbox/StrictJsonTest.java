package io.github.camelpixazo.sandbox;

import static io.github.camelpixazo.sandbox.SandboxClient.TEXT_TO_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that are not one well-formed JSON object are 400s that say why. */
class StrictJsonTest {

    @RegisterExtension
    static PixazoSandboxExtension sandbox = PixazoSandboxExtension.builder().build();

    private final SandboxClient client = new SandboxClient(sandbox.sandbox());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"prompt\": |Request body is not valid JSON",
        "{\"prompt\": \"a\"} trailing|Request body is not valid JSON",
        "{\"prompt\": \"a\", \"prompt\": \"b\"}|Request body is not valid JSON: Duplicate field 'prompt'",
        "[{\"prompt\": \"a\"}]|Request body must be a JSON object, got array",
        "\"a prompt\"|Request body must be a JSON object, got string",
        "''|Request body is empty"})
    void rejectsBodiesThatAreNotOneJsonObject(String body, String expectedMessagePart) {
        SandboxClient.Response response = client.submit(TEXT_TO_IMAGE, body);

        assertEquals(400, response.status(), response.body());
        assertEquals("Bad Request", response.error());
        assertTrue(response.message().contains(expectedMessagePart), response.message());
    }
}
