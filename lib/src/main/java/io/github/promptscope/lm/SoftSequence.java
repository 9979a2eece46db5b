package io.github.promptscope.lm;

import java.util.Arrays;

/**
 * One sequence for {@link SoftPrompts}: token ids with some positions taken by trainable rows
 * instead of a token's embedding, and the tokens from {@code firstTarget} on scored as targets
 * (teacher-forced: each target is predicted from everything before it).
 *
 * @param ids token id at each position (ignored where a soft row goes)
 * @param softRow index of the soft row at each position, -1 for a token
 * @param firstTarget first position whose token is a target; targets are never soft
 */
public record SoftSequence(long[] ids, int[] softRow, int firstTarget) {

    public SoftSequence {
        if (ids.length != softRow.length) {
            throw new IllegalArgumentException("ids (" + ids.length + ") and softRow (" + softRow.length + ") differ in length");
        }
        if (firstTarget < 1 || firstTarget > ids.length) {
            throw new IllegalArgumentException("firstTarget must be in 1.." + ids.length + ", got " + firstTarget);
        }
        for (int t = firstTarget; t < ids.length; t++) {
            if (softRow[t] >= 0) {
                throw new IllegalArgumentException("position " + t + " is a target and cannot be a soft row");
            }
        }
        ids = ids.clone();
        softRow = softRow.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int length() {
        return ids.length;
    }

    /** Builds a sequence piece by piece: {@code builder().tokens(pre).soft(0, 6).tokens(x).targets(y).build()}. */
    public static final class Builder {
        private long[] ids = new long[0];
        private int[] rows = new int[0];
        private int firstTarget = -1;

        public Builder tokens(long[] tokenIds) {
            append(tokenIds, -1);
            return this;
        }

        /** Soft rows {@code from .. from + count - 1}, in order. */
        public Builder soft(int from, int count) {
            int start = ids.length;
            append(new long[count], 0);
            for (int i = 0; i < count; i++) {
                rows[start + i] = from + i;
            }
            return this;
        }

        /** The scored tokens; they end the sequence. */
        public Builder targets(long[] tokenIds) {
            firstTarget = ids.length;
            append(tokenIds, -1);
            return this;
        }

        public SoftSequence build() {
            return new SoftSequence(ids, rows, firstTarget < 0 ? ids.length : firstTarget);
        }

        private void append(long[] more, int row) {
            int n = ids.length;
            ids = Arrays.copyOf(ids, n + more.length);
            rows = Arrays.copyOf(rows, n + more.length);
            System.arraycopy(more, 0, ids, n, more.length);
            Arrays.fill(rows, n, rows.length, row);
        }
    }
}
