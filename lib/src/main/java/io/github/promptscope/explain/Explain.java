package io.github.promptscope.explain;

import io.github.promptscope.search.AutoPrompt;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPrompt;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.Methods;
import io.github.promptscope.search.PromptSearch;
import io.github.promptscope.search.SearchResult;
import io.github.promptscope.search.SuffixSearch;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.List;

/**
 * One call explains a dataset (or a neuron, {@link #neuron}):
 *
 * <pre>{@code
 * SearchResult r = Explain.dataset(inputs, outputs).with(model).iprompt();
 * r.best().text();   // e.g. " Return the sum of the inputs"
 * }</pre>
 *
 * The same builder runs the baselines ({@link Builder#suffix}, {@link Builder#autoprompt}) on the
 * same data, so comparing methods changes one word. Without {@code with(model)} the default model
 * is loaded; without {@code config(...)} and {@code budget(...)} the quick preset runs for its
 * {@link IPromptConfig#QUICK_STEPS} steps.
 */
public final class Explain {

    private Explain() {}

    /**
     * Explains MLP neuron {@code neuron} of {@code layer} (Bills et al.; Lee et al.'s prompts): collects its
     * record from the generated corpus, explains it with the Summary prompt on the model itself and scores
     * the explanation with its all-at-once simulator; every step can be changed on the builder.
     *
     * <pre>{@code
     * NeuronExplanation e = Explain.neuron(model, 1, 7).documents(500).run();
     * e.summary();   // the explanation, its three correlations, its tokens
     * }</pre>
     */
    public static NeuronBuilder neuron(LanguageModel model, int layer, int neuron) {
        return new NeuronBuilder(model, layer, neuron);
    }

    public static Builder dataset(List<String> inputs, List<String> outputs) {
        return new Builder(inputs, outputs);
    }

    /** The training examples of a generated or loaded dataset (the test examples stay held out). */
    public static Builder dataset(Dataset d) {
        List<Example> train = d.train().isEmpty() ? d.test() : d.train();
        return new Builder(train.stream().map(Example::input).toList(), train.stream().map(Example::output).toList());
    }

    /** Settings for one explanation; each method call runs a search. */
    public static final class Builder {
        private final List<String> inputs;
        private final List<String> outputs;
        private LanguageModel model;
        private IPromptConfig config = IPromptConfig.quick();
        private Budget budget = Budget.steps(IPromptConfig.QUICK_STEPS);

        private Builder(List<String> inputs, List<String> outputs) {
            this.inputs = List.copyOf(inputs);
            this.outputs = List.copyOf(outputs);
        }

        public Builder with(LanguageModel m) {
            this.model = m;
            return this;
        }

        /** iPrompt settings, also used by the baselines for what they share (prompt length, batch, seed). */
        public Builder config(IPromptConfig c) {
            this.config = c;
            return this;
        }

        public Builder seed(long seed) {
            this.config = config.toBuilder().seed(seed).build();
            return this;
        }

        public Builder budget(Budget b) {
            this.budget = b;
            return this;
        }

        public SearchResult iprompt() {
            return run(new IPrompt(config));
        }

        public SearchResult suffix() {
            return run(new SuffixSearch(config.numLearnedTokens(), config.seed()));
        }

        public SearchResult autoprompt() {
            return run(AutoPrompt.defaults(config));
        }

        /** Runs a method by name: iprompt, suffix or autoprompt. */
        public SearchResult method(String name) {
            return run(Methods.create(name, config));
        }

        public SearchResult run(PromptSearch search) {
            if (model != null) {
                return search.search(model, inputs, outputs, budget);
            }
            try (LanguageModel m = LanguageModel.loadDefault()) {
                return search.search(m, inputs, outputs, budget);
            }
        }
    }
}
