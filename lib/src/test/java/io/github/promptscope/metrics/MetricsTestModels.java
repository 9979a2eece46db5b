package io.github.promptscope.metrics;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.List;

/**
 * What the held-out metric tests share: the shipped default model, loaded once per test JVM (a trained model, so
 * greedy answers mean something), and add_two's held-out rows.
 */
final class MetricsTestModels {

    private static LanguageModel defaultModel;

    private MetricsTestModels() {}

    /** {@code models/default}; left open for the JVM's lifetime, as several test classes use it. */
    static synchronized LanguageModel defaultModel() {
        if (defaultModel == null) {
            defaultModel = LanguageModel.loadDefault();
        }
        return defaultModel;
    }

    /** add_two's 25 test rows for seed 1 (100 examples): the rows a seed-1 search never saw. */
    static List<Example> addTwoHeldOut() {
        return Datasets.get("add_two", 1, 100).test();
    }
}
