package io.github.promptscope.metrics;

import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.lm.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a task's description helps a model: greedy exact-match accuracy on a task's examples
 * when the prompt is its true description, another task's description, or nothing, in iPrompt's
 * scoring layout. The gap between them is what prompt searches exploit: a search can only recover
 * a description the model follows better than a wrong one.
 */
public final class DescriptionGap {

    /**
     * One task's row.
     *
     * @param wrongTask whose description served as the wrong one
     * @param trueHeldOut accuracy with the true description on held-out examples (generalisation)
     */
    public record Row(String task, String collection, int examples, double withTrue, double withWrong, double withNone,
            String wrongTask, double trueHeldOut) {

        public double gap() {
            return withTrue - Math.max(withWrong, withNone);
        }
    }

    private DescriptionGap() {}

    /**
     * Evaluates each task on up to {@code perTask} of its training examples (those a search sees).
     * The wrong description is the next task's in {@code tasks} (cyclically), a fixed, reproducible choice.
     */
    public static List<Row> evaluate(LanguageModel lm, List<String> tasks, long seed, int perTask) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Dataset d = Datasets.get(tasks.get(i), seed, 10_000);
            String wrongTask = tasks.get((i + 1) % tasks.size());
            String wrong = Datasets.task(wrongTask).info().description();
            List<Example> train = d.train().subList(0, Math.min(perTask, d.train().size()));
            List<Example> held = d.test().subList(0, Math.min(perTask, d.test().size()));
            rows.add(new Row(d.name(), d.info().collection(), train.size(),
                    accuracy(lm, asPrompt(d.description()), train),
                    accuracy(lm, asPrompt(wrong), train),
                    accuracy(lm, "", train),
                    wrongTask,
                    held.isEmpty() ? Double.NaN : accuracy(lm, asPrompt(d.description()), held)));
        }
        return rows;
    }

    /** A description as a prompt: a leading space, no final period (the layout adds ". "). */
    public static String asPrompt(String description) {
        String s = description.strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return " " + s;
    }

    private static double accuracy(LanguageModel lm, String prompt, List<Example> examples) {
        return examples.isEmpty() ? Double.NaN : LmPromptAccuracy.exactMatch(lm, prompt, examples).accuracy();
    }
}
