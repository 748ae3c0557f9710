package io.github.camelpixazo.request;

import java.util.Objects;
import java.util.Optional;

import io.github.camelpixazo.media.DataUri;
import io.github.camelpixazo.media.ImageDimensions;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.media.ImageStructure;

/**
 * One input image (or mask) of an edit: either local bytes, sent as a data URI, or a remote https URL, passed through
 * for the gateway to fetch. Local bytes are sniffed once here so validation and wire encoding agree.
 */
public final class ImageInput {

    private final String source;
    private final byte[] bytes;
    private final String url;
    private final ImageFormat format;
    private final ImageDimensions dimensions;
    private final String defect;

    private ImageInput(String source, byte[] bytes, String url) {
        this.source = source;
        this.bytes = bytes;
        this.url = url;
        this.format = bytes != null ? ImageFormat.sniff(bytes).orElse(null) : null;
        this.dimensions = format != null ? ImageDimensions.read(bytes).orElse(null) : null;
        // bytes that start like an image but whose structure cannot be read are not an image
        this.defect = format == null ? null : ImageStructure.defect(bytes, format)
                .orElse(dimensions == null ? "is damaged: its header gives no width and height." : null);
    }

    /** Local image bytes; {@code source} says where they came from, for error messages (e.g. "body[2]"). */
    public static ImageInput ofBytes(String source, byte[] bytes) {
        return new ImageInput(source, Objects.requireNonNull(bytes, "bytes"), null);
    }

    /** A URL the gateway fetches itself. */
    public static ImageInput ofUrl(String source, String url) {
        return new ImageInput(source, null, Objects.requireNonNull(url, "url"));
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
        return bytes != null ? bytes.length : -1;
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

    /** The value the gateway receives: the URL, or a data URI of the bytes with their real media type. */
    public String toUriString() {
        if (url != null) {
            return url;
        }
        return DataUri.encode(format != null ? format.mediaType() : "application/octet-stream", bytes);
    }

    @Override
    public String toString() {
        return url != null ? source + " (" + url + ")"
                : source + " (" + bytes.length + " bytes" + (format != null ? ", " + format : "") + ")";
    }
}
