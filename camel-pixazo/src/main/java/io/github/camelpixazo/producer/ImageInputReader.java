package io.github.camelpixazo.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.github.camelpixazo.error.PixazoLocalIoException;
import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.media.DataUri;
import io.github.camelpixazo.media.LocalIoException;
import io.github.camelpixazo.media.SpoolWriter;
import io.github.camelpixazo.media.SpooledData;
import io.github.camelpixazo.request.ImageInput;
import io.github.camelpixazo.request.ImageRequestValidator;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ResourceHelper;

/**
 * Turns what arrives in a Camel message into {@link ImageInput}s: byte[], InputStream, File, Path, a file or ftp
 * consumer's GenericFile, an https URL or data: URI String, or a List of these. Local files are size-checked before
 * they are read, so a 2 GB file is rejected without loading it.
 */
public final class ImageInputReader {

    /** Read one byte more than the limit, to know it was exceeded without reading everything. */
    private static final long READ_LIMIT = ImageRequestValidator.MAX_IMAGE_BYTES + 1;

    private ImageInputReader() {
    }

    /** The edit input(s) in the message body. */
    public static List<ImageInput> fromBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        List<ImageInput> images = new ArrayList<>();
        if (body == null) {
            return images;
        }
        if (body instanceof Collection<?> many) {
            int i = 0;
            for (Object item : many) {
                images.add(read(exchange, "image", "body[" + i++ + "]", item));
            }
        } else if (body instanceof Object[] many) {
            for (int i = 0; i < many.length; i++) {
                images.add(read(exchange, "image", "body[" + i + "]", many[i]));
            }
        } else {
            images.add(read(exchange, "image", "body", body));
        }
        return images;
    }

    /** One image from a message value (body element or header). */
    public static ImageInput read(Exchange exchange, String option, String source, Object value) {
        if (value == null) {
            throw new PixazoValidationException(option, null, source + " is null; expected an image.");
        }
        if (value instanceof CharSequence text) {
            return fromText(option, source, text.toString().trim());
        }
        if (value instanceof byte[] bytes) {
            return ImageInput.ofBytes(source, bytes);
        }
        if (value instanceof File file) {
            return fromPath(option, source, file.toPath());
        }
        if (value instanceof Path path) {
            return fromPath(option, source, path);
        }
        if (value instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            return fromPath(option, source + " (" + file.getName() + ")", file.toPath());
        }
        if (value instanceof InputStream stream) {
            return fromStream(exchange, option, source, stream);
        }
        try {
            byte[] bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, value);
            return ImageInput.ofBytes(source, bytes);
        } catch (NoTypeConversionAvailableException | RuntimeException e) {
            throw new PixazoValidationException(option, value.getClass().getName(), "cannot read an image from " + source
                    + " of this type; send byte[], InputStream, File, Path, a file or ftp message, an https URL or a"
                    + " data: URI, or a List of these.");
        }
    }

    /**
     * The endpoint's mask option: data:, https: (passed to the gateway), or a Camel resource (file:, classpath:)
     * read once now.
     */
    public static ImageInput fromResource(CamelContext context, String option, String uri) {
        String trimmed = uri.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (DataUri.isDataUri(trimmed) || lower.startsWith("https://") || lower.startsWith("http://")) {
            return fromText(option, option + " option", trimmed);
        }
        if (lower.startsWith("file:")) {
            RegularFiles.require(option, option + " option", Path.of(trimmed.substring("file:".length())));
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, trimmed)) {
            return ImageInput.ofBytes(option + " option (" + trimmed + ")", readBounded(option, trimmed, in));
        } catch (IOException e) {
            throw new PixazoValidationException(option, trimmed, "cannot be read (" + e.getMessage() + "); use file:,"
                    + " classpath:, https: or data:.");
        }
    }

    private static ImageInput fromText(String option, String source, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return ImageInput.ofUrl(source, text); // the validator insists on https
        }
        if (DataUri.isDataUri(text)) {
            return ImageInput.ofBytes(source, DataUri.decode(text).orElseThrow(() -> new PixazoValidationException(
                    option, source, "is not a base64 data URI (data:image/png;base64,...).")));
        }
        if (looksLikeAPath(text)) {
            throw new PixazoValidationException(option, text, "a String " + source + " is taken as an https URL or a"
                    + " data: URI, and this looks like a file path: to send that file, make it a File (e.g."
                    + " .process(e -> e.getMessage().setBody(new java.io.File(path)))) or read it with a file: consumer,"
                    + " whose messages are sent as files.");
        }
        throw new PixazoValidationException(option, text, "a String " + source + " must be an https URL or a data:"
                + " URI; to send a local image, send its bytes, a File or a Path."
                + (source.startsWith("body") && option.equals("image") ? " For pixazo:edit the body is the image and"
                   + " the prompt goes in the option prompt or the header CamelPixazoPrompt; to make an image from"
                   + " text, use pixazo:generate." : ""));
    }

    /** file:..., /..., ./..., ~/..., C:\... or a name ending in an image extension. */
    private static boolean looksLikeAPath(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("file:") || lower.startsWith("/") || lower.startsWith("./") || lower.startsWith("../")
               || lower.startsWith("~/") || lower.matches("[a-z]:[\\\\/].*")
               || lower.matches("[^\\s]+\\.(png|jpe?g|webp)");
    }

    private static ImageInput fromPath(String option, String source, Path path) {
        RegularFiles.require(option, source, path);
        try {
            long size = Files.size(path);
            if (size > ImageRequestValidator.MAX_IMAGE_BYTES) {
                throw new PixazoValidationException(option, source, "is " + size + " bytes; each image may be at most"
                        + " 50 MB (52,428,800 bytes).");
            }
            return ImageInput.ofFile(source, path); // streamed into the request when it is sent
        } catch (IOException e) {
            throw new PixazoValidationException(option, source, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * A stream is read once, into memory up to the spool threshold and into a temporary file beyond (deleted when
     * the exchange completes): never whole into the heap, and a retried submit can send it again.
     */
    private static ImageInput fromStream(Exchange exchange, String option, String source, InputStream in) {
        ExchangeSpool spool = ExchangeSpool.of(exchange);
        SpoolWriter writer = new SpoolWriter(spool.settings(), spool.files(), "pixazo-input", 0);
        try {
            if (!writer.writeAll(in, ImageRequestValidator.MAX_IMAGE_BYTES)) {
                writer.discard();
                throw new PixazoValidationException(option, source, "is larger than 50 MB (52,428,800 bytes), the"
                        + " limit per image.");
            }
            SpooledData data = writer.finish();
            return data.inMemory() ? ImageInput.ofBytes(source, data.bytes()) : ImageInput.ofFile(source, data.file());
        } catch (LocalIoException disk) { // the spool directory, not the user's input
            writer.discard();
            throw new PixazoLocalIoException("The " + option + " in " + source + " could not be spooled: "
                    + disk.getMessage(), null, disk);
        } catch (IOException e) {
            writer.discard();
            throw new PixazoValidationException(option, source, "cannot be read: " + e.getMessage());
        }
    }

    private static byte[] readBounded(String option, String source, InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) READ_LIMIT);
            if (bytes.length > ImageRequestValidator.MAX_IMAGE_BYTES) {
                throw new PixazoValidationException(option, source, "is larger than 50 MB (52,428,800 bytes), the"
                        + " limit per image.");
            }
            return bytes;
        } catch (IOException e) {
            throw new PixazoValidationException(option, source, "cannot be read: " + e.getMessage());
        }
    }
}
