package io.github.promptscope.lm.tokenizer;

/** Joining token-id sequences: layouts are built from pieces tokenized one by one. */
public final class TokenIds {

    private TokenIds() {}

    public static long[] concat(long[]... parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] out = new long[n];
        int k = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
