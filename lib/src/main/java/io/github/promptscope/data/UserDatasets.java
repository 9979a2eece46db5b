package io.github.promptscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's own data as JSON Lines: {@code {"input": ..., "output": ..., "groundtruth": ...}} per line,
 * UTF-8 (any script, Japanese included). {@code groundtruth} is optional; when a line carries one, it
 * becomes the dataset's description.
 *
 * <pre>{@code
 * Dataset d = UserDatasets.jsonl(Path.of("my.jsonl")).name("my_task").keywords("sum|add").seed(1).read();
 * }</pre>
 */
public final class UserDatasets {

    private final Path path;
    private String name;
    private String keywords = "(?!)"; // matches nothing: without keywords no prompt counts as recovered
    private ExampleTemplate template = ExampleTemplate.LANGUAGE;
    private long seed = 0;
    private double trainFraction = Task.DEFAULT_TRAIN_FRACTION;

    private UserDatasets(Path path) {
        this.path = Objects.requireNonNull(path, "path");
        String file = path.getFileName().toString();
        this.name = file.endsWith(".jsonl") ? file.substring(0, file.length() - ".jsonl".length()) : file;
    }

    public static UserDatasets jsonl(Path path) {
        return new UserDatasets(path);
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

    /** Layout; defaults to the {@code Input: .. Answer:} language layout. */
    public UserDatasets template(ExampleTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        return this;
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
        for (Jsonl.Line line : Jsonl.read(path)) {
            examples.add(template.format(line.text(path, "input"), line.text(path, "output")));
            if (groundTruth == null && line.node().hasNonNull("groundtruth")) {
                groundTruth = line.text(path, "groundtruth");
            }
        }
        TaskInfo info = new TaskInfo(name, "user", groundTruth == null ? "" : groundTruth, keywords,
                "user file " + path);
        return Dataset.builder(info).template(template).examples(examples)
                .seed(seed).trainFraction(trainFraction).build();
    }
}
