package io.github.camelpixazo.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one gateway documents for one model, in the user's vocabulary: the operations, how many images, which sizes
 * and option values, which kinds of input image, webhooks, the prompt limit. {@link ImageRequestValidator} checks a
 * request against it before anything is sent, and the gateway pages in docs/gateways are checked against it, so the
 * rules live in one table per gateway (its {@code ImageGateway} class). An empty set means the option is not
 * accepted at all on this gateway for this model.
 *
 * @param source           the reference file (or gateway-facts.md line) the rules come from
 * @param customSizes      whether any WIDTHxHEIGHT within GPT Image 2's custom-size rules is accepted (both sides
 *                         multiples of 16, 655,360 to 8,294,400 pixels, longest edge at most 3840, aspect ratio at
 *                         most 3:1) besides the listed {@code sizes}
 * @param maxWebhookUrlLength the longest webhook URL accepted, 0 for no documented limit
 * @param webhookPublicHostsOnly whether the gateway refuses webhook URLs on loopback and private addresses
 * @param notes            per option, what the rule rests on when it is not a plain fact of {@code source} (an
 *                         assumption of gateway-facts.md, the models' own limit), for the gateway pages
 */
public record ModelSupport(
        ImageModel model,
        String source,
        Set<ImageOperation> operations,
        int maxN,
        List<ImageSize> sizes,
        boolean customSizes,
        Set<ImageQuality> qualities,
        Set<OutputFormat> formats,
        boolean outputCompression,
        Set<ImageBackground> backgrounds,
        Set<Moderation> moderations,
        Set<InputKind> inputKinds,
        int maxInputImages,
        boolean mask,
        Set<WebhookMode> webhookModes,
        int maxWebhookUrlLength,
        boolean webhookPublicHostsOnly,
        boolean synchronous,
        Set<ResultDelivery> resultDeliveries,
        PromptLimit promptLimit,
        Map<ImageOption, String> notes) {

    public ModelSupport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(promptLimit, "promptLimit");
        operations = Collections.unmodifiableSet(copy(operations, ImageOperation.class));
        sizes = List.copyOf(sizes);
        qualities = Collections.unmodifiableSet(copy(qualities, ImageQuality.class));
        formats = Collections.unmodifiableSet(copy(formats, OutputFormat.class));
        backgrounds = Collections.unmodifiableSet(copy(backgrounds, ImageBackground.class));
        moderations = Collections.unmodifiableSet(copy(moderations, Moderation.class));
        inputKinds = Collections.unmodifiableSet(copy(inputKinds, InputKind.class));
        webhookModes = Collections.unmodifiableSet(copy(webhookModes, WebhookMode.class));
        resultDeliveries = Collections.unmodifiableSet(copy(resultDeliveries, ResultDelivery.class));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }

    /** Whether the option can be set at all for this model on this gateway. */
    public boolean accepts(ImageOption option) {
        return switch (option) {
            case MODEL, PROMPT -> true;
            case N -> maxN >= 1;
            case SIZE -> !sizes.isEmpty() || customSizes;
            case QUALITY -> !qualities.isEmpty();
            case FORMAT -> !formats.isEmpty();
            case OUTPUT_COMPRESSION -> outputCompression;
            case BACKGROUND -> !backgrounds.isEmpty();
            case MODERATION -> !moderations.isEmpty();
            case IMAGE -> operations.contains(ImageOperation.EDIT) && !inputKinds.isEmpty();
            case MASK -> mask;
            case WEBHOOK_URL -> !webhookModes.isEmpty();
            case WEBHOOK_MODE -> webhookModes.size() > 1;
            case RESULT_DELIVERY -> !resultDeliveries.isEmpty();
            case SYNCHRONOUS -> synchronous;
        };
    }

    /** The listed sizes, comma separated, for messages and docs. */
    public String sizeList() {
        List<String> texts = new ArrayList<>();
        sizes.forEach(size -> texts.add(size.toString()));
        return String.join(", ", texts);
    }

    /** A table for {@code model}, its rules taken from {@code source} (a reference file). */
    public static Builder builder(ImageModel model, String source) {
        return new Builder(model, source);
    }

    /** Starts with nothing accepted but the prompt; each call adds what the gateway documents. */
    public static final class Builder {
        private final ImageModel model;
        private final String source;
        private Set<ImageOperation> operations = EnumSet.of(ImageOperation.GENERATE);
        private int maxN;
        private List<ImageSize> sizes = List.of();
        private boolean customSizes;
        private Set<ImageQuality> qualities = Set.of();
        private Set<OutputFormat> formats = Set.of();
        private boolean outputCompression;
        private Set<ImageBackground> backgrounds = Set.of();
        private Set<Moderation> moderations = Set.of();
        private Set<InputKind> inputKinds = Set.of();
        private int maxInputImages;
        private boolean mask;
        private Set<WebhookMode> webhookModes = Set.of();
        private int maxWebhookUrlLength;
        private boolean webhookPublicHostsOnly;
        private boolean synchronous;
        private Set<ResultDelivery> resultDeliveries = Set.of();
        private PromptLimit promptLimit;
        private final Map<ImageOption, String> notes = new LinkedHashMap<>();

        private Builder(ImageModel model, String source) {
            this.model = model;
            this.source = source;
        }

        /** The operations documented for the model (default: generate only). */
        public Builder operations(ImageOperation... operations) {
            this.operations = Set.of(operations);
            return this;
        }

        /** The most images one job may make ({@code n} from 1 to this). */
        public Builder maxN(int maxN) {
            this.maxN = maxN;
            return this;
        }

        /** The sizes listed (auto, presets, aspect ratios), in the order messages and docs show them. */
        public Builder sizes(List<ImageSize> sizes) {
            this.sizes = sizes;
            return this;
        }

        /** Any WIDTHxHEIGHT within GPT Image 2's custom-size rules is accepted too. */
        public Builder customSizes() {
            this.customSizes = true;
            return this;
        }

        /** The {@code quality} values documented. */
        public Builder qualities(ImageQuality... qualities) {
            this.qualities = Set.of(qualities);
            return this;
        }

        /** The {@code format} values documented. */
        public Builder formats(OutputFormat... formats) {
            this.formats = Set.of(formats);
            return this;
        }

        /** {@code outputCompression} is documented. */
        public Builder outputCompression() {
            this.outputCompression = true;
            return this;
        }

        /** The {@code background} values documented. */
        public Builder backgrounds(ImageBackground... backgrounds) {
            this.backgrounds = Set.of(backgrounds);
            return this;
        }

        /** The {@code moderation} values documented. */
        public Builder moderations(Moderation... moderations) {
            this.moderations = Set.of(moderations);
            return this;
        }

        /** The kinds of edit input accepted and how many images one edit may combine. */
        public Builder inputs(int maxInputImages, InputKind... kinds) {
            this.maxInputImages = maxInputImages;
            this.inputKinds = Set.of(kinds);
            return this;
        }

        /** A mask is documented for edits. */
        public Builder mask() {
            this.mask = true;
            return this;
        }

        /** Webhooks, with the modes the gateway knows; {@code maxUrlLength} 0 for no documented limit. */
        public Builder webhooks(int maxUrlLength, boolean publicHostsOnly, WebhookMode... modes) {
            this.webhookModes = Set.of(modes);
            this.maxWebhookUrlLength = maxUrlLength;
            this.webhookPublicHostsOnly = publicHostsOnly;
            return this;
        }

        /** The gateway has synchronous endpoints. */
        public Builder synchronous() {
            this.synchronous = true;
            return this;
        }

        /** How the images may be handed back, where the client chooses. */
        public Builder resultDeliveries(ResultDelivery... deliveries) {
            this.resultDeliveries = Set.of(deliveries);
            return this;
        }

        /** The longest prompt, and where that number comes from. */
        public Builder promptLimit(PromptLimit promptLimit) {
            this.promptLimit = promptLimit;
            return this;
        }

        /** What the rule for {@code option} rests on, when it is not a plain fact of the source. */
        public Builder note(ImageOption option, String note) {
            this.notes.put(option, note);
            return this;
        }

        /** The table. */
        public ModelSupport build() {
            return new ModelSupport(model, source, operations, maxN, sizes, customSizes, qualities, formats,
                    outputCompression, backgrounds, moderations, inputKinds, maxInputImages, mask, webhookModes,
                    maxWebhookUrlLength, webhookPublicHostsOnly, synchronous, resultDeliveries, promptLimit, notes);
        }
    }
}
