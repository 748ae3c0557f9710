package io.github.camelpixazo.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data flows one way (docs/design.adoc, decision D5): no package cycle among {@code media}, {@code request},
 * {@code http}, {@code gateway}, {@code job}, {@code store} and {@code error}. The Camel adapter layer (the root
 * package, {@code producer}, {@code consumer}, {@code webhook} and the generated {@code dsl}) counts as one node: its
 * packages may know each other, but nothing below may know any of them.
 * <p>
 * The dependencies are read from the compiled classes by the JDK's {@code jdeps}, so a fully qualified name in code
 * (no import) counts too.
 */
class PackageCycleTest {

    private static final String BASE = "io.github.camelpixazo";
    static final Set<String> LAYERS = Set.of("media", "request", "http", "gateway", "job", "store", "error");
    static final String ADAPTER = "(Camel adapter: root, producer, consumer, webhook, dsl)";

    @Test
    void noPackageCycleAmongTheLayers() {
        Map<String, Set<String>> graph = collapse(packageDependencies(Path.of("target/classes")));
        assertTrue(graph.keySet().containsAll(LAYERS), "every layer was found in the classes: " + graph.keySet());

        List<List<String>> cycles = cycles(graph);

        assertEquals(List.of(), cycles, "package cycles (each a strongly connected set of packages): " + graph);
    }

    /** The check itself can fail: a made-up gateway -> job -> gateway dependency is reported. */
    @Test
    void aCycleIsReported() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("media", Set.of());
        graph.put("gateway", Set.of("job", "media"));
        graph.put("job", Set.of("gateway"));
        graph.put(ADAPTER, Set.of("job"));

        assertEquals(List.of(List.of("gateway", "job")), cycles(graph));
    }

    /** Lower layers knowing the adapter is a cycle through the adapter node. */
    @Test
    void aLayerThatKnowsTheAdapterIsReported() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("job", Set.of(ADAPTER));
        graph.put(ADAPTER, Set.of("job"));

        assertFalse(cycles(graph).isEmpty());
    }

    /** package -> packages it uses, for the component's own packages, from {@code jdeps -verbose:package}. */
    static Map<String, Set<String>> packageDependencies(Path classes) {
        assertTrue(Files.isDirectory(classes), classes + " (run from the module directory after compiling)");
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElse(null);
        assertNotNull(jdeps, "jdeps is part of every JDK 17");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                classes.toString());
        assertEquals(0, code, err.toString());
        Pattern line = Pattern.compile("\\s*(" + Pattern.quote(BASE) + "[\\w.]*)\\s+->\\s+(" + Pattern.quote(BASE)
                + "[\\w.]*)\\s.*");
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (String text : out.toString().split("\\R")) {
            Matcher m = line.matcher(text);
            if (m.matches()) {
                dependencies.computeIfAbsent(m.group(1), p -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertFalse(dependencies.isEmpty(), "jdeps found no dependencies: " + out);
        return dependencies;
    }

    /** Packages to layer names, the adapter packages to one node, self-edges dropped. */
    static Map<String, Set<String>> collapse(Map<String, Set<String>> packages) {
        Map<String, Set<String>> graph = new TreeMap<>();
        packages.forEach((from, tos) -> {
            String a = node(from);
            Set<String> edges = graph.computeIfAbsent(a, n -> new TreeSet<>());
            for (String to : tos) {
                String b = node(to);
                if (!a.equals(b)) {
                    edges.add(b);
                }
                graph.computeIfAbsent(b, n -> new TreeSet<>());
            }
        });
        return graph;
    }

    private static String node(String pkg) {
        String rest = pkg.equals(BASE) ? "" : pkg.substring(BASE.length() + 1);
        String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return LAYERS.contains(first) ? first : ADAPTER;
    }

    /** Every strongly connected set of more than one node (Tarjan), each sorted, in sorted order. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<List<String>> found = new ArrayList<>();
        int[] counter = { 0 };
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, found, counter);
            }
        }
        found.sort((x, y) -> String.join(",", x).compareTo(String.join(",", y)));
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> found, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, found, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                component.sort(String::compareTo);
                found.add(component);
            }
        }
    }
}
