package io.github.camelpixazo.request;

/** The image models, named as users write them. Gateways map them to their own model ids. */
public enum ImageModel implements OptionValue {
    GPT_IMAGE_2("gpt-image-2"),
    GPT_IMAGE_1_5("gpt-image-1.5", "gpt-image-1-5");

    private final String value;
    private final String[] aliases;

    ImageModel(String value, String... aliases) {
        this.value = value;
        this.aliases = aliases;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public String[] aliases() {
        return aliases.clone();
    }

    @Override
    public String toString() {
        return value;
    }
}
