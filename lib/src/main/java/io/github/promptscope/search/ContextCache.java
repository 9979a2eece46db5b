package io.github.promptscope.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * iPrompt's tokenized proposal contexts of the rows used last, at most {@code capacity} of them
 * (least recently used out first). A context depends only on its row, so one tokenized again after
 * eviction is the same ids, and a search's prompts do not depend on the bound. It exists because the
 * cache it replaces kept every row ever visited: with the datapoint limit lifted a 30-minute
 * {@code explain} visited 22,832 rows and held about 8 MB of contexts (README, "One 30-minute search").
 * Rows are told apart by identity, as the search's rows are distinct objects; no row's text is
 * hashed or compared.
 */
final class ContextCache {

    /**
     * A search visits each row once an epoch and stops after about its datapoint limit in rows, so
     * rows come back only when there are fewer rows than that (one-shot rows of a small dataset,
     * many epochs): up to this many rows are then still tokenized once each. With more rows, a row
     * is seldom met twice, and what the cache held was mostly rows never met again.
     */
    static final int ROWS = 1024;

    /** A row as a key by identity. */
    private record Identity(DataRows.Row row) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.row == row;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(row);
        }
    }

    private final int capacity;
    private final Map<Identity, long[]> contexts;

    ContextCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1; got " + capacity);
        }
        this.capacity = capacity;
        this.contexts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, long[]> eldest) {
                return size() > ContextCache.this.capacity;
            }
        };
    }

    /** The row's context: cached, or made by {@code tokenize} and cached. */
    long[] get(DataRows.Row row, Function<DataRows.Row, long[]> tokenize) {
        return contexts.computeIfAbsent(new Identity(row), k -> tokenize.apply(k.row()));
    }

    /** Rows cached now, never more than the capacity. */
    int size() {
        return contexts.size();
    }
}
