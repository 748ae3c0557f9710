import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the Spring Boot starter of the {@code pixazo:} component from its Camel catalog, in the shape of Camel's own
 * starters (whose generator, camel-spring-boot's, is not published):
 * <ul>
 * <li>{@code PixazoComponentConfiguration}: {@code camel.component.pixazo.*}, one property per component option, typed
 * for Spring's binder (durations as their text, read as the endpoint URI reads them, so {@code 5s} and
 * {@code 1m30s} bind; the metadata types them java.time.Duration);</li>
 * <li>{@code PixazoComponentAutoConfiguration}: a Camel {@code ComponentCustomizer} that copies every property the
 * user set onto the component through the component's generated configurer;</li>
 * <li>{@code PixazoComponentConverter}: {@code #bean:name} references for object options;</li>
 * <li>{@code META-INF/additional-spring-configuration-metadata.json}: descriptions, defaults and value hints (enum values,
 * and the size presets, which are suggestions only) that spring-boot-configuration-processor merges into
 * {@code META-INF/spring-configuration-metadata.json} for IDE completion;</li>
 * <li>the auto-configuration imports file.</li>
 * </ul>
 * Run by the starter's build in generate-sources, as a single-file program on the component's classpath:
 * {@code java -cp <classpath> StarterGenerator.java <sources dir> <resources dir>}. A component option added later
 * flows into the starter with the next build; nothing here names an option.
 * <p>
 * Defaults are written into the metadata only, never into the fields: a property the user did not set stays null and
 * is not copied, so the component keeps its own default and a {@code configuration=#bean:...} is never overwritten.
 */
public final class StarterGenerator {

    static final String CATALOG = "META-INF/io/github/camelpixazo/pixazo.json";
    static final String PACKAGE = "io.github.camelpixazo.springboot";
    static final String PREFIX = "camel.component.pixazo";
    /** How the component's catalog offers the size presets (see SizePresetsInCatalogTest in camel-pixazo). */
    static final Pattern PRESETS = Pattern.compile("a preset \\(([^)]*)\\)");

    private final JsonNode catalog;
    private final List<Option> options = new ArrayList<>();

    record Option(String name, JsonNode node) {
        String type() {
            return node.path("type").asText();
        }

        String javaType() {
            return node.path("javaType").asText();
        }

        String description() {
            return node.path("description").asText();
        }

        String property() {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }

        String capitalized() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        /** The type Spring binds the property to. */
        String springType() {
            if ("duration".equals(type())) {
                return "java.time.Duration";
            }
            return switch (javaType()) {
                case "boolean", "java.lang.Boolean" -> "java.lang.Boolean";
                case "int", "java.lang.Integer" -> "java.lang.Integer";
                case "long", "java.lang.Long" -> "java.lang.Long";
                case "double", "java.lang.Double" -> "java.lang.Double";
                case "float", "java.lang.Float" -> "java.lang.Float";
                default -> javaType().replace('$', '.');
            };
        }

        /**
         * The type of the generated field: java.lang types by their simple name; a duration is kept as its text, so
         * that the auto-configuration reads it as an endpoint URI does (Spring's own Duration conversion refuses
         * {@code 1m30s} and accepts {@code 5S} and {@code -1s}, which the URI does not); the metadata still says
         * java.time.Duration.
         */
        String sourceType() {
            if ("duration".equals(type())) {
                return "String";
            }
            String type = springType();
            return type.startsWith("java.lang.") && type.indexOf('.', 10) < 0 ? type.substring(10) : type;
        }

        boolean isObject() {
            return "object".equals(type());
        }
    }

    StarterGenerator(JsonNode catalog) {
        this.catalog = catalog;
        catalog.path("componentProperties").properties().forEach(e -> options.add(new Option(e.getKey(), e.getValue())));
        // the nested configuration object first, so options set one by one land on it rather than under it
        options.sort(Comparator.comparing((Option o) -> !"configuration".equals(o.name()))
                .thenComparing(o -> o.node().path("index").asInt()));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StarterGenerator <sources dir> <resources dir>");
        }
        JsonNode catalog;
        try (InputStream in = StarterGenerator.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the classpath: build camel-pixazo first (-am)");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        new StarterGenerator(catalog).writeTo(Path.of(args[0]), Path.of(args[1]));
    }

    void writeTo(Path sources, Path resources) throws IOException {
        Path dir = sources.resolve(PACKAGE.replace('.', '/'));
        write(dir.resolve("PixazoComponentConfiguration.java"), configurationClass());
        write(dir.resolve("PixazoComponentAutoConfiguration.java"), autoConfigurationClass());
        write(dir.resolve("PixazoComponentConverter.java"), converterClass());
        write(dir.resolve("PixazoUnknownPropertyFailureAnalyzer.java"), failureAnalyzerClass());
        write(resources.resolve("META-INF/spring.factories"), "org.springframework.boot.diagnostics.FailureAnalyzer="
                + PACKAGE + ".PixazoUnknownPropertyFailureAnalyzer\n");
        write(resources.resolve("META-INF/additional-spring-configuration-metadata.json"), metadata());
        write(resources.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"),
                PACKAGE + ".PixazoComponentConverter\n" + PACKAGE + ".PixazoComponentAutoConfiguration\n");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    private String header() {
        return "package " + PACKAGE + ";\n\n";
    }

    private static final String GENERATED = " * Generated at build time by camel-pixazo-starter's StarterGenerator from the component's catalog"
                                            + " (" + CATALOG + "): do not edit.\n";

    String configurationClass() {
        StringBuilder java = new StringBuilder(header());
        java.append("import io.github.camelpixazo.DurationOptions;\n\n")
                .append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n")
                .append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n")
                .append("/**\n * ").append(catalog.at("/component/description").asText())
                .append("\n * <p>\n * The Spring Boot properties {@code ").append(PREFIX)
                .append(".*}: one per option of the pixazo component. A property left unset keeps the component's\n")
                .append(" * default.\n *\n").append(GENERATED).append(" */\n")
                .append("@ConfigurationProperties(prefix = \"").append(PREFIX).append("\", ignoreUnknownFields = false)\n")
                .append("public class PixazoComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n\n");

        for (Option option : options) {
            java.append("    /**\n     * ").append(javadoc(option.description()));
            if (option.node().has("defaultValue")) {
                java.append(" Default: ").append(javadoc(option.node().path("defaultValue").asText())).append('.');
            }
            java.append("\n     */\n");
            java.append("    private ").append(option.sourceType()).append(' ').append(option.name()).append(";\n\n");
        }
        for (Option option : options) {
            if ("duration".equals(option.type())) {
                // a setter but no getter: Spring's metadata processor then leaves the property to the additional
                // metadata, which types it java.time.Duration for the IDE, while the binder hands the setter the text
                java.append("    /**\n     * @param ").append(option.name()).append(" as an endpoint URI reads it: 5000, 5s, 1m30s,")
                        .append(" 500ms, PT1M30S\n     * @throws io.github.camelpixazo.error.PixazoValidationException for")
                        .append(" any other text, naming the option\n     */\n")
                        .append("    public void set").append(option.capitalized()).append("(String ").append(option.name())
                        .append(") {\n        DurationOptions.parse(\"").append(option.name()).append("\", ")
                        .append(option.name()).append(");\n        this.").append(option.name()).append(" = ")
                        .append(option.name()).append(";\n    }\n\n")
                        .append("    /** @return the text set for {@code ").append(PREFIX).append('.').append(option.property())
                        .append("}, or null when unset */\n")
                        .append("    String ").append(option.name()).append("Text() {\n        return ")
                        .append(option.name()).append(";\n    }\n\n");
                continue;
            }
            java.append("    /** @return the value set for {@code ").append(PREFIX).append('.').append(option.property())
                    .append("}, or null when unset */\n")
                    .append("    public ").append(option.sourceType()).append(" get").append(option.capitalized())
                    .append("() {\n        return ").append(option.name()).append(";\n    }\n\n")
                    .append("    /** @param ").append(option.name()).append(" see the field */\n")
                    .append("    public void set").append(option.capitalized()).append('(').append(option.sourceType())
                    .append(' ').append(option.name()).append(") {\n        this.").append(option.name()).append(" = ")
                    .append(option.name()).append(";\n    }\n\n");
        }
        java.setLength(java.length() - 1);
        return java.append("}\n").toString();
    }

    String autoConfigurationClass() {
        StringBuilder puts = new StringBuilder();
        for (Option option : options) {
            puts.append("        put(options, \"").append(option.name()).append("\", ");
            if ("duration".equals(option.type())) {
                puts.append("duration(\"").append(option.name()).append("\", configuration.")
                        .append(option.name()).append("Text()));\n");
            } else {
                puts.append("configuration.get").append(option.capitalized()).append("());\n");
            }
        }
        return header() + """
                import java.util.LinkedHashMap;
                import java.util.Map;
                
                import io.github.camelpixazo.DurationOptions;
                import io.github.camelpixazo.PixazoComponent;

                import org.apache.camel.CamelContext;
                import org.apache.camel.Component;
                import org.apache.camel.spi.ComponentCustomizer;
                import org.apache.camel.spring.boot.CamelAutoConfiguration;
                import org.apache.camel.spring.boot.ComponentConfigurationProperties;
                import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
                import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
                import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
                import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
                import org.springframework.boot.autoconfigure.AutoConfigureAfter;
                import org.springframework.boot.context.properties.EnableConfigurationProperties;
                import org.springframework.context.ApplicationContext;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Conditional;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.context.annotation.Lazy;

                /**
                 * Configures the {@code pixazo} component from {@code %1$s.*}, in the shape of Camel's own starters: a
                 * {@link ComponentCustomizer} applied when Camel creates the component, switched off with
                 * {@code %1$s.enabled=false} (or {@code camel.component.enabled=false}), its customizer with
                 * {@code %1$s.customizer.enabled=false}. Each property the user set is copied through the component's
                 * generated property configurer, which converts it (a Duration to the option's milliseconds) and fails
                 * on an option the component does not have. Hook beans (an HttpClientConfigurer) are picked up by
                 * Camel's autowiring of the component's autowired options, or named with {@code #bean:name}.
                 *
                %2$s */
                @Configuration(proxyBeanMethods = false)
                @Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
                @EnableConfigurationProperties({ ComponentConfigurationProperties.class, PixazoComponentConfiguration.class })
                @ConditionalOnHierarchicalProperties({ "camel.component", "%1$s" })
                @AutoConfigureAfter({ CamelAutoConfiguration.class, PixazoComponentConverter.class })
                public class PixazoComponentAutoConfiguration {

                    private final ApplicationContext applicationContext;
                    private final CamelContext camelContext;
                    private final PixazoComponentConfiguration configuration;

                    /**
                     * @param applicationContext where the customizer switches are read
                     * @param camelContext       the Camel context the component belongs to
                     * @param configuration      the bound {@code %1$s.*} properties
                     */
                    public PixazoComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                                            PixazoComponentConfiguration configuration) {
                        this.applicationContext = applicationContext;
                        this.camelContext = camelContext;
                        this.configuration = configuration;
                    }

                    /** @return the customizer Camel applies to every component named pixazo when it creates it */
                    @Lazy
                    @Bean
                    public ComponentCustomizer configurePixazoComponent() {
                        return new ComponentCustomizer() {
                            @Override
                            public void configure(String name, Component target) {
                                CamelPropertiesHelper.setCamelProperties(camelContext, target, setOptions(), true);
                            }

                            @Override
                            public boolean isEnabled(String name, Component target) {
                                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                                        "camel.component.customizer", "%1$s.customizer")
                                       && target instanceof PixazoComponent;
                            }
                        };
                    }

                    /** @return the options the user set, by Camel option name, the nested configuration object first */
                    Map<String, Object> setOptions() {
                        Map<String, Object> options = new LinkedHashMap<>();
                %3$s        return options;
                    }

                    /** A duration's text read as the endpoint URI reads it; a bad one fails naming the option. */
                    private static Object duration(String option, String text) {
                        return text == null ? null : DurationOptions.parse(option, text);
                    }

                    private static void put(Map<String, Object> options, String name, Object value) {
                        if (value != null) {
                            options.put(name, value);
                        }
                    }
                }
                """.formatted(PREFIX, GENERATED, puts);
    }

    String converterClass() {
        Set<String> types = new LinkedHashSet<>();
        for (Option option : options) {
            if (option.isObject()) {
                types.add(option.javaType().replaceAll("<.*>", "").replace('$', '.'));
            }
        }
        StringBuilder pairs = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (String type : types) {
            pairs.append("        pairs.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
            cases.append("            case \"").append(type).append("\" -> applicationContext.getBean(ref, ").append(type)
                    .append(".class);\n");
        }
        return header() + """
                import java.util.LinkedHashSet;
                import java.util.Set;

                import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
                import org.springframework.context.ApplicationContext;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.core.convert.TypeDescriptor;
                import org.springframework.core.convert.converter.GenericConverter;

                /**
                 * Lets an object option name a bean, as in Camel's starters: {@code %1$s.http-client-configurer=#bean:myConfigurer}
                 * (or {@code #myConfigurer}). Any other text is left to Spring's own conversion.
                 *
                %2$s */
                @Configuration(proxyBeanMethods = false)
                @ConfigurationPropertiesBinding
                public class PixazoComponentConverter implements GenericConverter {

                    private final ApplicationContext applicationContext;

                    /** @param applicationContext where referenced beans are looked up */
                    public PixazoComponentConverter(ApplicationContext applicationContext) {
                        this.applicationContext = applicationContext;
                    }

                    @Override
                    public Set<ConvertiblePair> getConvertibleTypes() {
                        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
                %3$s        return pairs;
                    }

                    @Override
                    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
                        if (source == null || !source.toString().startsWith("#")) {
                            return null;
                        }
                        String text = source.toString();
                        String ref = text.startsWith("#bean:") ? text.substring(6) : text.substring(1);
                        return switch (targetType.getName()) {
                %4$s            default -> null;
                        };
                    }
                }
                """.formatted(PREFIX, GENERATED, pairs, cases);
    }

    String failureAnalyzerClass() {
        StringBuilder names = new StringBuilder();
        names.append("            \"enabled\",\n            \"customizer.enabled\"");
        for (Option option : options) {
            names.append(",\n            \"").append(option.property()).append('"');
        }
        return header() + """
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Locale;

                import io.github.camelpixazo.request.Spelling;

                import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
                import org.springframework.boot.context.properties.source.ConfigurationProperty;
                import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
                import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
                import org.springframework.boot.diagnostics.FailureAnalysis;

                /**
                 * A misspelt {@code %1$s.*} property fails the start ({@code ignoreUnknownFields = false} on
                 * {@link PixazoComponentConfiguration}) instead of being ignored; this says which property was meant.
                 *
                %2$s */
                public class PixazoUnknownPropertyFailureAnalyzer
                        extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

                    /** Every property of {@code %1$s.*}, as Spring's metadata names them. */
                    static final List<String> PROPERTIES = List.of(
                %3$s);

                    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("%1$s");

                    @Override
                    protected FailureAnalysis analyze(Throwable root, UnboundConfigurationPropertiesException cause) {
                        List<String> lines = new ArrayList<>();
                        for (ConfigurationProperty property : cause.getUnboundProperties()) {
                            ConfigurationPropertyName name = property.getName();
                            if (!PREFIX.isAncestorOf(name)) {
                                return null; // not ours: Spring's own analysis
                            }
                            lines.add(describe(name, property));
                        }
                        if (lines.isEmpty()) {
                            return null;
                        }
                        return new FailureAnalysis(String.join("\\n", lines), "Fix the property name: the pixazo"
                                + " component's properties are listed in its documentation and offered by your IDE.", cause);
                    }

                    /** "camel.component.pixazo.api-kye (from ...) is not a property of the pixazo component. Did you mean ...?" */
                    static String describe(ConfigurationPropertyName name, ConfigurationProperty property) {
                        String given = name.subName(PREFIX.getNumberOfElements()).toString();
                        List<String> uniform = new ArrayList<>();
                        for (String known : PROPERTIES) {
                            uniform.add(known.replace("-", "").toLowerCase(Locale.ROOT));
                        }
                        List<String> closest = Spelling.closest(given.replace("-", "").toLowerCase(Locale.ROOT), uniform);
                        String meant = closest.isEmpty() ? ""
                                : " Did you mean %1$s." + PROPERTIES.get(uniform.indexOf(closest.get(0))) + "?";
                        return name + (property.getOrigin() != null ? " (" + property.getOrigin() + ")" : "")
                               + " is not a property of the pixazo component." + meant;
                    }
                }
                """.formatted(PREFIX, GENERATED, names);
    }

    String metadata() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        ObjectNode enabled = properties.addObject();
        enabled.put("name", PREFIX + ".enabled");
        enabled.put("type", "java.lang.Boolean");
        enabled.put("description", "Whether to enable auto configuration of the pixazo component. This is enabled by default.");
        enabled.put("defaultValue", true);
        ObjectNode customizer = properties.addObject();
        customizer.put("name", PREFIX + ".customizer.enabled");
        customizer.put("type", "java.lang.Boolean");
        customizer.put("description", "Whether the Spring Boot properties camel.component.pixazo.* are applied to the component.");
        customizer.put("defaultValue", true);
        ArrayNode hints = root.putArray("hints");
        for (Option option : options) {
            ObjectNode property = properties.addObject();
            property.put("name", PREFIX + "." + option.property());
            property.put("type", option.springType());
            property.put("description", option.description());
            property.put("sourceType", PACKAGE + ".PixazoComponentConfiguration");
            JsonNode defaultValue = option.node().path("defaultValue");
            if (!defaultValue.isMissingNode()) {
                property.set("defaultValue", defaultValue);
            }
            List<String> values = new ArrayList<>();
            option.node().path("enum").forEach(v -> values.add(v.asText()));
            Matcher presets = PRESETS.matcher(option.description());
            if (values.isEmpty() && presets.find()) {
                // suggestions, not a closed list: the IDE offers them, any other value still binds
                values.add("auto");
                for (String preset : presets.group(1).split(",")) {
                    values.add(preset.trim());
                }
            }
            if (!values.isEmpty()) {
                ObjectNode hint = hints.addObject();
                hint.put("name", PREFIX + "." + option.property());
                ArrayNode hintValues = hint.putArray("values");
                values.forEach(value -> hintValues.addObject().put("value", value));
            }
        }
        return json.writeValueAsString(root) + "\n";
    }

    /** Catalog text made safe inside a Javadoc comment. */
    static String javadoc(String text) {
        String safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
        return wrap(safe);
    }

    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + word.length() > 100) {
                out.append("\n     * ");
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
