package io.github.promptscope.data;

import java.util.List;

/** Produces the raw rows of a task; generators must be deterministic in {@code seed}. */
@FunctionalInterface
public interface RowSource {

    /**
     * At most {@code n} distinct rows. Sources with a finite universe (the 100 digit pairs, a word
     * list) may return fewer; the caller sees the real size in the dataset.
     */
    List<Row> rows(int n, long seed);
}
