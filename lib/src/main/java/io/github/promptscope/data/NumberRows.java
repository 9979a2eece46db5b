package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Input numbers for the synthetic math tasks (EXP {@code one_num.py}/{@code two_num.py}).
 *
 * <p>With digits below 10 and at most two inputs, the original enumerates i = 0..min(10^k, n)-1
 * with a = i / 10 and b = i % 10 (one-number tasks use b), so add_two has exactly the 100 digit
 * pairs, each once. Otherwise it draws uniform integers in [0, maxDigit); we draw from a
 * {@link SplittableRandom} seeded with the dataset seed, not numpy's PCG64, so the random-draw
 * datasets hold different (equally distributed) numbers than the paper's.
 *
 * @param arity    1, 2 or 3 input numbers
 * @param maxDigit exclusive upper bound of each input (the paper: 10; ablation 20..160)
 * @param function the answer for the inputs
 */
record NumberRows(int arity, int maxDigit, NumberFunction function) implements RowSource {

    NumberRows {
        if (arity < 1 || arity > 3) {
            throw new IllegalArgumentException("arity must be 1..3, got " + arity);
        }
        if (maxDigit < 1) {
            throw new IllegalArgumentException("maxDigit must be positive, got " + maxDigit);
        }
    }

    @Override
    public List<Row> rows(int n, long seed) {
        List<Row> rows = new ArrayList<>();
        if (maxDigit == 10 && arity <= 2) {
            int count = (int) Math.min((long) Math.pow(10, arity), n);
            for (int i = 0; i < count; i++) {
                long[] x = arity == 1 ? new long[] {i % 10} : new long[] {i / 10, i % 10};
                rows.add(row(x));
            }
            return rows;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            long[] x = new long[arity];
            for (int k = 0; k < arity; k++) {
                x[k] = rng.nextInt(maxDigit);
            }
            rows.add(row(x));
        }
        return rows;
    }

    private Row row(long[] x) {
        List<String> fields = new ArrayList<>(x.length);
        for (long v : x) {
            fields.add(Long.toString(v));
        }
        return new Row(fields, function.apply(x));
    }
}
