package io.github.camelpixazo.examples;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/add-to-your-project.adoc shows the Maven dependencies for Camel Main, Spring Boot and plain Java; each block
 * must be what the example using it builds with, and name the versions this build uses, so copying it works.
 */
class AddToYourProjectPageTest {

    private static final Path ROOT = Path.of("..", "..");
    private static final Path PAGE = ROOT.resolve("docs/add-to-your-project.adoc");
    private static final Pattern BLOCK = Pattern.compile("\\[\\[deps-([a-z-]+)]]\\s*\\n\\[source,xml]\\s*\\n----\\n(.*?)\\n----",
            Pattern.DOTALL);
    /** In the examples only, to run without a key: the page says so. */
    private static final String SANDBOX = "io.github.camelpixazo:camel-pixazo-sandbox";

    /** groupId:artifactId -> version ("" when managed), of the dependencies (not test scope) or the imports. */
    private record Dependencies(Map<String, String> dependencies, Map<String, String> imports) {
    }

    private static Map<String, Dependencies> blocks() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Map<String, Dependencies> blocks = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(page);
        while (block.find()) {
            blocks.put(block.group(1), parse("<project>" + block.group(2) + "</project>"));
        }
        return blocks;
    }

    private static Dependencies pom(String path) throws Exception {
        return parse(Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8));
    }

    private static Dependencies parse(String xml) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        Map<String, String> dependencies = new LinkedHashMap<>();
        Map<String, String> imports = new LinkedHashMap<>();
        NodeList all = document.getElementsByTagName("dependency");
        for (int i = 0; i < all.getLength(); i++) {
            Element dependency = (Element) all.item(i);
            String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            boolean managed = isInside(dependency, "dependencyManagement");
            if (managed && "import".equals(scope)) {
                imports.put(id, text(dependency, "version"));
            } else if (!managed && !"test".equals(scope)) {
                dependencies.put(id, text(dependency, "version"));
            }
        }
        return new Dependencies(dependencies, imports);
    }

    private static boolean isInside(Node node, String ancestor) {
        for (Node parent = node.getParentNode(); parent != null; parent = parent.getParentNode()) {
            if (ancestor.equals(parent.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static String property(String name) throws Exception {
        Document root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        if (name.equals("project.version")) {
            return text(root.getDocumentElement(), "version");
        }
        return text((Element) root.getElementsByTagName("properties").item(0), name);
    }

    @Test
    void everyBlockIsWhatItsExampleBuildsWith() throws Exception {
        Map<String, Dependencies> blocks = blocks();
        assertEquals(Set.of("camel-main", "spring-boot", "plain-java", "endpoint-dsl"), blocks.keySet());

        // Spring Boot and plain Java: exactly the example's dependencies (its sandbox aside)
        for (Map.Entry<String, String> example : Map.of("spring-boot", "camel-pixazo-examples/spring-boot/pom.xml",
                "plain-java", "camel-pixazo-examples/plain-java/pom.xml").entrySet()) {
            Set<String> shown = blocks.get(example.getKey()).dependencies().keySet();
            Set<String> built = new LinkedHashSet<>(pom(example.getValue()).dependencies().keySet());
            assertTrue(built.remove(SANDBOX), example.getValue() + " runs against the sandbox");
            assertEquals(built, shown, "the " + example.getKey() + " block and " + example.getValue());
        }
        assertEquals(pom("camel-pixazo-examples/spring-boot/pom.xml").imports().keySet(),
                blocks.get("spring-boot").imports().keySet(), "the Spring Boot imports");

        // Camel Main: every dependency shown is one the routes example builds with
        Set<String> routes = pom("camel-pixazo-examples/routes/pom.xml").dependencies().keySet();
        for (String shown : blocks.get("camel-main").dependencies().keySet()) {
            assertTrue(routes.contains(shown), shown + " is not a dependency of the routes example");
        }
        // the Endpoint DSL: the component compiles its generated builders against it
        assertTrue(pom("camel-pixazo/pom.xml").dependencies().containsKey("org.apache.camel:camel-endpointdsl"));
        assertTrue(blocks.get("endpoint-dsl").dependencies().containsKey("org.apache.camel:camel-endpointdsl"));
    }

    @Test
    void theVersionsShownAreTheOnesThisBuildUses() throws Exception {
        Map<String, String> expected = Map.of(
                "org.apache.camel:camel-bom", property("camel.version"),
                "org.apache.camel.springboot:camel-spring-boot-bom", property("camel.version"),
                "org.springframework.boot:spring-boot-dependencies", property("spring-boot.version"),
                "io.github.camelpixazo:camel-pixazo", property("project.version"),
                "io.github.camelpixazo:camel-pixazo-starter", property("project.version"));
        int checked = 0;
        for (Map.Entry<String, Dependencies> block : blocks().entrySet()) {
            Map<String, String> versions = new LinkedHashMap<>(block.getValue().imports());
            versions.putAll(block.getValue().dependencies());
            for (Map.Entry<String, String> dependency : versions.entrySet()) {
                String version = expected.get(dependency.getKey());
                if (version != null) {
                    checked++;
                    assertNotNull(version);
                    assertEquals(version, dependency.getValue(), dependency.getKey() + " in the " + block.getKey()
                                                                 + " block");
                } else {
                    assertEquals("", dependency.getValue(), dependency.getKey() + " in the " + block.getKey()
                                                            + " block is managed by a BOM: show no version");
                }
            }
        }
        assertTrue(checked >= 7, "the BOMs and the project's artifacts carry versions");
    }
}
