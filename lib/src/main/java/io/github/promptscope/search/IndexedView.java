package io.github.promptscope.search;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An unmodifiable list whose elements are made on demand from an index: how a {@link SearchResult}
 * hands out a trace of tens of thousands of candidates that {@link SearchTrace} keeps as columns of
 * numbers. The function must give equal elements for equal indices and read nothing that changes.
 */
final class IndexedView<T> extends AbstractList<T> implements RandomAccess {

    private final int size;
    private final IntFunction<T> element;

    IndexedView(int size, IntFunction<T> element) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0; got " + size);
        }
        this.size = size;
        this.element = element;
    }

    /** {@code xs} itself when it is a view already (nothing to copy), otherwise {@link List#copyOf}. */
    static <T> List<T> copyOf(List<T> xs) {
        return xs instanceof IndexedView<T> ? xs : List.copyOf(xs);
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of a list of " + size);
        }
        return element.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}
