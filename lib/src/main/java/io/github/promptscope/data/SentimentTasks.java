package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sentiment datasets in iPrompt's classification layout (spec 3.3): {@code Input: <text>  Output:} /
 * {@code " positive\n"}, with the paper's ground truth and keywords.
 */
public final class SentimentTasks {

    public static final String KEYWORDS = "positive|good|happy|negative|bad|sad";
    public static final String BINARY_DESCRIPTION = "Answer Yes if the input is positive and No if the input is negative.";
    public static final String FFB_DESCRIPTION = "Answer Yes for positive, No for negative, and Maybe for neutral.";
    /** The original shuffles each raw split with seed 2 before use. */
    public static final long PAPER_SHUFFLE_SEED = 2;

    private static final List<String> FRAMES = List.of("The movie was {w}.", "What a {w} film.",
            "I found the story {w}.", "The acting was {w}.", "Overall, a {w} experience.", "The ending felt {w}.");

    private SentimentTasks() {
    }

    /** Task info for a corpus; {@code threeWay} selects the Financial Phrasebank description. */
    public static TaskInfo info(String name, String source, boolean threeWay) {
        return new TaskInfo(name, "sentiment", threeWay ? FFB_DESCRIPTION : BINARY_DESCRIPTION, KEYWORDS, source);
    }

    /** Formats read texts as a dataset; the text is stripped as the original does. */
    public static Dataset dataset(TaskInfo info, List<LabeledText> texts, long seed, double trainFraction) {
        List<Example> examples = new ArrayList<>(texts.size());
        for (LabeledText t : texts) {
            examples.add(ExampleTemplate.SENTIMENT.format(t.text().strip(), t.label()));
        }
        return Dataset.builder(info).template(ExampleTemplate.SENTIMENT).examples(examples)
                .seed(seed).trainFraction(trainFraction).build();
    }

    /** Short review sentences built from {@code data_utils/sentiment_words.tsv} and a few frames. */
    public static Task synthetic() {
        TaskInfo info = info("sentiment_words", "synthetic; data_utils/sentiment_words.tsv in 6 sentence frames", false);
        return new Task(info, ExampleTemplate.SENTIMENT, RowSources.draw(SentimentTasks::sentence));
    }

    private static Row sentence(SplittableRandom rng) {
        List<List<String>> words = WordTable.read("sentiment_words.tsv", 2).rows();
        List<String> w = RowSources.pick(words, rng);
        String frame = RowSources.pick(FRAMES, rng);
        return Row.of(frame.replace("{w}", w.get(0)), w.get(1));
    }
}
