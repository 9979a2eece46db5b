package io.github.promptscope.cli;

import io.github.promptscope.neurons.NeuronExplainer;
import io.github.promptscope.neurons.PromptStyle;
import io.github.promptscope.neurons.PromptStyles;
import io.github.promptscope.neurons.TokenLookupExplainer;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What {@code --prompt} names in {@code neurons explain} and {@code neurons puzzles}: an LM prompt
 * style (original, summary, highlight, highlight-summary, avhs), run on {@code --explainer}, or a
 * non-LLM baseline explainer, which needs no model.
 */
final class ExplainerChoice {

    /** The baselines by their {@code --prompt} name; a baseline explainer registers here with one line. */
    private static final Map<String, Supplier<NeuronExplainer>> BASELINES = new TreeMap<>(Map.of(
            "token-lookup", TokenLookupExplainer::new));

    private final String name;
    private final PromptStyle style;

    private ExplainerChoice(String name, PromptStyle style) {
        this.name = name;
        this.style = style;
    }

    static ExplainerChoice parse(String prompt) {
        String name = prompt.strip().toLowerCase(Locale.ROOT);
        if (BASELINES.containsKey(name)) {
            return new ExplainerChoice(name, null);
        }
        for (PromptStyle s : PromptStyle.values()) {
            if (PromptStyles.cliName(s).equals(name)) {
                return new ExplainerChoice(name, s);
            }
        }
        throw new IllegalArgumentException("--prompt " + prompt + ": expected one of " + names());
    }

    static String names() {
        String baselines = String.join("|", BASELINES.keySet());
        return PromptStyles.names() + (baselines.isEmpty() ? "" : "|" + baselines);
    }

    String name() {
        return name;
    }

    /** The LM prompt style, or null for a baseline. */
    PromptStyle style() {
        return style;
    }

    NeuronExplainer baseline() {
        return BASELINES.get(name).get();
    }
}
