package io.github.promptscope.cli;

import io.github.promptscope.data.DataException;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.Task;
import io.github.promptscope.data.UserDatasets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows {@code explain} hands to a search: the train split of a generated task, or a user's file
 * with its strings exactly as given (a layout only when {@code --layout} asks for one).
 *
 * @param name        dataset name shown and recorded
 * @param inputs      the inputs, in the order the search receives them
 * @param outputs     the matching outputs
 * @param groundTruth the description, or null when unknown
 * @param keywords    recovery regex, or null when unknown
 */
record ExplainData(String name, List<String> inputs, List<String> outputs, String groundTruth, Pattern keywords) {

    /** Train fraction for user files: every row, as imodelsX's {@code explain_dataset_iprompt} uses them. */
    static final double USER_TRAIN_FRACTION = 1.0;

    static ExplainData task(String task, long seed, int n, Double trainFraction, String layout) {
        if (layout != null && !layout.equals("none")) {
            throw new DataException("--layout applies to --jsonl and --inputs; task " + task
                    + " has its own layout (see 'promptscope datasets show " + task + "')");
        }
        Dataset d = Datasets.task(task).dataset(seed, n, trainFraction == null ? Task.DEFAULT_TRAIN_FRACTION : trainFraction);
        return of(d, d.description(), d.keywords());
    }

    static ExplainData jsonl(Path file, long seed, Double trainFraction, String layout) {
        return user(UserDatasets.jsonl(file), seed, trainFraction, layout);
    }

    static ExplainData lines(Path inputs, Path outputs, long seed, Double trainFraction, String layout) {
        if (outputs == null) {
            throw new DataException("--inputs needs --outputs");
        }
        return user(UserDatasets.lines(inputs, outputs), seed, trainFraction, layout);
    }

    private static ExplainData user(UserDatasets u, long seed, Double trainFraction, String layout) {
        Dataset d = u.layout(layout == null ? "none" : layout).seed(seed)
                .trainFraction(trainFraction == null ? USER_TRAIN_FRACTION : trainFraction).read();
        return of(d, d.description().isBlank() ? null : d.description(), null);
    }

    private static ExplainData of(Dataset d, String groundTruth, Pattern keywords) {
        List<Example> train = d.train();
        return new ExplainData(d.name(), train.stream().map(Example::input).toList(),
                train.stream().map(Example::output).toList(), groundTruth, keywords);
    }
}
