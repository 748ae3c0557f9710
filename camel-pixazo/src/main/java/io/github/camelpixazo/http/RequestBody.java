package io.github.camelpixazo.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A request body: its content type and the segments sent one after the other. A segment is bytes in memory, a file,
 * or a stream opened anew for every attempt, so a body can be far larger than the heap (an edit upload whose base64
 * image is encoded while it is sent) and can still be sent again when a call is retried. Multipart bodies are
 * segments too (boundaries and part headers as bytes, part contents as files or streams).
 */
public final class RequestBody {

    /** One piece of a body. */
    public sealed interface Segment permits BytesSegment, FileSegment, StreamSegment {

        /** Its length in bytes, or -1 when unknown until it is read. */
        long length();

        /** Opens it for reading from its start; every call gives a fresh stream. */
        InputStream open() throws IOException;
    }

    /** Bytes held in memory. */
    public record BytesSegment(byte[] data) implements Segment {
        public BytesSegment {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public long length() {
            return data.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(data);
        }
    }

    /** A whole file, read while it is sent. */
    public record FileSegment(Path path, long length) implements Segment {
        @Override
        public InputStream open() throws IOException {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) { // deleted or made unreadable since it was checked: this machine's failure
                throw io.github.camelpixazo.media.LocalIoException.input(path, e);
            }
        }
    }

    /** Bytes produced while they are sent (for example base64 of a file); {@code length} -1 when unknown. */
    public record StreamSegment(long length, StreamSource source) implements Segment {
        @Override
        public InputStream open() throws IOException {
            return source.open();
        }
    }

    /** Opens a segment's stream. */
    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    private final String contentType;
    private final List<Segment> segments;

    private RequestBody(String contentType, List<Segment> segments) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.segments = List.copyOf(segments);
    }

    /** A body of the given segments, in order. */
    public static RequestBody of(String contentType, List<Segment> segments) {
        return new RequestBody(contentType, segments);
    }

    /** A body held in memory. */
    public static RequestBody ofBytes(String contentType, byte[] bytes) {
        return new RequestBody(contentType, List.of(new BytesSegment(bytes)));
    }

    /** A body that is a whole file. */
    public static RequestBody ofFile(String contentType, Path file) throws IOException {
        return new RequestBody(contentType, List.of(new FileSegment(file, Files.size(file))));
    }

    /** The media type sent as Content-Type. */
    public String contentType() {
        return contentType;
    }

    /** The segments, in the order they are sent. */
    public List<Segment> segments() {
        return segments;
    }

    /** The total length in bytes (sent as Content-Length), or -1 when a segment does not know its length. */
    public long contentLength() {
        long total = 0;
        for (Segment segment : segments) {
            if (segment.length() < 0) {
                return -1;
            }
            total += segment.length();
        }
        return total;
    }

    /** Writes the whole body, segment by segment, without holding more than a buffer of it. */
    public void writeTo(OutputStream out) throws IOException {
        for (Segment segment : segments) {
            try (InputStream in = segment.open()) {
                in.transferTo(out);
            }
        }
    }

    /** Never prints the content: it may be an image or a prompt. */
    @Override
    public String toString() {
        return "RequestBody[" + contentType + ", " + segments.size() + " segment(s), " + contentLength() + " bytes]";
    }
}
