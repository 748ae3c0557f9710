package io.github.camelpixazo.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.github.camelpixazo.support.TestImages;

/**
 * A media host on loopback that serves images of any size without holding them: a real PNG's first bytes, then a
 * byte pattern, generated while it is written. {@code GET /image/<bytes>.png}.
 */
public final class ImageServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public ImageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/image/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/image/".length());
            long length = Long.parseLong(name.substring(0, name.indexOf('.')));
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                write(out, length);
            } catch (IOException clientGone) {
                // the client cancelled
            }
        });
        server.start();
    }

    /** The image's bytes: what a client must receive for {@code length}. */
    public static void write(OutputStream out, long length) throws IOException {
        byte[] png = TestImages.png(8, 8);
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        while (written < length) {
            Arrays.fill(chunk, (byte) 0);
            for (int i = 0; i < chunk.length; i++) {
                long at = written + i;
                chunk[i] = at < png.length ? png[(int) at] : (byte) (at * 31 + (at >> 16));
            }
            int n = (int) Math.min(chunk.length, length - written);
            out.write(chunk, 0, n);
            written += n;
        }
    }

    /** The URL of an image of {@code length} bytes. */
    public String url(long length) {
        return "http://localhost:" + server.getAddress().getPort() + "/image/" + length + ".png";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
