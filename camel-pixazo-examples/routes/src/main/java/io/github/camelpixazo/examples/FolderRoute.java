package io.github.camelpixazo.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Folder to folder: every {@code .txt} prompt file dropped in {@code {{example.dir}}/prompts} becomes an image in
 * {@code {{example.dir}}/images} named after it ({@code sunset.txt} -> {@code sunset.png}). The prompt file then moves
 * to {@code prompts/.done}, or on failure to {@code prompts/.error} next to a {@code <name>.reason.txt} saying why.
 * <p>
 * The same route is written in YAML ({@code routes/folder.camel.yaml}) and XML ({@code routes/folder.camel.xml}).
 */
public class FolderRoute extends RouteBuilder {

    @Override
    public void configure() {
        // not handled: the file consumer sees the failure and moves the prompt to .error (moveFailed)
        onException(Exception.class)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "${file:name} failed: ${exception.message}")
                .setBody(simple("${exception.message}"))
                .to("file:{{example.dir}}/prompts/.error?fileName=${file:onlyname}.reason.txt");

        from("file:{{example.dir}}/prompts?antInclude=*.txt&charset=UTF-8&move=.done&moveFailed=.error")
                .routeId("folder")
                // pixazo sets CamelFileName to <request id>.<ext>: keep the prompt's name for the image
                .setHeader("imageName", simple("${file:onlyname.noext}"))
                .log("${file:name}: generating an image")
                .to("pixazo:generate")
                .to("file:{{example.dir}}/images?fileName=${header.imageName}.${file:name.ext.single}")
                .log("${header.imageName}: wrote ${header.CamelFileNameProduced} (job ${header.CamelPixazoRequestId})");
    }
}
