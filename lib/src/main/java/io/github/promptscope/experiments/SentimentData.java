package io.github.promptscope.experiments;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.LabeledText;
import io.github.promptscope.data.SentimentReaders;
import io.github.promptscope.data.SentimentTasks;
import io.github.promptscope.data.Task;
import io.github.promptscope.util.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sentiment experiment's datasets: the project's synthetic {@code sentiment_words} task, and the
 * four corpora of the paper read from one folder ({@code --data-dir}) with the file names below,
 * each in the format its public copy ships in ({@link SentimentReaders}):
 *
 * <pre>
 * DIR/sst2.tsv                     GLUE SST-2 train.tsv: header sentence&lt;TAB&gt;label, label 0/1
 * DIR/imdb.csv                     IMDB 50k reviews: header review,sentiment (positive/negative)
 * DIR/rotten_tomatoes.jsonl        Hugging Face rotten_tomatoes export: {"text", "label": 0/1}
 * DIR/financial_phrasebank.txt     Sentences_AllAgree.txt: sentence@negative|neutral|positive
 * </pre>
 *
 * Each also carries three human-written prompts, in the style of the PromptSource prompts the paper
 * compared against (spec section 3.3: {@code 06_sentiment.ipynb}, e.g. " Is this review positive or
 * negative?"). They are written for the layout of the search, which puts the prompt after
 * {@code Input: <text>  Output:} and before the label word.
 */
public final class SentimentData {

    /** The synthetic task's name, also its name on the command line. */
    public static final String SYNTHETIC = "synthetic";

    /**
     * One dataset of the experiment.
     *
     * @param name  its name on the command line and in records
     * @param file  its file under the data folder; null for the synthetic task
     * @param human the three human-written prompts, leading space kept
     */
    public record Source(String name, String file, Function<Path, List<LabeledText>> reader, boolean threeWay,
            List<String> human) {}

    private static final List<String> REVIEW_PROMPTS = List.of(" Is this review positive or negative?",
            " Did the reviewer like the movie? The review is", " The sentiment of this movie review is");
    private static final List<String> FINANCE_PROMPTS = List.of(
            " Is the sentiment of this financial news positive, neutral or negative?",
            " For an investor, this news is", " The sentiment of this sentence is");

    /** Every dataset, in the paper's order after the synthetic one. */
    public static final List<Source> ALL = List.of(
            new Source(SYNTHETIC, null, null, false, REVIEW_PROMPTS),
            new Source("sst2", "sst2.tsv", SentimentReaders::sst2, false, REVIEW_PROMPTS),
            new Source("imdb", "imdb.csv", SentimentReaders::imdb, false, REVIEW_PROMPTS),
            new Source("rotten_tomatoes", "rotten_tomatoes.jsonl", SentimentReaders::rottenTomatoes, false,
                    REVIEW_PROMPTS),
            new Source("financial_phrasebank", "financial_phrasebank.txt", SentimentReaders::financialPhrasebank, true,
                    FINANCE_PROMPTS));

    private SentimentData() {}

    /** The dataset called {@code name}; an unknown name lists the known ones. */
    public static Source source(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--datasets: unknown dataset \"" + name + "\"; known: "
                        + String.join(", ", ALL.stream().map(Source::name).toList())));
    }

    /**
     * The file a dataset is read from, checked to exist: a missing file is named with the layout the
     * folder must have. Null for the synthetic task, which needs no file.
     */
    public static Path file(Source s, Path dataDir) {
        if (s.file() == null) {
            return null;
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--datasets " + s.name() + " needs --data-dir, a folder holding "
                    + s.file() + " (see DATASETS.md, \"Sentiment experiment\")");
        }
        Path f = dataDir.resolve(s.file());
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(f + ": no such file; --datasets " + s.name() + " reads " + s.file()
                    + " from --data-dir (layout: " + String.join(", ", ALL.stream().filter(x -> x.file() != null)
                    .map(Source::file).toList()) + "; see DATASETS.md, \"Sentiment experiment\")");
        }
        return f;
    }

    /** What identifies a dataset's content in a record: the file's name and SHA-256 (none for synthetic). */
    public static Map<String, Object> identity(Source s, Path dataDir) {
        Path f = file(s, dataDir);
        return f == null ? Map.of("task", "sentiment_words")
                : Map.of("file", s.file(), "file_sha256", Hashes.sha256OfFiles(List.of(f)));
    }

    /**
     * The dataset for a seed: the synthetic task's {@code n} generated examples, or every row of the
     * file; shuffled with the seed and split 75/25 (train for the search, test held out).
     */
    public static Dataset dataset(Source s, Path dataDir, long seed, int n) {
        Path f = file(s, dataDir);
        if (f == null) {
            return Datasets.get("sentiment_words", seed, n);
        }
        return SentimentTasks.dataset(SentimentTasks.info(s.name(), f.getFileName().toString(), s.threeWay()),
                s.reader().apply(f), seed, Task.DEFAULT_TRAIN_FRACTION);
    }
}
