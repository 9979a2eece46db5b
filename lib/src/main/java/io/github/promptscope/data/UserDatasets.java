package io.github.promptscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's own data: JSON Lines ({@code {"input": ..., "output": ..., "groundtruth": ...}} per line,
 * UTF-8, any script) or two line-aligned text files. {@code groundtruth} is optional; the first line
 * that carries one gives the dataset's description.
 *
 * <p>The strings are used <b>exactly as given</b>, as imodelsX's {@code explain_dataset_iprompt} takes
 * them: {@code {"input": "Given the input numbers 0 and 1, the answer is", "output": " 1.\n\n"}} reaches
 * the search as that input and that output. A layout ({@link UserLayout}: language, sentiment, math) is
 * applied only when asked for. JSON numbers keep their written text ({@code 3.10} stays {@code "3.10"});
 * arrays and objects are an error naming file, line and field.
 *
 * <pre>{@code
 * Dataset d = UserDatasets.jsonl(Path.of("my.jsonl")).name("my_task").keywords("sum|add").seed(1).read();
 * }</pre>
 */
public final class UserDatasets {

    private final Path path;
    private final Path outputsPath;
    private String name;
    private String keywords = "(?!)"; // matches nothing: without keywords no prompt counts as recovered
    private UserLayout layout = UserLayout.none();
    private long seed = 0;
    private double trainFraction = Task.DEFAULT_TRAIN_FRACTION;

    private UserDatasets(Path path, Path outputsPath) {
        this.path = Objects.requireNonNull(path, "path");
        this.outputsPath = outputsPath;
        String file = path.getFileName().toString();
        this.name = file.endsWith(".jsonl") ? file.substring(0, file.length() - ".jsonl".length()) : file;
    }

    public static UserDatasets jsonl(Path path) {
        return new UserDatasets(path, null);
    }

    /**
     * One input per line of {@code inputs}, the matching output on the same line of {@code outputs}
     * (UTF-8; a line terminator is not part of the string, so outputs cannot hold newlines here).
     */
    public static UserDatasets lines(Path inputs, Path outputs) {
        return new UserDatasets(inputs, Objects.requireNonNull(outputs, "outputs"));
    }

    /** Dataset name; defaults to the file name without {@code .jsonl}. */
    public UserDatasets name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Recovery regex (case-insensitive search) used to judge found explanations. */
    public UserDatasets keywords(String regex) {
        this.keywords = Objects.requireNonNull(regex, "regex");
        return this;
    }

    /** Layout; defaults to none, the strings as given. */
    public UserDatasets layout(UserLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        return this;
    }

    /** Layout by name: none, language, sentiment, math, math_one, math_two, math_three. */
    public UserDatasets layout(String name) {
        return layout(UserLayout.named(name));
    }

    public UserDatasets seed(long seed) {
        this.seed = seed;
        return this;
    }

    public UserDatasets trainFraction(double trainFraction) {
        this.trainFraction = trainFraction;
        return this;
    }

    public Dataset read() {
        List<Example> examples = new ArrayList<>();
        String groundTruth = null;
        String firstInput = null;
        if (outputsPath == null) {
            for (Jsonl.Line line : Jsonl.read(path)) {
                String in = line.text(path, "input");
                firstInput = firstInput == null ? in : firstInput;
                examples.add(format(path, line.line(), in, line.text(path, "output")));
                if (groundTruth == null && line.node().hasNonNull("groundtruth")) {
                    groundTruth = line.text(path, "groundtruth");
                }
            }
        } else {
            List<String> ins = TextFiles.utf8(path).lines().toList();
            List<String> outs = TextFiles.utf8(outputsPath).lines().toList();
            if (ins.size() != outs.size()) {
                throw new DataException(path + " has " + ins.size() + " lines but " + outputsPath + " has "
                        + outs.size() + "; inputs and outputs must align line by line");
            }
            if (ins.isEmpty()) {
                throw new DataException(path + ": no records (empty file)");
            }
            firstInput = ins.get(0);
            for (int i = 0; i < ins.size(); i++) {
                examples.add(format(path, i + 1, ins.get(i), outs.get(i)));
            }
        }
        requireSomeOutput(examples);
        TaskInfo info = new TaskInfo(name, "user", groundTruth == null ? "" : groundTruth, keywords,
                "user file " + path + (outputsPath == null ? "" : " + " + outputsPath));
        return Dataset.builder(info).template(layout.template(firstInput)).examples(examples)
                .seed(seed).trainFraction(trainFraction).build();
    }

    /**
     * Every prompt reproduces an empty output, so a file of empty outputs would rank every prompt at
     * accuracy 1.000 and explain nothing.
     */
    private void requireSomeOutput(List<Example> examples) {
        if (examples.stream().allMatch(e -> e.output().isEmpty())) {
            Path where = outputsPath == null ? path : outputsPath;
            throw new DataException(where + ": every output is empty (" + examples.size() + " records); every prompt"
                    + " would reproduce them and score accuracy 1.000, so there is nothing to explain");
        }
    }

    private Example format(Path file, long line, String input, String output) {
        // before any layout or tokenizer sees them
        String longInput = FieldLimits.tooLong("input", input);
        if (longInput != null) {
            throw DataException.at(file.toString(), line, longInput);
        }
        String longOutput = FieldLimits.tooLong("output", output);
        if (longOutput != null) {
            throw DataException.at((outputsPath == null ? file : outputsPath).toString(), line, longOutput);
        }
        try {
            return layout.format(input, output);
        } catch (DataException e) {
            throw DataException.at(file.toString(), line, e.getMessage());
        }
    }
}
