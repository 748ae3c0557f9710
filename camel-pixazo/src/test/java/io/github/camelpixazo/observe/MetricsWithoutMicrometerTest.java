package io.github.camelpixazo.observe;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Micrometer is an optional dependency: with the component's classes loaded where no {@code io.micrometer} class can
 * be found, looking the metrics up gives "no metrics" instead of a NoClassDefFoundError.
 */
class MetricsWithoutMicrometerTest {

    /** Loads the component's classes itself (from target/classes) and hides Micrometer; the rest comes from the parent. */
    private static final class WithoutMicrometer extends ClassLoader {
        WithoutMicrometer(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.micrometer.")) {
                    throw new ClassNotFoundException(name + " (hidden: Micrometer is not on this classpath)");
                }
                if (name.startsWith("io.github.camelpixazo.")) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        Path file = Path.of("target/classes", name.replace('.', '/') + ".class");
                        try (InputStream in = Files.newInputStream(file)) {
                            byte[] bytes = in.readAllBytes();
                            loaded = defineClass(name, bytes, 0, bytes.length);
                        } catch (IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return loaded;
                }
                return super.loadClass(name, resolve);
            }
        }
    }

    @Test
    void withoutMicrometerNothingIsRecordedAndNothingFails() throws Exception {
        ClassLoader loader = new WithoutMicrometer(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"));
        Class<?> metrics = loader.loadClass("io.github.camelpixazo.observe.PixazoMetrics");
        Method find = metrics.getMethod("find", CamelContext.class);

        try (CamelContext context = new DefaultCamelContext()) {
            Object found = find.invoke(null, context);
            assertSame(metrics.getField("NONE").get(null), found);
        }
    }

    @Test
    void withMicrometerButNoRegistryNothingIsRecorded() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertSame(PixazoMetrics.NONE, PixazoMetrics.find(context));
        }
    }
}
