package io.github.camelpixazo.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import io.github.camelpixazo.media.DataUri;
import io.github.camelpixazo.media.ImageDimensions;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.media.ImageStructure;

/**
 * One input image (or mask) of an edit: local bytes - in memory or in a file - sent as a data URI, or a remote https
 * URL, passed through for the gateway to fetch. A file is never read whole into memory: its first bytes are sniffed
 * once here, so validation and wire encoding agree, and the gateway streams it into the request as it is sent.
 */
public final class ImageInput {

    /** Leading bytes read from a file to sniff its format and dimensions (a JPEG's size can follow large EXIF data). */
    static final int HEAD_BYTES = 1024 * 1024;

    private final String source;
    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final String url;
    private final ImageFormat format;
    private final ImageDimensions dimensions;
    private final String defect;

    private ImageInput(String source, byte[] bytes, Path file, long size, byte[] head, String url) {
        this.source = source;
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        this.url = url;
        this.format = head != null ? ImageFormat.sniff(head).orElse(null) : null;
        this.dimensions = format != null ? ImageDimensions.read(head).orElse(null) : null;
        // bytes that start like an image but whose structure cannot be read are not an image
        this.defect = format == null ? null : structureDefect(bytes, file, format)
                .orElse(dimensions == null ? "is damaged: its header gives no width and height." : null);
    }

    /** Reads the container structure of the bytes, or of the file without loading it whole. */
    private static Optional<String> structureDefect(byte[] bytes, Path file, ImageFormat format) {
        if (bytes != null) {
            return ImageStructure.defect(bytes, format);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ImageStructure.defect(in, format);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
    }

    /** Local image bytes; {@code source} says where they came from, for error messages (e.g. "body[2]"). */
    public static ImageInput ofBytes(String source, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new ImageInput(source, bytes, null, bytes.length, bytes, null);
    }

    /**
     * A local file, read only when it is sent (and its first megabyte now, to sniff it). The file must stay in place
     * until the exchange completes.
     *
     * @throws IOException if it cannot be read
     */
    public static ImageInput ofFile(String source, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes((int) Math.min(size, HEAD_BYTES));
        }
        return new ImageInput(source, null, file, size, head, null);
    }

    /** A URL the gateway fetches itself. */
    public static ImageInput ofUrl(String source, String url) {
        return new ImageInput(source, null, null, -1, null, Objects.requireNonNull(url, "url"));
    }

    public boolean isRemote() {
        return url != null;
    }

    /** Where this input came from, for messages: "body", "body[1]", "mask option", ... */
    public String source() {
        return source;
    }

    /** The remote URL, or null for local bytes. */
    public String url() {
        return url;
    }

    /** The local size in bytes, or -1 for a remote image. */
    public long size() {
        return size;
    }

    /** The sniffed format of local bytes; empty for remote images and for bytes that are not PNG, JPEG or WEBP. */
    public Optional<ImageFormat> format() {
        return Optional.ofNullable(format);
    }

    /**
     * What makes local bytes that start like a PNG, JPEG or WEBP not a whole image (cut off in transfer, a damaged
     * header), as a phrase ("is cut off after 20 bytes: ..."); empty for whole images and remote ones.
     */
    public Optional<String> defect() {
        return Optional.ofNullable(defect);
    }

    /** The pixel dimensions of local bytes, when their header could be read. */
    public Optional<ImageDimensions> dimensions() {
        return Optional.ofNullable(dimensions);
    }

    /** The media type a data URI of these bytes declares: the sniffed one, else application/octet-stream. */
    public String mediaType() {
        return format != null ? format.mediaType() : "application/octet-stream";
    }

    /**
     * A fresh stream over the local bytes (each call starts again at the first byte, so a retried request sends them
     * again).
     *
     * @throws IllegalStateException for a remote image
     */
    public InputStream openStream() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (file != null) {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) { // deleted or made unreadable since it was checked: this machine's failure
                throw io.github.camelpixazo.media.LocalIoException.input(file, e);
            }
        }
        throw new IllegalStateException(source + " is a remote image: it has no local bytes");
    }

    /**
     * The value the gateway receives, whole in memory: the URL, or a data URI of the bytes with their real media
     * type. Gateways stream local images instead (see {@link #openStream()}); this is for small values and tests.
     */
    public String toUriString() {
        if (url != null) {
            return url;
        }
        try (InputStream in = openStream()) {
            return DataUri.encode(mediaType(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return url != null ? source + " (" + url + ")"
                : source + " (" + size + " bytes" + (format != null ? ", " + format : "") + ")";
    }
}
