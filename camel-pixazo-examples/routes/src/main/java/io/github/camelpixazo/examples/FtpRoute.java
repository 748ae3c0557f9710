package io.github.camelpixazo.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * FTP to FTP: every file uploaded to {@code /inbox} is edited by GPT Image 2 with one prompt, and the result is
 * uploaded to {@code /outbox} ({@code harbour.png} -> {@code harbour-watercolor.png}). The original then moves to
 * {@code /done}, or on failure (e.g. a file that is not an image) to {@code /error} next to a
 * {@code <name>.reason.txt} saying why.
 * <p>
 * camel-ftp processes one file at a time: its endpoints are always {@code synchronous} (the FTP client is not
 * thread-safe), so the consumer thread waits while the job runs and the move to {@code /done} or {@code /error}
 * happens while no other file uses the connection. {@code binary=true} is essential: the default ASCII transfer mode
 * corrupts images.
 */
public class FtpRoute extends RouteBuilder {

    private static final String SERVER = "ftp://{{ftp.user}}@{{ftp.host}}:{{ftp.port}}";
    private static final String LOGIN = "password=RAW({{ftp.password}})&binary=true&passiveMode=true";

    @Override
    public void configure() {
        // not handled: the FTP consumer sees the failure and moves the file to /error (moveFailed)
        onException(Exception.class)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "${file:name} failed: ${exception.message}")
                .setBody(simple("${exception.message}"))
                .to(SERVER + "/error?" + LOGIN + "&fileName=${file:onlyname}.reason.txt");

        from(SERVER + "/inbox?" + LOGIN + "&move=../done&moveFailed=../error")
                .routeId("ftp")
                // pixazo sets CamelFileName to <request id>.<ext>: keep the input's name for the result
                .setHeader("imageName", simple("${file:onlyname.noext}"))
                .log("${file:name}: editing")
                .to("pixazo:edit?prompt=Turn this picture into a watercolor painting")
                .to(SERVER + "/outbox?" + LOGIN + "&fileName=${header.imageName}-watercolor.${file:name.ext.single}")
                .log("${header.imageName}: uploaded to /outbox/${header.imageName}-watercolor.${file:name.ext.single}");
    }
}
