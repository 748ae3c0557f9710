package io.github.camelpixazo;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.camelpixazo.error.PixazoValidationException;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The text a user wrote for the number, duration and boolean options of one endpoint, so that messages quote it
 * rather than the value Camel converted it to ({@code pollInterval=1h30m}, not {@code 5400000ms}). Each text is
 * checked by {@link OptionText} before Camel converts it. The text comes from the endpoint URI, else from the
 * component's property ({@code camel.component.pixazo.pollInterval} or {@code ...poll-interval}) when Camel's
 * properties hold one; options set in Java have no text and are quoted as their value.
 */
final class GivenOptions {

    private GivenOptions() {
    }

    /**
     * @param  parameters the endpoint URI's parameters, before Camel binds them
     * @return            option name (as the catalog spells it) to the text written
     * @throws PixazoValidationException for a text Camel would not convert as written, or an option the URI repeats
     */
    static Map<String, String> of(CamelContext context, String scheme, String uri, Map<String, Object> parameters) {
        OptionCatalog catalog = OptionCatalog.get();
        Map<String, String> given = new HashMap<>();
        Map<String, String> written = writtenParameters(uri);
        parameters.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                // Camel collects a repeated URI parameter into a list, which no single-valued option converts from;
                // the values are not quoted: a repeated apiKey would print the key
                throw new PixazoValidationException(name, null, "the URI gives it " + values.size()
                        + " times: give it once.");
            }
            if (value instanceof String text) {
                catalog.endpointOption(name).filter(GivenOptions::typed).ifPresent(option -> {
                    OptionText.check(option.name(), option.type(), option.javaType(), text, written.get(name));
                    given.put(option.name(), text);
                });
            }
        });
        PropertiesComponent properties = context.getPropertiesComponent();
        for (String name : catalog.endpointOptionNames()) {
            if (given.containsKey(name)) {
                continue;
            }
            catalog.componentOption(name).filter(GivenOptions::typed).ifPresent(option -> {
                componentProperty(properties, scheme, name).ifPresent(property -> {
                    String text = property.getValue();
                    OptionText.check(property.getKey(), option.type(), option.javaType(), text);
                    given.put(name, text);
                });
            });
        }
        return Map.copyOf(given);
    }

    /**
     * The query parameters as the endpoint URI shows them, not decoded: Camel hands the component decoded values, in
     * which a '+' has become a space. Camel normalises the URI first, so {@code %2B} shows as '+' too.
     */
    static Map<String, String> writtenParameters(String uri) {
        Map<String, String> written = new HashMap<>();
        int query = uri == null ? -1 : uri.indexOf('?');
        if (query < 0) {
            return written;
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                written.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return written;
    }

    private static boolean typed(OptionCatalog.Option option) {
        return switch (option.type()) {
            case "integer", "number", "boolean", "duration" -> true;
            default -> false;
        };
    }

    /** The property (its key as written, camelCase or kebab-case, and its text) that set a component option. */
    private static Optional<Map.Entry<String, String>> componentProperty(PropertiesComponent properties, String scheme,
                                                                          String name) {
        for (String key : new String[] { "camel.component." + scheme + "." + name,
                "camel.component." + scheme + "." + kebab(name) }) {
            Optional<String> text = properties.resolveProperty(key);
            if (text.isPresent()) {
                return Optional.of(Map.entry(key, text.get().trim()));
            }
        }
        return Optional.empty();
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
