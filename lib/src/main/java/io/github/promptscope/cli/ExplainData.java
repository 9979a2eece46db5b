package io.github.promptscope.cli;

import io.github.promptscope.data.DataException;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Task;
import io.github.promptscope.data.UserDatasets;
import io.github.promptscope.experiments.SearchedRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows {@code explain} hands to a search: the train split of a generated task, or a user's file
 * with its strings exactly as given (a layout only when {@code --layout} asks for one).
 *
 * @param rows        the rows searched, with where they came from (what the record id covers)
 * @param groundTruth the description, or null when unknown
 * @param keywords    recovery regex, or null when unknown
 */
record ExplainData(SearchedRows rows, String groundTruth, Pattern keywords) {

    /** Train fraction for user files: every row, as imodelsX's {@code explain_dataset_iprompt} uses them. */
    static final double USER_TRAIN_FRACTION = 1.0;

    static ExplainData task(String task, long seed, int n, Double trainFraction, String layout) {
        if (layout != null && !layout.equals("none")) {
            throw new DataException("--layout applies to --jsonl and --inputs; task " + task
                    + " has its own layout (see 'promptscope datasets show " + task + "')");
        }
        double fraction = trainFraction == null ? Task.DEFAULT_TRAIN_FRACTION : trainFraction;
        Dataset d = Datasets.task(task).dataset(seed, n, fraction);
        return new ExplainData(SearchedRows.task(d, n, fraction), d.description(), d.keywords());
    }

    static ExplainData jsonl(Path file, long seed, Double trainFraction, String layout) {
        requireFile("--jsonl", file);
        Map<String, Object> how = new LinkedHashMap<>();
        how.put("file", file.getFileName().toString());
        return user(UserDatasets.jsonl(file), "jsonl", file, how, seed, trainFraction, layout);
    }

    static ExplainData lines(Path inputs, Path outputs, long seed, Double trainFraction, String layout) {
        if (outputs == null) {
            throw new DataException("--inputs needs --outputs");
        }
        requireFile("--inputs", inputs);
        requireFile("--outputs", outputs);
        Map<String, Object> how = new LinkedHashMap<>();
        how.put("inputs", inputs.getFileName().toString());
        how.put("outputs", outputs.getFileName().toString());
        return user(UserDatasets.lines(inputs, outputs), "lines", inputs, how, seed, trainFraction, layout);
    }

    private static ExplainData user(UserDatasets u, String source, Path file, Map<String, Object> how, long seed,
            Double trainFraction, String layout) {
        String layoutName = layout == null ? "none" : layout;
        double fraction = trainFraction == null ? USER_TRAIN_FRACTION : trainFraction;
        Dataset d = u.layout(layoutName).seed(seed).trainFraction(fraction).read();
        how.put("layout", layoutName);
        how.put("trainFraction", fraction);
        SearchedRows rows = SearchedRows.file(file.getFileName().toString(), source, how, d);
        return new ExplainData(rows, d.description().isBlank() ? null : d.description(), null);
    }

    /** A missing file, a folder or an unreadable file, named by its flag before anything reads it. */
    private static void requireFile(String flag, Path file) {
        if (!Files.exists(file)) {
            throw new DataException(flag + " " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(flag + " " + file + ": is a folder; give the file itself");
        }
        if (!Files.isReadable(file)) {
            throw new DataException(flag + " " + file + ": cannot be read (permissions)");
        }
    }

    /** The name shown and recorded: the task's, or the user's file name. */
    String name() {
        return rows.dataset();
    }

    List<String> inputs() {
        return rows.inputs();
    }

    List<String> outputs() {
        return rows.outputs();
    }
}
