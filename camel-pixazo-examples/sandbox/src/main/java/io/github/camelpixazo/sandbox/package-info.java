/**
 * An embedded, Pixazo-compatible gateway on loopback for examples and tests: start a
 * {@link io.github.camelpixazo.sandbox.PixazoSandbox}, point the {@code pixazo:} component at its
 * {@code baseUrl()}, inject faults through {@code faults()} and assert on {@code records()}.
 * See {@code docs/sandbox.adoc}.
 */
package io.github.camelpixazo.sandbox;
