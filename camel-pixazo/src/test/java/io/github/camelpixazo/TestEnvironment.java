package io.github.camelpixazo;

import java.util.Map;

/** Gives a component a made-up environment: the JVM's own cannot be changed from a test. */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The component reads environment variables from {@code variables} instead of the JVM's environment. */
    public static void set(PixazoComponent component, Map<String, String> variables) {
        component.setEnvironment(variables::get);
    }
}
