package io.github.promptscope.lm.train;

import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Documents tokenized and packed end to end (separated by end-of-text) into sequences of
 * {@code seqLen + 1} tokens: inputs are the first {@code seqLen}, targets the last. Each epoch
 * visits every sequence once in an order fixed by the seed and the epoch, so the batch of any step
 * can be recomputed, which is what makes resuming exact.
 */
public final class PackedSequences {

    private final List<long[]> sequences;
    private final long seed;

    PackedSequences(long[] stream, int seqLen, long seed) {
        List<long[]> seqs = new ArrayList<>();
        for (int start = 0; start + seqLen + 1 <= stream.length; start += seqLen + 1) {
            seqs.add(java.util.Arrays.copyOfRange(stream, start, start + seqLen + 1));
        }
        if (seqs.isEmpty()) {
            throw new IllegalArgumentException("corpus has " + stream.length + " tokens, fewer than one sequence of "
                    + (seqLen + 1));
        }
        this.sequences = seqs;
        this.seed = seed;
    }

    static long[] tokenize(TextTokenizer tok, List<String> docs, long separator) {
        List<long[]> parts = new ArrayList<>();
        long total = 0;
        for (String d : docs) {
            long[] ids = tok.encode(d);
            parts.add(ids);
            total += ids.length + 1;
        }
        long[] stream = new long[(int) total];
        int k = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, stream, k, p.length);
            k += p.length;
            stream[k++] = separator;
        }
        return stream;
    }

    int size() {
        return sequences.size();
    }

    List<long[]> all() {
        return sequences;
    }

    /** The sequences of optimizer step {@code step}. */
    long[][] batch(int step, int batchSize) {
        long[][] out = new long[batchSize][];
        for (int i = 0; i < batchSize; i++) {
            long global = (long) step * batchSize + i;
            int epoch = (int) (global / sequences.size());
            int index = (int) (global % sequences.size());
            out[i] = sequences.get(order(epoch).get(index));
        }
        return out;
    }

    private int cachedEpoch = -1;
    private List<Integer> cachedOrder;

    private List<Integer> order(int epoch) {
        if (epoch != cachedEpoch) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < sequences.size(); i++) {
                idx.add(i);
            }
            Collections.shuffle(idx, new Random(seed * 7919 + epoch));
            cachedOrder = idx;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
