package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The three ways a table-backed task makes rows: map each entry, look up a pair, or draw combinations. */
final class RowSources {

    private RowSources() {
    }

    /** Each entry of a list (shuffled with the seed, first n) mapped by {@code f}. */
    static RowSource map(Supplier<List<String>> entries, UnaryOperator<String> f) {
        return (n, seed) -> shuffled(entries.get(), seed).stream().limit(n)
                .map(w -> Row.of(w, f.apply(w))).toList();
    }

    /** Column {@code in} of a table as input, column {@code out} as answer. */
    static RowSource pairs(String file, int columns, int in, int out) {
        return (n, seed) -> shuffled(WordTable.read(file, columns).rows(), seed).stream().limit(n)
                .map(r -> Row.of(r.get(in), r.get(out))).toList();
    }

    /**
     * Rows drawn at random until n distinct ones exist. The draw function gets a seeded generator;
     * after 50·n draws without reaching n we stop, so a small universe yields fewer rows, never a hang.
     */
    static RowSource draw(Function<SplittableRandom, Row> draw) {
        return (n, seed) -> {
            SplittableRandom rng = new SplittableRandom(seed);
            Set<Row> rows = new LinkedHashSet<>();
            long attempts = 50L * n;
            for (long i = 0; i < attempts && rows.size() < n; i++) {
                rows.add(draw.apply(rng));
            }
            return List.copyOf(rows);
        };
    }

    static <T> List<T> shuffled(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    static <T> T pick(List<T> items, SplittableRandom rng) {
        return items.get(rng.nextInt(items.size()));
    }
}
