package io.github.promptscope.data.tuning;

import io.github.promptscope.data.WordTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The word lists of {@code data_utils/tuning/} and the random draws the toy tasks share. */
final class ToyLists {

    private ToyLists() {}

    /** Column 0 of a one-column list under {@code data_utils/tuning/}. */
    static List<String> words(String file) {
        return WordTable.read("tuning/" + file, 1).column(0);
    }

    /** The rows of a list under {@code data_utils/tuning/} with {@code columns} columns. */
    static List<List<String>> rows(String file, int columns) {
        return WordTable.read("tuning/" + file, columns).rows();
    }

    static <T> T pick(Random rng, List<T> xs) {
        return xs.get(rng.nextInt(xs.size()));
    }

    /** {@code k} distinct items in random order (a partial Fisher-Yates shuffle of a copy). */
    static <T> List<T> sample(Random rng, List<T> xs, int k) {
        if (k > xs.size()) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct items from " + xs.size());
        }
        List<T> copy = new ArrayList<>(xs);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(copy.size() - i);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return List.copyOf(copy.subList(0, k));
    }

    /** An integer in [lo, hi]. */
    static int between(Random rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }
}
