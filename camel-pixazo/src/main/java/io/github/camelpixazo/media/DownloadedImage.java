package io.github.camelpixazo.media;

/**
 * One downloaded result image: its bytes in memory, or in a temporary file when it was larger than the spool
 * threshold (see {@link SpoolSettings}).
 *
 * @param format    sniffed from the bytes; null if they are none of png, jpeg, webp
 * @param mediaType the sniffed MIME type, else the server's, else application/octet-stream
 */
public record DownloadedImage(String url, SpooledData data, ImageFormat format, String mediaType) {

    /** The file extension to use: from the bytes, else from the requested format. */
    public String extension(ImageFormat requested) {
        return format != null ? format.extension() : requested.extension();
    }

    @Override
    public String toString() {
        return "DownloadedImage[" + url + ", " + data.length() + " bytes" + (data.inMemory() ? "" : " in a file") + ", "
               + mediaType + "]";
    }
}
