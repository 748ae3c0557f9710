package io.github.camelpixazo;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code pixazo:} component. Input headers override the endpoint's options for one message;
 * output headers describe the job and its result.
 * <p>
 * Camel 4.18's catalog has no field for a header's direction, so the labels carry it: {@code producer,input} marks a
 * header the producer reads, {@code producer,output} one it sets, {@code producer,input,output} one that is both (the
 * group tooling shows is the last label). Headers a future consumer sets will carry {@code consumer}, as in Camel's own
 * components. {@code CatalogTest} holds every header to this.
 */
public final class PixazoConstants {

    // --- per-message overrides (input) ---

    @Metadata(label = "producer,input", displayName = "Prompt", important = true, javaType = "String",
              description = "The prompt; wins over the option prompt and, for generate, over the message body.")
    public static final String PROMPT = "CamelPixazoPrompt";

    @Metadata(label = "producer,input,output", displayName = "Model", javaType = "String",
              enums = "gpt-image-2,gpt-image-1.5",
              description = "Input: the model for this message. Output: the model that made the result.")
    public static final String MODEL = "CamelPixazoModel";

    @Metadata(label = "producer,input", displayName = "Number of Images", javaType = "Integer",
              description = "The number of images, 1 to 10 (only 1 on EvoLink).")
    public static final String N = "CamelPixazoN";

    @Metadata(label = "producer,input", displayName = "Size", important = true, javaType = "String",
              description = "The output size: auto, a preset (1024x1024, 1024x1536, 1536x1024, 2048x2048, 2048x1152,"
                            + " 2160x3840, 3840x2160), a custom WIDTHxHEIGHT (gpt-image-2) or an aspect ratio 1:1, 2:3"
                            + " or 3:2 (EvoLink).")
    public static final String SIZE = "CamelPixazoSize";

    @Metadata(label = "producer,input", displayName = "Quality", important = true, javaType = "String",
              enums = "low,medium,high,auto", description = "The rendering quality.")
    public static final String QUALITY = "CamelPixazoQuality";

    @Metadata(label = "producer,input", displayName = "Format", javaType = "String", enums = "png,jpeg,webp",
              description = "The output file format.")
    public static final String FORMAT = "CamelPixazoFormat";

    @Metadata(label = "producer,input", displayName = "Output Compression", javaType = "Integer",
              description = "The jpeg/webp compression level, 0 to 100.")
    public static final String OUTPUT_COMPRESSION = "CamelPixazoOutputCompression";

    @Metadata(label = "producer,input", displayName = "Background", javaType = "String",
              enums = "opaque,auto,transparent", description = "The background handling.")
    public static final String BACKGROUND = "CamelPixazoBackground";

    @Metadata(label = "producer,input", displayName = "Moderation", javaType = "String", enums = "auto,low",
              description = "The content moderation strictness.")
    public static final String MODERATION = "CamelPixazoModeration";

    @Metadata(label = "producer,input", displayName = "Mask", javaType = "Object",
              description = "edit only: the mask PNG as a byte array, InputStream, java.io.File, java.nio.file.Path or"
                            + " the GenericFile of a file or ftp consumer, or a String holding an https URL or a data:"
                            + " URI. Removed from the message by the call that used it.")
    public static final String MASK = "CamelPixazoMask";

    // --- results (output) ---

    @Metadata(label = "producer,input,output", displayName = "Request ID", important = true, javaType = "String",
              description = "Output: the gateway's request id of the job (Pixazo's request_id, Pixapi's and EvoLink's"
                            + " task id; a synchronous Pixapi answer has none, so it is a local id: pixapi-sync- and a UUID). Input"
                            + " of the status operation: the request id to query (otherwise the body).")
    public static final String REQUEST_ID = "CamelPixazoRequestId";

    @Metadata(label = "producer,output", displayName = "Status", important = true, javaType = "String",
              enums = "QUEUED,PROCESSING,COMPLETED,FAILED,ERROR,UNKNOWN",
              description = "Output: the job status. UNKNOWN stands for a status the gateway added after this"
                            + " version of the component.")
    public static final String STATUS = "CamelPixazoStatus";

    @Metadata(label = "producer,output", displayName = "Progress", javaType = "Integer",
              description = "Output: how far the job is, 0 to 100, where the gateway reports it (EvoLink's progress)"
                            + " on a status result (pixazo:status, and the waiting producer's last status); absent when"
                            + " the gateway does not say (Pixazo, Pixapi).")
    public static final String PROGRESS = "CamelPixazoProgress";

    @Metadata(label = "producer,output", displayName = "Gateway", javaType = "String", enums = "pixazo,pixapi,evolink",
              description = "Output: the gateway that took the job (the endpoint's option gateway): query it there"
                            + " with pixazo:status.")
    public static final String GATEWAY = "CamelPixazoGateway";

    @Metadata(label = "producer,output", displayName = "Media URLs", javaType = "java.util.List<String>",
              description = "Output: the URLs of the job's images (they expire); empty when the gateway returned the"
                            + " images inline (Pixapi with resultDelivery=inline).")
    public static final String MEDIA_URLS = "CamelPixazoMediaUrls";

    @Metadata(label = "producer,output", displayName = "Media Type", javaType = "String",
              description = "Output: the MIME type of the images: sniffed from the downloaded bytes, otherwise as the"
                            + " gateway announced it.")
    public static final String MEDIA_TYPE = "CamelPixazoMediaType";

    @Metadata(label = "producer,output", displayName = "Error", javaType = "String",
              description = "Output of the status operation: the gateway's error text of a FAILED or ERROR job. A"
                            + " cancelled EvoLink task is FAILED with a text starting with 'cancelled'.")
    public static final String ERROR = "CamelPixazoError";

    @Metadata(label = "producer,output", displayName = "Image Index", javaType = "Integer",
              description = "Output, for each image message of a result with n above 1: its position, starting at 1.")
    public static final String IMAGE_INDEX = "CamelPixazoImageIndex";

    @Metadata(label = "producer,output", displayName = "File Name", important = true, javaType = "String",
              description = "Output: requestId.ext for one image (e.g. gpt-image-2_019d...png), requestId-index.ext for"
                            + " each image message when n is above 1, so that a file or ftp endpoint writes a correctly"
                            + " named file.")
    public static final String FILE_NAME = "CamelFileName";

    @Metadata(label = "producer,output", displayName = "Content Type", javaType = "String",
              description = "Output: the MIME type of the image body.")
    public static final String CONTENT_TYPE = "Content-Type";

    private PixazoConstants() {
    }
}
