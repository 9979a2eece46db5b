package io.github.promptscope.data.tuning;

import io.github.promptscope.data.TrainingCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The corpus of the P-tuning base model ({@code train --corpus tuning}, {@code models/tuning}): text
 * in the stand-in tasks' vocabulary, so the frozen model's embeddings of the task and prompt words
 * mean something and nearest-token readouts of tuned prompts can be read (issue 15). Each document
 * is one of a task's {@link ToyTask#corpusDocument} layouts, the task drawn uniformly: stories with
 * {@code question:} / {@code answer:}, sentence pairs with {@code relation:} and the labels, keyword
 * bags with {@code topic:}, articles with {@code summary:}, and the Japanese pairs with 関係 and
 * 正 / 誤 / 中間. The human prompts themselves never occur verbatim, so the untuned human prompt is a
 * near neighbour of what the model saw, not a memorised layout. The first layout of each task ends
 * with the answer, so the end-of-text token that separates documents also follows an answer, as the
 * P-tuning loss expects (answer tokens, then EOS).
 *
 * <p>Validation documents come from a separate random stream (seed + 1) of the same generators.
 */
public final class TuningCorpus {

    private TuningCorpus() {}

    public static TrainingCorpus.Documents build(int documents, long seed) {
        if (documents <= 0) {
            throw new IllegalArgumentException("--documents must be at least 1, got " + documents);
        }
        List<ToyTask> tasks = ToyTasks.all();
        return new TrainingCorpus.Documents(draw(tasks, documents, new Random(seed)),
                draw(tasks, Math.max(200, documents / 50), new Random(seed + 1)));
    }

    private static List<String> draw(List<ToyTask> tasks, int n, Random rng) {
        List<String> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs.add(" " + ToyLists.pick(rng, tasks).corpusDocument(rng));
        }
        return docs;
    }
}
