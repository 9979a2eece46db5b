package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The one random source of every generator here, with numpy's {@code Generator} vocabulary so the
 * port reads like the reference. Scheme: {@link SplittableRandom} seeded with the same integer the
 * reference gives {@code numpy.random.default_rng}; draws happen in the reference's order. The numbers
 * differ from numpy's (bit parity is not a goal), the distributions and half-open ranges do not:
 * {@link #integers} is {@code [lo, hi)} as {@code rng.integers(lo, hi)}.
 */
public final class Rng {

    private final SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in {@code [lo, hi)}. */
    public long integers(long lo, long hi) {
        if (hi <= lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + ")");
        }
        return random.nextLong(lo, hi);
    }

    /** Uniform in {@code [lo, hi)}. */
    public int integers(int lo, int hi) {
        return (int) integers((long) lo, (long) hi);
    }

    /** One element, uniform. */
    public <T> T choice(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("choice from an empty list");
        }
        return items.get(random.nextInt(items.size()));
    }

    /** One index, drawn with the given probabilities (they must sum to 1, as numpy requires). */
    public int choice(double[] probabilities) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1; // rounding: the sum may fall a hair short of 1
    }

    /** True with probability ½ (a choice between two equally likely options). */
    public boolean coin() {
        return random.nextInt(2) == 0;
    }

    /** A shuffled copy (numpy's {@code permutation}). */
    public <T> List<T> permutation(Collection<T> items) {
        List<T> copy = new ArrayList<>(items);
        shuffle(copy);
        return copy;
    }

    /** Fisher-Yates in place (numpy's {@code shuffle}). */
    public <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }
}
