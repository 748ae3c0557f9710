package io.github.camelpixazo;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code pixazo:} component. Input headers override the endpoint's options for one message;
 * output headers describe the job and its result.
 */
public final class PixazoConstants {

    // --- per-message overrides (input) ---

    @Metadata(label = "producer", description = "The prompt; wins over the option prompt and, for generate, over the"
                                                + " message body.", javaType = "String")
    public static final String PROMPT = "CamelPixazoPrompt";

    @Metadata(label = "producer", description = "Input: the model for this message (gpt-image-2 or gpt-image-1.5)."
                                                + " Output: the model that made the result.", javaType = "String")
    public static final String MODEL = "CamelPixazoModel";

    @Metadata(label = "producer", description = "The number of images, 1 to 10.", javaType = "Integer")
    public static final String N = "CamelPixazoN";

    @Metadata(label = "producer", description = "The output size (auto, a preset or WIDTHxHEIGHT).", javaType = "String")
    public static final String SIZE = "CamelPixazoSize";

    @Metadata(label = "producer", description = "The rendering quality (low, medium, high, auto).", javaType = "String")
    public static final String QUALITY = "CamelPixazoQuality";

    @Metadata(label = "producer", description = "The output format (png, jpeg, webp).", javaType = "String")
    public static final String FORMAT = "CamelPixazoFormat";

    @Metadata(label = "producer", description = "The jpeg/webp compression level, 0 to 100.", javaType = "Integer")
    public static final String OUTPUT_COMPRESSION = "CamelPixazoOutputCompression";

    @Metadata(label = "producer", description = "The background (opaque, auto, transparent).", javaType = "String")
    public static final String BACKGROUND = "CamelPixazoBackground";

    @Metadata(label = "producer", description = "The moderation strictness (auto, low).", javaType = "String")
    public static final String MODERATION = "CamelPixazoModeration";

    @Metadata(label = "producer", description = "edit only: the mask as PNG bytes (byte[], InputStream, File, ...), or a"
                                                + " String holding an https URL or a data: URI.", javaType = "byte[]")
    public static final String MASK = "CamelPixazoMask";

    // --- results (output) ---

    @Metadata(label = "producer", description = "Output: the gateway's request id of the job. Input of the status"
                                                + " operation: the request id to query (otherwise the body).",
              javaType = "String")
    public static final String REQUEST_ID = "CamelPixazoRequestId";

    @Metadata(label = "producer", description = "Output: the job status (QUEUED, PROCESSING, COMPLETED, FAILED, ERROR).",
              javaType = "String")
    public static final String STATUS = "CamelPixazoStatus";

    @Metadata(label = "producer", description = "Output: the URLs of the job's images (they expire).",
              javaType = "java.util.List<String>")
    public static final String MEDIA_URLS = "CamelPixazoMediaUrls";

    @Metadata(label = "producer", description = "Output: the MIME type of the images: sniffed from the downloaded bytes,"
                                                + " otherwise as the gateway announced it.", javaType = "String")
    public static final String MEDIA_TYPE = "CamelPixazoMediaType";

    @Metadata(label = "producer", description = "Output of the status operation: the gateway's error text of a FAILED"
                                                + " or ERROR job.", javaType = "String")
    public static final String ERROR = "CamelPixazoError";

    @Metadata(label = "producer", description = "Output, for each image message of a result with n above 1: its position,"
                                                + " starting at 1.", javaType = "Integer")
    public static final String IMAGE_INDEX = "CamelPixazoImageIndex";

    @Metadata(label = "producer", description = "Output: requestId.ext for one image (e.g. gpt-image-2_019d...png), requestId-index.ext"
                                                + " for each image message when n is above 1, so that a file or ftp endpoint"
                                                + " writes a correctly named file.", javaType = "String")
    public static final String FILE_NAME = "CamelFileName";

    @Metadata(label = "producer", description = "Output: the MIME type of the image body.", javaType = "String")
    public static final String CONTENT_TYPE = "Content-Type";

    private PixazoConstants() {
    }
}
