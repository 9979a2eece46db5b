package io.github.promptscope.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Token ids of the keys used last (a row's proposal context, a row's scored input or output), at
 * most {@code capacity} of them, the least recently used out first. The ids depend only on the
 * key, so ids tokenized again after an eviction are the same, and no search result depends on the
 * bound. Keys are told apart by identity: a search's rows and their strings are the objects it
 * built once, and a long input is neither hashed nor compared.
 *
 * <p>The caches this replaces kept every key ever met: with the datapoint limit lifted a 30-minute
 * {@code explain} visited 22,832 rows and its proposal contexts alone held about 8 MB (README, "One
 * 30-minute search").
 */
final class TokenCache<K> {

    /**
     * A search visits each row once an epoch and stops after about its datapoint limit in rows, so
     * rows come back only when there are fewer rows than that (one-shot rows of a small dataset,
     * many epochs; the final reranking's first 256 rows): up to this many are still tokenized once
     * each. With more rows a row is seldom met twice, and the unbounded caches held mostly rows
     * never met again.
     */
    static final int ROWS = 1024;

    /** A key compared by identity. */
    private record Identity<K>(K key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity<?> i && i.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private final int capacity;
    private final Map<Identity<K>, long[]> ids;

    TokenCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1; got " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity<K>, long[]> eldest) {
                return size() > TokenCache.this.capacity;
            }
        };
    }

    /** The key's ids: cached, or made by {@code tokenize} and cached. */
    long[] get(K key, Function<K, long[]> tokenize) {
        return ids.computeIfAbsent(new Identity<>(key), k -> tokenize.apply(k.key()));
    }

    /** Keys cached now, never more than the capacity. */
    int size() {
        return ids.size();
    }
}
