/** JUnit 5 support: {@link io.github.camelpixazo.sandbox.junit.PixazoSandboxExtension}. Needs junit-jupiter-api. */
package io.github.camelpixazo.sandbox.junit;
