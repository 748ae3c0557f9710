package io.github.camelpixazo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An Apache FtpServer on 127.0.0.1 for the FTP example: a free port, passive mode on loopback, one demo user whose
 * FTP root ({@code /}) is a directory on disk.
 */
final class EmbeddedFtpServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String USER = "demo";
    static final String PASSWORD = "demo-secret";

    private final FtpServer server;
    private final int port;
    private final Path home;

    private EmbeddedFtpServer(FtpServer server, int port, Path home) {
        this.server = server;
        this.port = port;
        this.home = home;
    }

    /** Starts a server whose demo user sees {@code home} as {@code /}. */
    static EmbeddedFtpServer start(Path home) throws Exception {
        Files.createDirectories(home);
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(HOST);
        listener.setPort(0); // any free port; the listener reports the bound one
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress(HOST);
        data.setPassiveExternalAddress(HOST);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());

        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor()); // in memory only: no users file is written
        UserManager userManager = users.createUserManager();
        BaseUser demo = new BaseUser();
        demo.setName(USER);
        demo.setPassword(PASSWORD);
        demo.setHomeDirectory(home.toAbsolutePath().toString());
        demo.setAuthorities(List.<Authority>of(new WritePermission()));
        userManager.save(demo);

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(userManager);
        FtpServer server = factory.createServer();
        server.start();
        int port = ((org.apache.ftpserver.impl.DefaultFtpServer) server).getListener("default").getPort();
        return new EmbeddedFtpServer(server, port, home);
    }

    int port() {
        return port;
    }

    /** The directory on disk behind the demo user's {@code /}. */
    Path home() {
        return home;
    }

    /** {@code ftp://127.0.0.1:<port>/<path>}, for messages. */
    String url(String path) {
        return "ftp://" + HOST + ":" + port + "/" + path;
    }

    @Override
    public void close() {
        server.stop();
    }
}
