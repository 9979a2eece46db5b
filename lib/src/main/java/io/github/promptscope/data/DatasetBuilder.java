package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Fluent construction of a {@link Dataset}: shuffle with a seed, then cut into train and test.
 *
 * <pre>{@code
 * Dataset d = Dataset.builder(info).template(ExampleTemplate.LANGUAGE)
 *                    .examples(list).seed(1).trainFraction(0.75).build();
 * }</pre>
 */
public final class DatasetBuilder {

    private final TaskInfo info;
    private ExampleTemplate template = ExampleTemplate.LANGUAGE;
    private List<Example> examples = List.of();
    private long seed = 0;
    private double trainFraction = Task.DEFAULT_TRAIN_FRACTION;
    private boolean shuffle = true;

    DatasetBuilder(TaskInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    public DatasetBuilder template(ExampleTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        return this;
    }

    public DatasetBuilder examples(List<Example> examples) {
        this.examples = List.copyOf(examples);
        return this;
    }

    public DatasetBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Fraction of examples in train, in (0, 1]; 1 puts everything in train. */
    public DatasetBuilder trainFraction(double trainFraction) {
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new DataException("trainFraction must be in (0, 1], got " + trainFraction);
        }
        this.trainFraction = trainFraction;
        return this;
    }

    /** Keep the given order (e.g. a file that is already a split); shuffling is on by default. */
    public DatasetBuilder keepOrder() {
        this.shuffle = false;
        return this;
    }

    public Dataset build() {
        if (examples.isEmpty()) {
            throw new DataException("dataset " + info.name() + " has no examples");
        }
        List<Example> order = new ArrayList<>(examples);
        if (shuffle) {
            // java.util.Random keeps the order identical on every JDK for a given seed.
            Collections.shuffle(order, new Random(seed));
        }
        int nTrain = (int) Math.floor(trainFraction * order.size());
        if (nTrain == 0) {
            nTrain = 1; // a single example still gives a usable train set
        }
        return new Dataset(info, template, order.subList(0, nTrain), order.subList(nTrain, order.size()), seed);
    }
}
