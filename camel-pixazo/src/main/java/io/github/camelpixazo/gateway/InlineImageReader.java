package io.github.camelpixazo.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelpixazo.http.SpooledReply;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.media.SpoolTarget;
import io.github.camelpixazo.media.SpoolWriter;
import io.github.camelpixazo.media.SpooledData;

/**
 * Reads an OpenAI-style images answer ({@code {"created", "data": [{"url"} | {"b64_json"}], ...}}, or a task carrying
 * such a {@code data} array) with Jackson's streaming parser: each {@code b64_json} value is decoded straight into
 * the spool with {@code readBinaryValue(OutputStream)}, so an image never sits in the heap as a base64 String (nor as
 * bytes, past the spool threshold). Every other top-level field is kept as a small JSON tree.
 */
final class InlineImageReader {

    /** What was read: the other fields, the URLs and the decoded images, in the order of {@code data}. */
    record Answer(ObjectNode fields, List<String> urls, List<DownloadedImage> images) {

        /** Deletes the decoded images (a failure after reading them). */
        void discard() {
            images.forEach(image -> image.data().delete());
        }
    }

    private InlineImageReader() {
    }

    /**
     * @param prefix names the spooled images' files (the request id, when known)
     * @throws IOException when the body is not one JSON object of that shape (what was decoded is deleted)
     */
    static Answer read(SpooledReply reply, SpoolTarget spool, String prefix) throws IOException {
        ObjectNode fields = GatewayJson.MAPPER.createObjectNode();
        List<String> urls = new ArrayList<>();
        List<DownloadedImage> images = new ArrayList<>();
        Answer answer = new Answer(fields, urls, images);
        try (InputStream in = reply.openBody(); JsonParser parser = GatewayJson.MAPPER.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("data".equals(name) && parser.currentToken() == JsonToken.START_ARRAY) {
                    readData(parser, spool, prefix, urls, images);
                } else {
                    JsonNode value = parser.readValueAsTree();
                    fields.set(name, value);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("the JSON object is cut off");
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            answer.discard();
            throw e;
        }
    }

    private static void readData(JsonParser parser, SpoolTarget spool, String prefix, List<String> urls,
                                 List<DownloadedImage> images) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("url".equals(name) && value == JsonToken.VALUE_STRING) {
                    urls.add(parser.getText());
                } else if ("b64_json".equals(name) && value == JsonToken.VALUE_STRING) {
                    images.add(decode(parser, spool, prefix, images.size() + 1));
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new IOException("data is not an array of objects");
        }
    }

    private static DownloadedImage decode(JsonParser parser, SpoolTarget spool, String prefix, int index)
            throws IOException {
        SpoolWriter writer = spool.writer(prefix + "-" + index, 64, -1);
        try {
            parser.readBinaryValue(writer.asOutputStream());
            SpooledData data = writer.finish();
            ImageFormat format = ImageFormat.sniff(data.head()).orElse(null);
            return new DownloadedImage("b64_json[" + (index - 1) + "]", data, format,
                    format != null ? format.mediaType() : "application/octet-stream");
        } catch (IOException | RuntimeException e) {
            writer.discard();
            throw e;
        }
    }
}
