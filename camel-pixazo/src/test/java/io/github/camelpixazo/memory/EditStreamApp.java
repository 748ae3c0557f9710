package io.github.camelpixazo.memory;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;

import io.github.camelpixazo.PixazoComponent;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A user's application that edits an image arriving as an {@link InputStream} (an HTTP upload, say), as
 * {@link EditStreamForkTest} runs it in its own JVM with a small heap. The mode says how the route meets Camel's
 * stream caching: {@code default} (on, in memory: Camel reads the whole stream into the heap at the route's start),
 * {@code spool} (camel.main.stream-caching-spool-enabled=true) or {@code off} (the route's streamCache("false")).
 * Prints {@code RESULT ok} or {@code RESULT failed ...}, and the heap pools' peak use.
 */
public final class EditStreamApp {

    private EditStreamApp() {
    }

    /** args: baseUrl, mode, size of the input in bytes. */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String mode = args[1];
        long size = Long.parseLong(args[2]);
        int code;
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("pixazo", PixazoComponent.class).getConfiguration().setBaseUrl(baseUrl);
            if (mode.equals("spool")) {
                context.getStreamCachingStrategy().setSpoolEnabled(true);
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").streamCache(mode.equals("off") ? "false" : "true")
                            .to("pixazo:edit?prompt=Make it blue");
                }
            });
            context.start();
            Exchange result = context.createProducerTemplate().request("direct:edit",
                    e -> e.getIn().setBody(new PngStream(size)));
            if (result.getException() != null) {
                System.out.println("RESULT failed " + result.getException());
                result.getException().printStackTrace(System.out);
                code = 1;
            } else {
                System.out.println("RESULT ok " + result.getMessage().getHeader(Exchange.FILE_NAME));
                code = 0;
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("HEAP max %d MB, sum of the heap pools' peaks %d MB%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peak / (1024 * 1024));
        System.exit(code);
    }

    /**
     * A whole PNG of {@code size} bytes, generated while it is read (never in memory): signature, IHDR (1024x1024),
     * one IDAT chunk of filler bytes, IEND. Its structure is what the component checks; the pixels are not decoded.
     */
    static final class PngStream extends InputStream {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        private final byte[] head;
        private final byte[] tail;
        private final long dataLength;
        private final long size;
        private long position;

        PngStream(long size) {
            this.size = size;
            ByteBuffer h = ByteBuffer.allocate(8 + 25 + 8);
            h.put(SIGNATURE);
            h.putInt(13).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(1024).putInt(1024)
                    .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0);
            this.dataLength = size - 8 - 25 - 8 - 4 - 12;
            h.putInt((int) dataLength).put("IDAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            this.head = h.array();
            ByteBuffer t = ByteBuffer.allocate(4 + 12);
            t.putInt(0); // IDAT's CRC (not checked)
            t.putInt(0).put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(0xAE426082);
            this.tail = t.array();
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long at = position++;
            if (at < head.length) {
                return head[(int) at] & 0xFF;
            }
            long afterData = head.length + dataLength;
            if (at >= afterData) {
                return tail[(int) (at - afterData)] & 0xFF;
            }
            return (int) ((at * 31 + (at >> 12)) & 0xFF);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
