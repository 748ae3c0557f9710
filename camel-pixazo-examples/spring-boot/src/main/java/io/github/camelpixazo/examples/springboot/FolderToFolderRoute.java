package io.github.camelpixazo.examples.springboot;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every {@code .txt} prompt file dropped in {@code {{example.dir}}/prompts} becomes an image in
 * {@code {{example.dir}}/images} named after it ({@code sunset.txt} -> {@code sunset.png}); the prompt file then moves
 * to {@code prompts/.done}, or to {@code prompts/.error} when the job fails. The endpoint carries no option: the
 * component's defaults come from application.properties.
 */
@Component
public class FolderToFolderRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{example.dir}}/prompts?antInclude=*.txt&charset=UTF-8&move=.done&moveFailed=.error")
                .routeId("spring-boot-folder")
                .setHeader("imageName", simple("${file:onlyname.noext}"))
                .log("${file:name}: generating an image")
                .to("pixazo:generate")
                .to("file:{{example.dir}}/images?fileName=${header.imageName}.${file:name.ext.single}")
                .log(LoggingLevel.INFO, "${header.imageName}: wrote ${header.CamelFileNameProduced}"
                                        + " (job ${header.CamelPixazoRequestId})");
    }
}
