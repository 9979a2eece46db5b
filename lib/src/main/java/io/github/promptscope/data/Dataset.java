package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable task dataset: examples split into train and test, with the ground truth that judges
 * an explanation found on it.
 *
 * <p>Build one with {@link #builder(TaskInfo)}; generated tasks come from {@link Datasets#get}.
 *
 * @param info     name, ground-truth description, recovery keywords, source
 * @param template the layout the examples were formatted with
 * @param train    examples a search may look at
 * @param test     held-out examples (disjoint base examples; the paper's few-shot rows reuse them)
 * @param seed     the seed that generated and shuffled the examples
 */
public record Dataset(TaskInfo info, ExampleTemplate template, List<Example> train, List<Example> test, long seed) {

    public Dataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(template, "template");
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() && test.isEmpty()) {
            throw new DataException("dataset " + info.name() + " has no examples");
        }
    }

    public static DatasetBuilder builder(TaskInfo info) {
        return new DatasetBuilder(info);
    }

    public String name() {
        return info.name();
    }

    public String description() {
        return info.description();
    }

    public Pattern keywords() {
        return info.keywordPattern();
    }

    /** Train then test examples. */
    public List<Example> examples() {
        List<Example> all = new ArrayList<>(train.size() + test.size());
        all.addAll(train);
        all.addAll(test);
        return List.copyOf(all);
    }

    public List<String> inputs() {
        return examples().stream().map(Example::input).toList();
    }

    public List<String> outputs() {
        return examples().stream().map(Example::output).toList();
    }

    public int size() {
        return train.size() + test.size();
    }
}
