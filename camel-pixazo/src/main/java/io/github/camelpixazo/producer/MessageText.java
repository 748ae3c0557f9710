package io.github.camelpixazo.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.github.camelpixazo.error.PixazoValidationException;
import io.github.camelpixazo.media.ImageFormat;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;

/**
 * Text taken from a message body or header (a prompt, a request id), decoded the way Camel users expect: in the charset
 * named by the header or exchange property {@code CamelCharsetName} (a {@code file:} endpoint's {@code charset} option
 * sets it), else Camel's default, UTF-8; that is how {@code ExchangeHelper.getCharsetName} and Camel's own converters
 * choose. Unlike Camel's converters it
 * <ul>
 * <li>refuses bytes that are not text in that charset (malformed input is reported, not replaced by U+FFFD), saying
 * so, and what the bytes look like when they are an image;</li>
 * <li>removes a byte-order mark (the UTF-8 BOM some editors write, the UTF-16 and UTF-32 BOMs in their charsets);</li>
 * <li>reads no more bytes than the longest accepted text can take, so a 10 MB file is refused unread;</li>
 * <li>refuses bodies that carry no text (a Map, a List, a POJO, a number) instead of sending their {@code toString()}.</li>
 * </ul>
 * Bodies that carry bytes: {@code byte[]}, {@code ByteBuffer}, {@code InputStream}, {@link StreamCache} (reset after
 * reading, so the body stays readable), {@code File}, {@code Path}, and the {@code GenericFile} of {@code file:} and
 * {@code ftp:} consumers. Text bodies: {@code String} and other {@code CharSequence}s, {@code char[]}, {@code Reader}.
 */
public final class MessageText {

    /** Bytes per character in the worst case of common charsets (4 in UTF-8 and UTF-32), for unknown encoders. */
    private static final int WORST_BYTES_PER_CHARACTER = 8;

    private static final Map<String, byte[]> BYTE_ORDER_MARKS = Map.of(
            "UTF-8", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
            "UTF-16BE", new byte[] { (byte) 0xFE, (byte) 0xFF },
            "UTF-16LE", new byte[] { (byte) 0xFF, (byte) 0xFE });

    private MessageText() {
    }

