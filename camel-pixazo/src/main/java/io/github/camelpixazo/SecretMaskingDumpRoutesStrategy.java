package io.github.camelpixazo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpixazo.error.SecretRedactor;
import io.github.camelpixazo.gateway.Gateways;
import io.github.camelpixazo.gateway.ImageGateway;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.NamedNode;
import org.apache.camel.impl.DefaultDumpRoutesStrategy;
import org.apache.camel.spi.ModelToXMLDumper;
import org.apache.camel.spi.ModelToYAMLDumper;
import org.apache.camel.spi.Resource;

/**
 * Camel's route dumper ({@code camel.main.dump-routes=yaml|xml}), with every API key masked. Camel 4.18's own dumper
 * prints bean properties and endpoint URIs as written, placeholders resolved: a YAML route file declaring the pixazo
 * component bean with {@code apiKey}, or a route with {@code apiKey=} in an endpoint URI, put the key in clear into
 * the log and the dump files. Camel picks this strategy through its {@code dump-routes} service factory (a
 * {@link org.apache.camel.spi.DumpRoutesStrategy} bean in the registry still wins), and it behaves exactly as the
 * default one, options included, except that each dumped text is masked before it is logged or written:
 * <ul>
 * <li>by value: the key of every pixazo component and endpoint of the context and of each gateway's environment
 * variable, in every form {@link SecretRedactor} knows;</li>
 * <li>by name: the value of any {@code apiKey} (or {@code api-key}) as a URI parameter, a YAML entry or an XML
 * property, whatever component it belongs to, for keys not known yet when the dump runs.</li>
 * </ul>
 */
public class SecretMaskingDumpRoutesStrategy extends DefaultDumpRoutesStrategy {

    /** {@code apiKey=value} in a URI (a RAW(...) value included), up to the next parameter or the end of the URI. */
    private static final Pattern URI_PARAMETER = Pattern.compile(
            "(?i)([?&](?:amp;)?api-?key=)(RAW\\([^)]*\\)|RAW\\{[^}]*\\}|[^&\"'\\s<>]+)");
    /** {@code apiKey: value} in YAML, quoted or not. */
    private static final Pattern YAML_ENTRY = Pattern.compile(
            "(?im)^(\\s*(?:-\\s+)?(?:[\\w.]*\\.)?api-?key\\s*:\\s*)(\"[^\"]*\"|'[^']*'|\\S.*?)\\s*$");
    /** {@code <property key="apiKey" value="..."/>} in XML, either attribute first. */
    private static final Pattern XML_PROPERTY = Pattern.compile(
            "(?i)(key=\"(?:[\\w.]*\\.)?api-?key\"\\s+value=\")([^\"]*)(\")");

    @Override
    protected void doDumpYaml(CamelContext camelContext, NamedNode def, Resource resource, ModelToYAMLDumper dumper,
                              String kind, StringBuilder sbLocal, StringBuilder sbLog) {
        masked(camelContext, sbLocal, sbLog,
                () -> super.doDumpYaml(camelContext, def, resource, dumper, kind, sbLocal, sbLog));
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected void doDumpYamlBeans(CamelContext camelContext, List beans, Resource resource, ModelToYAMLDumper dumper,
                                   String kind, StringBuilder sbLocal, StringBuilder sbLog) {
        masked(camelContext, sbLocal, sbLog,
                () -> super.doDumpYamlBeans(camelContext, beans, resource, dumper, kind, sbLocal, sbLog));
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected void doDumpYamlDataFormats(CamelContext camelContext, Map dataFormats, Resource resource,
                                         ModelToYAMLDumper dumper, String kind, StringBuilder sbLocal,
                                         StringBuilder sbLog) {
        masked(camelContext, sbLocal, sbLog,
                () -> super.doDumpYamlDataFormats(camelContext, dataFormats, resource, dumper, kind, sbLocal, sbLog));
    }

    @Override
    protected void doDumpXml(CamelContext camelContext, NamedNode def, Resource resource, ModelToXMLDumper dumper,
                             String replace, String kind, StringBuilder sbLocal, StringBuilder sbLog) {
        masked(camelContext, sbLocal, sbLog,
                () -> super.doDumpXml(camelContext, def, resource, dumper, replace, kind, sbLocal, sbLog));
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected void doDumpXmlBeans(CamelContext camelContext, List beans, Resource resource, ModelToXMLDumper dumper,
                                  String kind, StringBuilder sbLocal, StringBuilder sbLog) {
        masked(camelContext, sbLocal, sbLog,
                () -> super.doDumpXmlBeans(camelContext, beans, resource, dumper, kind, sbLocal, sbLog));
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected void doDumpXmlDataFormats(CamelContext camelContext, Map dataFormats, Resource resource,
                                        ModelToXMLDumper dumper, String kind, StringBuilder sbLocal,
                                        StringBuilder sbLog) {
        masked(camelContext, sbLocal, sbLog,
                () -> super.doDumpXmlDataFormats(camelContext, dataFormats, resource, dumper, kind, sbLocal, sbLog));
    }

    /** Runs one dump step, then masks what it appended to the file text and to the log text. */
    private static void masked(CamelContext context, StringBuilder local, StringBuilder log, Runnable dump) {
        int localFrom = local.length();
        int logFrom = log.length();
        dump.run();
        SecretRedactor redactor = SecretRedactor.of(knownKeys(context));
        mask(local, localFrom, redactor);
        mask(log, logFrom, redactor);
    }

    private static void mask(StringBuilder text, int from, SecretRedactor redactor) {
        if (text.length() <= from) {
            return;
        }
        String appended = text.substring(from);
        String masked = mask(appended, redactor);
        if (!masked.equals(appended)) {
            text.replace(from, text.length(), masked);
        }
    }

    /** {@code text} with every known key and every apiKey value masked (see the class comment). */
    static String mask(String text, SecretRedactor redactor) {
        String byValue = redactor.redact(text);
        String uri = replaceValue(URI_PARAMETER, byValue);
        String yaml = replaceValue(YAML_ENTRY, uri);
        return replaceValue(XML_PROPERTY, yaml);
    }

    private static String replaceValue(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + SecretRedactor.MASK
                    + (m.groupCount() >= 3 && m.group(3) != null ? m.group(3) : "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The keys this context can send: its pixazo components' and endpoints', and the gateways' variables. */
    private static List<String> knownKeys(CamelContext context) {
        List<String> keys = new ArrayList<>();
        Consumer<PixazoConfiguration> add = configuration -> {
            if (configuration != null && configuration.getApiKey() != null) {
                keys.add(configuration.getApiKey().trim());
            }
        };
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof PixazoComponent pixazo) {
                add.accept(pixazo.getConfiguration());
            }
        }
        context.getRegistry().findByType(PixazoComponent.class).forEach(pixazo -> add.accept(pixazo.getConfiguration()));
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof PixazoEndpoint pixazo) {
                add.accept(pixazo.getConfiguration());
            }
        }
        for (ImageGateway gateway : Gateways.all()) {
            String value = System.getenv(gateway.apiKeyVariable());
            if (value != null && !value.isBlank()) {
                keys.add(value.trim());
            }
        }
        return keys;
    }
}
