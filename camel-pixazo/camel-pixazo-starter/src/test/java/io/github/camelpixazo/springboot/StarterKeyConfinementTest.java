package io.github.camelpixazo.springboot;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key from application.properties never reaches a log line on its way through the starter (binding, the
 * customizer, Camel's property binding, the component), with Spring Boot, Camel and the component at TRACE.
 */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "logging.level.org.apache.camel=TRACE", "logging.level.io.github.camelpixazo=TRACE",
        "logging.level.org.springframework.boot.context.properties=TRACE" })
@ExtendWith(OutputCaptureExtension.class)
class StarterKeyConfinementTest {

    static {
        StarterGateway.start();
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void theKeyIsInNoLogLine(CapturedOutput output) {
        template.requestBody("direct:generate", "A key-free log", byte[].class);

        assertTrue(output.getAll().contains("pixazo"), "the capture saw the component's lines");
        assertFalse(output.getAll().contains("starter-key-7c41"), "the API key appeared in the log output");
    }
}
