package io.github.camelpixazo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpixazo.request.Spelling;

/**
 * The options of {@code pixazo:} as its generated catalog declares them ({@code META-INF/io/github/camelpixazo/pixazo.json},
 * written by camel-component-maven-plugin from the {@code @UriParam}/{@code @Metadata} annotations): names, types and
 * whether an option exists on the endpoint or only on the component. Read once; the annotations stay the one place
 * where options are declared.
 */
final class OptionCatalog {

    private static final String RESOURCE = "/META-INF/io/github/camelpixazo/pixazo.json";
    private static volatile OptionCatalog instance;

    /** One option: its catalog name, type ({@code integer}, {@code duration}, {@code enum}, ...) and Java type. */
    record Option(String name, String type, String javaType, boolean consumerOnly) {
    }

    private final Map<String, Option> endpointOptions;
    private final Map<String, Option> componentOptions;

    private OptionCatalog(Map<String, Option> endpointOptions, Map<String, Option> componentOptions) {
        this.endpointOptions = endpointOptions;
        this.componentOptions = componentOptions;
    }

    static OptionCatalog get() {
        OptionCatalog catalog = instance;
        if (catalog == null) {
            catalog = load();
            instance = catalog;
        }
        return catalog;
    }

    private static OptionCatalog load() {
        try (InputStream in = OptionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the camel-pixazo jar");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            return new OptionCatalog(options(json.get("properties"), true), options(json.get("componentProperties"), false));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, Option> options(JsonNode properties, boolean parametersOnly) {
        Map<String, Option> options = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode option = entry.getValue();
            if (parametersOnly && !"parameter".equals(option.path("kind").asText())) {
                continue; // the operation is the URI path, not a ?option
            }
            // consumer options (label consumer...) mean nothing to the producer operations
            options.put(entry.getKey(), new Option(entry.getKey(), option.path("type").asText(),
                    option.path("javaType").asText(), option.path("label").asText().startsWith("consumer")));
        }
        return Collections.unmodifiableMap(options);
    }

    /** The endpoint's ?options, in catalog order. */
    Set<String> endpointOptionNames() {
        return endpointOptions.keySet();
    }

    /**
     * The endpoint option a URI parameter binds to. Camel binds parameters ignoring case and dashes, so
     * {@code Size} and {@code poll-interval} find {@code size} and {@code pollInterval}.
     */
    Optional<Option> endpointOption(String parameter) {
        return find(endpointOptions, parameter);
    }

    /** A component option, found the same lenient way. */
    Optional<Option> componentOption(String name) {
        return find(componentOptions, name);
    }

    /**
     * Why a URI parameter was not taken, and what to write instead: the option it resembles, or that it exists on
     * the component only.
     */
    String unknownParameterProblem(String parameter, String scheme) {
        return unknownParameterProblem(parameter, scheme, true);
    }

    /**
     * As {@link #unknownParameterProblem(String, String)}; {@code consumer} false leaves the options of the
     * {@code pixazo:jobs} consumer out of the list a producer URI is shown.
     */
    String unknownParameterProblem(String parameter, String scheme, boolean consumer) {
        Optional<Option> componentOnly = componentOption(parameter).filter(o -> endpointOption(o.name()).isEmpty());
        if (componentOnly.isPresent()) {
            String name = componentOnly.get().name();
            return name + " is an option of the component, not of an endpoint: set it once for all endpoints, e.g."
                   + " camel.component." + scheme + "." + name + " in application.properties, or on the"
                   + " PixazoComponent bean.";
        }
        String header = parameter.regionMatches(true, 0, "CamelPixazo", 0, 11) && parameter.length() > 11
                ? parameter.substring(11) : parameter;
        String suggestion = Spelling.didYouMean(header, endpointOptions.keySet());
        if (!suggestion.isEmpty()) {
            return scheme + " endpoints have no option '" + parameter + "'." + suggestion;
        }
        java.util.Set<String> listed = new java.util.TreeSet<>();
        endpointOptions.values().stream().filter(o -> consumer || !o.consumerOnly()).forEach(o -> listed.add(o.name()));
        return scheme + " endpoints have no option '" + parameter + "'. The options are: " + String.join(", ", listed)
               + ".";
    }

    private static Optional<Option> find(Map<String, Option> options, String name) {
        Option exact = options.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String wanted = name.replace("-", "");
        return options.values().stream().filter(o -> o.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
