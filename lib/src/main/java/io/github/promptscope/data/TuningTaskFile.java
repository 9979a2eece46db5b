package io.github.promptscope.data;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's P-tuning task as one JSON Lines file: {@code {"query": ..., "answer": ..., "split":
 * "train"|"dev"|"test"}} per line, strings taken exactly as written (an answer's leading space
 * included). Every split must have at least one row; a bad line is an error naming file, line and field.
 */
public final class TuningTaskFile {

    private TuningTaskFile() {}

    /**
     * @param before the human prompt's part before the query (the hard prompt and the new design's anchors)
     * @param between its part between the query and the answer
     * @param scoredByRouge whether answers are scored by ROUGE instead of exact match
     */
    public static TuningTask read(Path file, String before, String between, boolean scoredByRouge) {
        List<TuningExample> train = new ArrayList<>();
        List<TuningExample> dev = new ArrayList<>();
        List<TuningExample> test = new ArrayList<>();
        for (Jsonl.Line line : Jsonl.read(file)) {
            TuningExample ex = new TuningExample(line.text(file, "query"), line.text(file, "answer"));
            String split = line.text(file, "split");
            switch (split) {
                case "train" -> train.add(ex);
                case "dev" -> dev.add(ex);
                case "test" -> test.add(ex);
                default -> throw DataException.at(file.toString(), line.line(),
                        "field \"split\" is \"" + split + "\"; use train, dev or test");
            }
        }
        for (var e : List.of(java.util.Map.entry("train", train), java.util.Map.entry("dev", dev),
                java.util.Map.entry("test", test))) {
            if (e.getValue().isEmpty()) {
                throw new DataException(file + ": no rows with \"split\": \"" + e.getKey() + "\"");
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        return new TuningTask(name, train, dev, test, before, between, scoredByRouge, false);
    }
}
