package io.github.promptscope.ptuning;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.data.tuning.TuningTask;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.metrics.TokenAccuracy;
import io.github.promptscope.metrics.TokenScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-built colour task for the shipped default model, and the scorer the CLI composes. */
final class TinyTasks {

    private TinyTasks() {}

    private static final String[] THINGS = {"cat", "dog", "car", "house", "ball", "bird", "tree", "book", "cup", "hat",
        "box", "fish", "door", "bed", "shoe", "bag"};
    private static final String[] COLOURS = {"red", "blue", "green"};

    /** "the cat is red . what colour is the cat ?" -> " red" (train 8, dev 4, test 4). */
    static TuningTask colours(String before, String between) {
        List<TuningExample> rows = new ArrayList<>();
        for (int i = 0; i < THINGS.length; i++) {
            String c = COLOURS[i % COLOURS.length];
            rows.add(new TuningExample("the " + THINGS[i] + " is " + c + " . what colour is the " + THINGS[i] + " ?",
                    " " + c));
        }
        return new TuningTask("tiny-colours", rows.subList(0, 8), rows.subList(8, 12), rows.subList(12, 16), before,
                between, false, false);
    }

    static LanguageModel model() {
        return LanguageModel.loadDefault();
    }

    static RunScorer scorer() {
        return pass -> {
            TokenScores s = TokenAccuracy.score(boxed(pass.predicted()), boxed(pass.gold()), pass.batchSize());
            Map<String, Double> out = new LinkedHashMap<>();
            out.put(RunScorer.TOKEN_ACCURACY, s.tokenAccuracy());
            out.put("exact_match", s.exactMatch());
            out.put("loss", pass.loss());
            return out;
        };
    }

    private static List<List<Long>> boxed(List<long[]> ids) {
        return ids.stream().map(a -> Arrays.stream(a).boxed().toList()).toList();
    }
}
