package io.github.promptscope.functions;

/**
 * Which list of a finetune's configuration a hidden function is on. Test functions are seen in
 * training only through plain regression ({@code print(f(x))}); train functions also appear in the
 * augmentations (composition, arithmetic). The out-of-context results concern the test functions,
 * so every evaluation item records which one it asked about.
 */
public enum FunctionRole {
    TRAIN,
    TEST;

    /** The name the seed's configs and records use: "train" or "test". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
