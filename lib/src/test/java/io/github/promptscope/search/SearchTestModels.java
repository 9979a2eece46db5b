package io.github.promptscope.search;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.nio.file.Path;
import java.util.List;

/** A tiny random checkpoint and a small task for exercising the searches' mechanics quickly. */
final class SearchTestModels {

    private static LanguageModel model;
    private static LanguageModel defaultModel;

    private SearchTestModels() {}

    static synchronized LanguageModel tiny() {
        if (model == null) {
            try {
                model = LanguageModel.load(Path.of(SearchTestModels.class.getResource("/fixtures/gpt2-lmhead").toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return model;
    }

    /** {@code models/default}: a trained model, so scores and greedy answers mean something. */
    static synchronized LanguageModel defaultModel() {
        if (defaultModel == null) {
            defaultModel = LanguageModel.loadDefault();
        }
        return defaultModel;
    }

    static List<Example> addTwo() {
        System.setProperty("promptscope.progress", "off");
        Dataset d = Datasets.get("add_two", 0, 20);
        return d.train();
    }

    static List<String> inputs(List<Example> xs) {
        return xs.stream().map(Example::input).toList();
    }

    static List<String> outputs(List<Example> xs) {
        return xs.stream().map(Example::output).toList();
    }
}