    /**
     * @param  option                    the option named in errors ({@code prompt}, {@code requestId})
     * @param  source                    where the value came from, for messages ("the body", "header CamelPixazoPrompt")
     * @param  value                     the body or header value; null gives null
     * @param  maxCharacters             the longest text that can be valid: more is refused without reading it all
     * @return                           the text without byte-order mark, or null for a null value
     * @throws PixazoValidationException for a value that is not text, not valid in its charset, or too long
     */
    public static String read(Exchange exchange, String option, String source, Object value, int maxCharacters) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return withoutByteOrderMark(text.toString());
        }
        if (value instanceof char[] chars) {
            return withoutByteOrderMark(new String(chars));
        }
        if (value instanceof Reader reader) {
            return withoutByteOrderMark(readBounded(option, source, reader, maxCharacters));
        }
        Charset charset = charset(exchange);
        long maxBytes = maxBytes(charset, maxCharacters);
        String named = named(source, value);
        byte[] bytes = bytes(exchange, option, named, value, maxBytes, charset, maxCharacters);
        return decode(option, named, bytes, charset);
    }

    /** "the message body (prompt.txt)" for files: the name says which file, when a folder has many. */
    private static String named(String source, Object value) {
        if (value instanceof File file) {
            return source + " (" + file.getName() + ")";
        }
        if (value instanceof Path path) {
            return source + " (" + path.getFileName() + ")";
        }
        if (value instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            return source + " (" + file.getName() + ")";
        }
        return source;
    }

    private static byte[] bytes(Exchange exchange, String option, String source, Object value, long maxBytes,
                                Charset charset, int maxCharacters) {
        try {
            if (value instanceof byte[] bytes) {
                return bytes;
            }
            if (value instanceof ByteBuffer buffer) {
                ByteBuffer copy = buffer.duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                return bytes;
            }
            if (value instanceof StreamCache cache) {
                return fromStreamCache(option, source, cache, maxBytes, charset, maxCharacters);
            }
            if (value instanceof InputStream in) {
                return readBounded(option, source, in, maxBytes, charset, maxCharacters);
            }
            if (value instanceof File file) {
                return fromPath(option, source, file.toPath(), maxBytes, charset, maxCharacters);
            }
            if (value instanceof Path path) {
                return fromPath(option, source, path, maxBytes, charset, maxCharacters);
            }
            if (value instanceof WrappedFile<?> wrapped) {
                if (wrapped.getFile() instanceof File file) {
                    return fromPath(option, source, file.toPath(), maxBytes, charset, maxCharacters);
                }
                // an ftp: message: the remote file's content is its body, or Camel loads it on conversion
                Object content = wrapped.getBody();
                if (content == null || content instanceof WrappedFile) {
                    content = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, wrapped);
                }
                return bytes(exchange, option, source, content, maxBytes, charset, maxCharacters);
            }
        } catch (IOException | org.apache.camel.NoTypeConversionAvailableException e) {
            throw new PixazoValidationException(option, null, source + " cannot be read: " + e.getMessage());
        }
        throw new PixazoValidationException(option, value.getClass().getName(), notText(option, source));
    }

    private static String notText(String option, String source) {
        String what = source + " is not text: send a String, bytes, a stream or a file";
        if (option.equals("prompt")) {
            return what + ". To take the prompt from a field of this body, put it in the header CamelPixazoPrompt first,"
                   + " e.g. .setHeader(\"CamelPixazoPrompt\", simple(\"${body[prompt]}\")) for a Map or"
                   + " simple(\"${body.prompt}\") for a bean.";
        }
        return what + " holding the request id, or set the header CamelPixazoRequestId.";
    }

    private static Charset charset(Exchange exchange) {
        String name = ExchangeHelper.getCharsetName(exchange, true);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new PixazoValidationException(Exchange.CHARSET_NAME, name, "is not a charset this JVM knows; use e.g."
                    + " UTF-8, ISO-8859-1, windows-1252 or UTF-16.");
        }
    }

    /** No text of maxCharacters characters takes more bytes than this in the charset (plus a byte-order mark). */
    private static long maxBytes(Charset charset, int maxCharacters) {
        double perChar = WORST_BYTES_PER_CHARACTER;
        if (charset.canEncode()) {
            // per UTF-16 unit; a character outside the BMP is two units
            perChar = Math.ceil(charset.newEncoder().maxBytesPerChar()) * 2;
        }
        return (long) (perChar * maxCharacters) + 4;
    }

    private static byte[] fromStreamCache(String option, String source, StreamCache cache, long maxBytes,
                                          Charset charset, int maxCharacters) throws IOException {
        cache.reset();
        try {
            if (cache instanceof InputStream in) {
                return readBounded(option, source, in, maxBytes, charset, maxCharacters);
            }
            BoundedBuffer out = new BoundedBuffer(maxBytes);
            cache.writeTo(out);
            if (out.exceeded) {
                throw tooLong(option, source, maxBytes, charset, maxCharacters);
            }
            return out.toByteArray();
        } finally {
            cache.reset(); // the body stays readable for the rest of the route
        }
    }

    private static byte[] fromPath(String option, String source, Path path, long maxBytes, Charset charset,
                                   int maxCharacters) throws IOException {
        RegularFiles.require(option, source, path);
        if (Files.size(path) > maxBytes) {
            throw tooLong(option, source, maxBytes, charset, maxCharacters);
        }
        return Files.readAllBytes(path);
    }

    private static byte[] readBounded(String option, String source, InputStream in, long maxBytes, Charset charset,
                                      int maxCharacters) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLong(option, source, maxBytes, charset, maxCharacters);
        }
        return bytes;
    }

    private static String readBounded(String option, String source, Reader reader, int maxCharacters) {
        try {
            int limit = maxCharacters * 2 + 1; // UTF-16 units
            CharBuffer buffer = CharBuffer.allocate(limit + 1);
            while (buffer.hasRemaining() && reader.read(buffer) >= 0) {
                // keep reading until full or at the end
            }
            if (buffer.position() > limit) {
                throw new PixazoValidationException(option, source + " (more than " + limit + " characters)",
                        "is longer than the " + maxCharacters + " characters accepted.");
            }
            return buffer.flip().toString();
        } catch (IOException e) {
            throw new PixazoValidationException(option, null, source + " cannot be read: " + e.getMessage());
        }
    }

    private static PixazoValidationException tooLong(String option, String source, long maxBytes, Charset charset,
                                                     int maxCharacters) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        return new PixazoValidationException(option, source + " (more than " + number.format(maxBytes) + " bytes)",
                "holds more bytes than any text of " + number.format(maxCharacters) + " characters takes in "
                + charset.name() + ", the most accepted; it was not read further. Shorten it.");
    }

    private static String decode(String option, String source, byte[] bytes, Charset charset) {
        String unicodeBom = unicodeByteOrderMark(bytes);
        if (unicodeBom != null && !charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-")) {
            throw new PixazoValidationException(option, bytes, source + " starts with a " + unicodeBom
                    + " byte-order mark but is decoded as " + charset.name() + " (CamelCharsetName): set"
                    + " CamelCharsetName to " + unicodeBom + ", or remove it to read UTF-8.");
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return withoutByteOrderMark(decoder.decode(in).toString());
        } catch (CharacterCodingException notText) {
            int offset = in.position();
            String near = hex(bytes, offset, 4);
            throw new PixazoValidationException(option, bytes, source + " is not text in charset " + charset.name()
                    + ": the bytes at offset " + offset + " (" + near + ") are not valid " + charset.name() + "."
                    + (option.equals("prompt") ? looksLike(bytes) : "") + " If it is text in another charset, name it in the header or exchange"
                    + " property CamelCharsetName (a file: endpoint sets it from its charset option).");
        }
    }

    private static String looksLike(byte[] bytes) {
        return ImageFormat.sniff(bytes).map(format -> " It looks like a " + format.value().toUpperCase(Locale.ROOT)
                + " image: to send an image, use pixazo:edit with the prompt in the option or header.").orElse("");
    }

    /** The Unicode charset whose byte-order mark the bytes start with, or null. */
    private static String unicodeByteOrderMark(byte[] bytes) {
        for (Map.Entry<String, byte[]> bom : BYTE_ORDER_MARKS.entrySet()) {
            byte[] mark = bom.getValue();
            if (bytes.length >= mark.length && Arrays.equals(bytes, 0, mark.length, mark, 0, mark.length)) {
                return bom.getKey();
            }
        }
        return null;
    }

    /** A text's leading byte-order mark (U+FEFF) is an encoding artefact, never part of a prompt or id. */
    static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static String hex(byte[] bytes, int offset, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + count); i++) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
        }
        return text.length() == 0 ? "end of input" : text.toString();
    }

    /** Collects what a StreamCache writes, up to a limit, and notes when the limit was passed. */
    private static final class BoundedBuffer extends OutputStream {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final long limit;
        private boolean exceeded;

        BoundedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (exceeded || bytes.size() + (long) len > limit) {
                exceeded = true; // keep accepting: a StreamCache gives no way to stop its copy early
                return;
            }
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
