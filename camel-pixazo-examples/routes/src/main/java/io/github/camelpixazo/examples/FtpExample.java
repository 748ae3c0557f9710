package io.github.camelpixazo.examples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP example: an embedded FTP server on loopback, sample files uploaded to {@code /inbox}, edited images
 * uploaded to {@code /outbox}, failures in {@code /error}.
 */
public final class FtpExample {

    private static final Logger LOG = LoggerFactory.getLogger(FtpExample.class);

    private FtpExample() {
    }

    public static Summary run(Gateway gateway, Path baseDir) throws Exception {
        Path dir = ExampleFiles.fresh(baseDir.resolve("ftp").toAbsolutePath().normalize());
        Path home = dir.resolve("ftp-home");
        try (EmbeddedFtpServer ftp = EmbeddedFtpServer.start(home)) {
            Map<String, byte[]> samples = SampleImages.files();
            upload(ftp, samples);
            LOG.info("FTP server {} (user {}, files on disk in {}): uploaded {} to /inbox", ftp.url(""),
                    EmbeddedFtpServer.USER, home, String.join(", ", samples.keySet()));
            return new ExampleRunner("ftp", gateway)
                    .title("FTP to FTP, pixazo:edit")
                    .input("ftp", samples.size())
                    .property("ftp.host", EmbeddedFtpServer.HOST)
                    .property("ftp.port", ftp.port())
                    .property("ftp.user", EmbeddedFtpServer.USER)
                    .property("ftp.password", EmbeddedFtpServer.PASSWORD)
                    .routes(new FtpRoute())
                    .images(() -> ExampleFiles.countFiles(home.resolve("outbox")),
                            ftp.url("outbox") + " (on disk: " + home.resolve("outbox") + ")")
                    .failuresGoTo(ftp.url("error") + " (on disk: " + home.resolve("error") + ")")
                    .run();
        }
    }

    /** Uploads the samples as any FTP client would (binary mode, passive). */
    static void upload(EmbeddedFtpServer server, Map<String, byte[]> files) throws IOException {
        FTPClient client = new FTPClient();
        client.connect(EmbeddedFtpServer.HOST, server.port());
        try {
            if (!client.login(EmbeddedFtpServer.USER, EmbeddedFtpServer.PASSWORD)) {
                throw new IOException("FTP login failed: " + client.getReplyString());
            }
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            client.makeDirectory("inbox");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!client.storeFile("inbox/" + file.getKey(), new ByteArrayInputStream(file.getValue()))) {
                    throw new IOException("FTP upload of " + file.getKey() + " failed: " + client.getReplyString());
                }
            }
            client.logout();
        } finally {
            client.disconnect();
        }
    }
}
