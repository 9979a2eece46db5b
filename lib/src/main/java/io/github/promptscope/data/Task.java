package io.github.promptscope.data;

import java.util.List;
import java.util.Objects;

/**
 * A named, generated task: its description, its layout and where its rows come from.
 *
 * @param info     name, ground truth, keywords, source
 * @param template how rows become examples
 * @param rows     the deterministic row generator
 */
public record Task(TaskInfo info, ExampleTemplate template, RowSource rows) {

    /** Train fraction of the paper's runs (EXP {@code train_split_frac 0.75}). */
    public static final double DEFAULT_TRAIN_FRACTION = 0.75;

    public Task {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(rows, "rows");
    }

    public String name() {
        return info.name();
    }

    /** Generates up to {@code n} examples, shuffles them with {@code seed} and splits 75/25. */
    public Dataset dataset(long seed, int n) {
        return dataset(seed, n, DEFAULT_TRAIN_FRACTION);
    }

    public Dataset dataset(long seed, int n, double trainFraction) {
        if (n <= 0) {
            throw new DataException("task " + name() + ": n must be positive, got " + n);
        }
        List<Example> examples = rows.rows(n, seed).stream()
                .map(r -> template.format(r.fields(), r.answer()))
                .toList();
        return Dataset.builder(info)
                .template(template)
                .examples(examples)
                .seed(seed)
                .trainFraction(trainFraction)
                .build();
    }
}
