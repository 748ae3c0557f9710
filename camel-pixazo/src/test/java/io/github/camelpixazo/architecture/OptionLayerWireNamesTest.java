package io.github.camelpixazo.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.ImageGateway;
import io.github.camelpixazo.gateway.WireField;
import io.github.camelpixazo.request.ImageModel;
import io.github.camelpixazo.request.ImageOperation;
import io.github.camelpixazo.request.ImageOption;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The option layer - the {@code request} package and {@code PixazoConfiguration} - names no wire field (D7): every
 * documented name a gateway puts on its wire that is not also the user's option name ({@code num_images},
 * {@code callback_url}, {@code X-Webhook-URL}, ...) appears only in the gateway layer, read from the gateways' own
 * {@link WireField} lists and their key headers.
 */
class OptionLayerWireNamesTest {

    @Test
    void noWireNameAppearsInTheOptionLayer() throws IOException {
        Set<String> wireNames = new TreeSet<>();
        Set<String> optionNames = new TreeSet<>();
        for (ImageOption option : ImageOption.values()) {
            optionNames.add(option.optionName());
        }
        for (ImageGateway gateway : Gateways.all()) {
            for (ImageModel model : ImageModel.values()) {
                for (ImageOperation operation : ImageOperation.values()) {
                    for (WireField field : gateway.wireFields(model, operation)) {
                        if (field.carrier() != WireField.Carrier.PATH && !optionNames.contains(field.name())) {
                            wireNames.add(field.name());
                        }
                    }
                }
            }
            wireNames.addAll(gateway.authenticationHeaders("k").keySet());
        }
        assertTrue(wireNames.containsAll(List.of("num_images", "image_urls", "callback_url", "X-Webhook-URL",
                "response_format", "Ocp-Apim-Subscription-Key")), "the wire names were collected: " + wireNames);

        Path main = Path.of("src", "main", "java", "io", "github", "camelpixazo");
        List<Path> optionLayer = new ArrayList<>();
        try (Stream<Path> request = Files.list(main.resolve("request"))) {
            request.forEach(optionLayer::add);
        }
        optionLayer.add(main.resolve("PixazoConfiguration.java"));
        List<String> found = new ArrayList<>();
        for (Path source : optionLayer) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (String name : wireNames) {
                if (text.contains(name)) {
                    found.add(source.getFileName() + ": " + name);
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
