package io.github.promptscope.search;

import java.util.List;

/** The prompt searches by name, for command lines, sweeps and notebooks. */
public final class Methods {

    public static final List<String> NAMES = List.of("iprompt", "suffix", "autoprompt");

    private Methods() {}

    public static PromptSearch create(String name, IPromptConfig config) {
        return switch (name) {
            case "iprompt" -> new IPrompt(config);
            case "suffix" -> new SuffixSearch(config.numLearnedTokens(), config.seed());
            case "autoprompt" -> AutoPrompt.defaults(config);
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known: " + NAMES);
        };
    }

    /** The version of a method's algorithm ({@link IPrompt#ALGORITHM}), part of every run record's id. */
    public static String algorithm(String name) {
        return switch (name) {
            case "iprompt" -> IPrompt.ALGORITHM;
            case "suffix" -> SuffixSearch.ALGORITHM;
            case "autoprompt" -> AutoPrompt.ALGORITHM;
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known: " + NAMES);
        };
    }
}
