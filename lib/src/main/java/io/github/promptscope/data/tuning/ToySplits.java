package io.github.promptscope.data.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Draws a toy task's 400 / 200 / 200 rows: distinct queries, the same ones for the same seed. */
final class ToySplits {

    static final int TRAIN = 400;
    static final int DEV = 200;
    static final int TEST = 200;

    /** Draws per row before giving up: the smallest task has thousands of distinct queries. */
    private static final int ATTEMPTS_PER_ROW = 50;

    private ToySplits() {}

    static TuningTask draw(ToyTask toy, long seed) {
        // The name enters the seed so tasks drawn with one seed do not share a random stream.
        Random rng = new Random(seed * 1_000_003L + toy.name().hashCode());
        int total = TRAIN + DEV + TEST;
        Map<String, TuningExample> byQuery = new LinkedHashMap<>();
        for (int attempt = 0; byQuery.size() < total; attempt++) {
            if (attempt > total * ATTEMPTS_PER_ROW) {
                throw new IllegalStateException(toy.name() + ": only " + byQuery.size()
                        + " distinct queries after " + attempt + " draws; its word lists are too small");
            }
            TuningExample e = toy.example(rng);
            byQuery.putIfAbsent(e.query(), e);
        }
        List<TuningExample> rows = new ArrayList<>(byQuery.values());
        return new TuningTask(toy.name(), rows.subList(0, TRAIN), rows.subList(TRAIN, TRAIN + DEV),
                rows.subList(TRAIN + DEV, total), toy.promptBefore(), toy.promptBetween(), toy.scoredByRouge(),
                toy.japanese());
    }
}
