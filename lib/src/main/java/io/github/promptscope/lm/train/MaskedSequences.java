package io.github.promptscope.lm.train;

import io.github.promptscope.data.ChatSerialization.Segment;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Examples for loss-masked training (a finetune on chats): each example's text, tokenized whole, and
 * which of its tokens the model is trained to produce (those of its trained segments). One example is
 * one row, right-padded to the longest row of its batch, so no row attends to or is scored on another
 * example. The epoch's order is fixed by the seed, so the batch of any step can be recomputed, which
 * is what makes resuming exact.
 */
public final class MaskedSequences {

    private final List<long[]> ids;
    private final List<boolean[]> trained;
    /** Per example the tokens the model is trained to produce, or null where they are the inputs themselves. */
    private final List<long[]> targets;
    private final List<Integer> order;
    private final long seed;
    /** The batch size the order is grouped by length for ({@link #groupedByLength}); 0: not grouped. */
    private final int groupedBatch;

    private MaskedSequences(List<long[]> ids, List<boolean[]> trained, List<long[]> targets, long seed) {
        this.ids = ids;
        this.trained = trained;
        this.targets = targets;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed * 7919));
        this.order = List.copyOf(idx);
        this.seed = seed;
        this.groupedBatch = 0;
    }

    private MaskedSequences(MaskedSequences of, List<Integer> order, int groupedBatch) {
        this.ids = of.ids;
        this.trained = of.trained;
        this.targets = of.targets;
        this.order = List.copyOf(order);
        this.seed = of.seed;
        this.groupedBatch = groupedBatch;
    }

    /** Batches {@link #groupedByLength} sorts together: 50, as Hugging Face's {@code LengthGroupedSampler}'s megabatches. */
    static final int GROUP_BATCHES = 50;

    /**
     * The same examples in an order whose batches of {@code batchSize} hold examples of like length
     * (Hugging Face Trainer's {@code group_by_length}): the seeded order is cut into runs of
     * {@link #GROUP_BATCHES} batches, each run sorted longest first and cut into batches, and the full
     * batches shuffled (seeded; a last, smaller batch stays last). A corpus that mixes 150-token and
     * 450-token examples then pads each batch to its own length instead of nearly every batch to 450,
     * so a step costs about the tokens it trains. The grouping is part of the corpus hash, so a
     * checkpoint resumes only in the order it was trained in.
     */
    public MaskedSequences groupedByLength(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
        }
        List<List<Integer>> batches = new ArrayList<>();
        int run = batchSize * GROUP_BATCHES;
        for (int from = 0; from < order.size(); from += run) {
            List<Integer> sorted = new ArrayList<>(order.subList(from, Math.min(order.size(), from + run)));
            sorted.sort(java.util.Comparator.comparingInt((Integer i) -> ids.get(i).length).reversed());
            for (int b = 0; b < sorted.size(); b += batchSize) {
                batches.add(sorted.subList(b, Math.min(sorted.size(), b + batchSize)));
            }
        }
        List<Integer> last = batches.get(batches.size() - 1).size() < batchSize ? batches.remove(batches.size() - 1) : null;
        Collections.shuffle(batches, new Random(seed * 7919 + 1));
        List<Integer> grouped = new ArrayList<>();
        batches.forEach(grouped::addAll);
        if (last != null) {
            grouped.addAll(last);
        }
        return new MaskedSequences(this, grouped, batchSize);
    }

    /**
     * Tokenizes every example as one text. A token belongs to the segment its first character is in
     * (the tokens of a prefix that agree with the whole text's tokens end the earlier segments), so the
     * ids are exactly what inference sees for the same text.
     *
     * @param maxTokens the model's positions; a longer example is an error naming it
     * @param what the examples' name in errors, such as the file they came from
     */
    public static MaskedSequences tokenize(TextTokenizer tok, List<List<Segment>> examples, int maxTokens, long seed,
            String what) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(what + " has no examples");
        }
        List<long[]> ids = new ArrayList<>();
        List<boolean[]> trained = new ArrayList<>();
        for (int e = 0; e < examples.size(); e++) {
            List<Segment> segments = examples.get(e);
            StringBuilder text = new StringBuilder();
            for (Segment s : segments) {
                text.append(s.text());
            }
            long[] all = tok.encode(text.toString());
            if (all.length > maxTokens) {
                throw new IllegalArgumentException(what + ", example " + (e + 1) + ": " + all.length
                        + " tokens, more than the model's " + maxTokens + " positions");
            }
            boolean[] mask = new boolean[all.length];
            int chars = 0;
            for (Segment s : segments) {
                int from = agreeing(tok.encode(text.substring(0, chars)), all);
                chars += s.text().length();
                int to = chars == text.length() ? all.length : agreeing(tok.encode(text.substring(0, chars)), all);
                for (int i = from; i < to; i++) {
                    mask[i] = s.trained();
                }
            }
            ids.add(all);
            trained.add(mask);
        }
        return new MaskedSequences(ids, trained, noTargets(ids.size()), seed);
    }

    /**
     * Examples already tokenized, with which tokens are trained: for corpora whose ids must be built
     * piece by piece as their reader builds them (the neuron simulator encodes each excerpt token on
     * its own), which tokenizing the whole text would not reproduce.
     *
     * @param maxTokens the model's positions; a longer example is an error naming it
     */
    public static MaskedSequences ofTokens(List<long[]> ids, List<boolean[]> trained, int maxTokens, long seed,
            String what) {
        return ofTokens(ids, trained, noTargets(ids.size()), maxTokens, seed, what);
    }

    /**
     * Examples already tokenized whose trained tokens are not their inputs: at a trained position k the
     * model sees {@code ids[k]} as input but is trained to produce {@code targets[k]} from the tokens
     * before it (the neuron simulator's documents show {@code unknown} where the value is to be
     * predicted, as the simulator's prompt does). A null target array, or one equal to the ids, is the
     * plain case: batches and the corpus hash are then those of {@link #ofTokens(List, List, int, long, String)}.
     */
    public static MaskedSequences ofTokens(List<long[]> ids, List<boolean[]> trained, List<long[]> targets,
            int maxTokens, long seed, String what) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(what + " has no examples");
        }
        if (ids.size() != trained.size()) {
            throw new IllegalArgumentException(what + ": " + ids.size() + " examples but " + trained.size() + " masks");
        }
        for (int e = 0; e < ids.size(); e++) {
            if (ids.get(e).length != trained.get(e).length) {
                throw new IllegalArgumentException(what + ", example " + (e + 1) + ": " + ids.get(e).length
                        + " tokens but a mask of " + trained.get(e).length);
            }
            if (ids.get(e).length > maxTokens) {
                throw new IllegalArgumentException(what + ", example " + (e + 1) + ": " + ids.get(e).length
                        + " tokens, more than the model's " + maxTokens + " positions");
            }
        }
        if (targets.size() != ids.size()) {
            throw new IllegalArgumentException(what + ": " + ids.size() + " examples but " + targets.size() + " target rows");
        }
        List<long[]> distinct = new ArrayList<>();
        for (int e = 0; e < ids.size(); e++) {
            long[] t = targets.get(e);
            if (t != null && t.length != ids.get(e).length) {
                throw new IllegalArgumentException(what + ", example " + (e + 1) + ": " + ids.get(e).length
                        + " tokens but " + t.length + " targets");
            }
            // targets equal to the inputs are stored as none, so such a corpus hashes as it did before targets existed
            distinct.add(t == null || Arrays.equals(t, ids.get(e)) ? null : t.clone());
        }
        return new MaskedSequences(List.copyOf(ids), List.copyOf(trained), Collections.unmodifiableList(distinct),
                seed);
    }

    private static List<long[]> noTargets(int n) {
        return Collections.nCopies(n, null);
    }

    /** How many leading tokens of {@code prefix} equal those of {@code all}. */
    private static int agreeing(long[] prefix, long[] all) {
        int n = 0;
        while (n < prefix.length && n < all.length && prefix[n] == all[n]) {
            n++;
        }
        return n;
    }

    public int size() {
        return ids.size();
    }

    /** Steps of one epoch in batches of {@code batchSize} (the last batch may be smaller). */
    public int steps(int batchSize) {
        return (ids.size() + batchSize - 1) / batchSize;
    }

    /** Example {@code i}'s token ids. */
    public long[] ids(int i) {
        return ids.get(i).clone();
    }

    /** Which of example {@code i}'s tokens are trained. */
    public boolean[] trained(int i) {
        return trained.get(i).clone();
    }

    /** Every token of every example. */
    public long tokenCount() {
        return ids.stream().mapToLong(a -> a.length).sum();
    }

    /**
     * Ids and mask flags of every example in file order, for the corpus hash a checkpoint is tied to;
     * then, only when some example has targets apart from its ids, each such example's index and targets
     * (so corpora without them hash as before); then, only for an order {@link #groupedByLength}, the batch
     * size it was grouped for.
     */
    long[] fingerprint() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int k = 0; k < ids.get(i).length; k++) {
                out.add(ids.get(i)[k] * 2 + (trained.get(i)[k] ? 1 : 0));
            }
            out.add(-1L);
        }
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) != null) {
                out.add(-2L - i);
                for (long t : targets.get(i)) {
                    out.add(t);
                }
            }
        }
        if (groupedBatch > 0) {
            out.add(Long.MIN_VALUE + groupedBatch); // the grouped order (no example index comes near this)
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** The examples of optimizer step {@code step} of the epoch. */
    Batch batch(int step, int batchSize) {
        int from = step * batchSize;
        return rows(order.subList(from, Math.min(order.size(), from + batchSize)));
    }

    /**
     * Examples as one right-padded batch. Position j of a row predicts token j + 1 (its target, which
     * is the input token unless the example has targets apart), weighted 1 when that token is trained; padding repeats the row's last token and weighs 0 (causal attention never lets
     * an earlier position see it).
     */
    Batch rows(List<Integer> rows) {
        int len = 0;
        for (int r : rows) {
            len = Math.max(len, ids.get(r).length - 1);
        }
        if (len < 1) {
            throw new IllegalArgumentException("every example of a batch has a single token; nothing to predict");
        }
        long[][] inputs = new long[rows.size()][len];
        long[] targets = new long[rows.size() * len];
        float[] weights = new float[rows.size() * len];
        long tokens = 0;
        for (int i = 0; i < rows.size(); i++) {
            long[] seq = ids.get(rows.get(i));
            boolean[] mask = trained.get(rows.get(i));
            long[] next = this.targets.get(rows.get(i)) == null ? seq : this.targets.get(rows.get(i));
            tokens += seq.length;
            for (int j = 0; j < len; j++) {
                inputs[i][j] = seq[Math.min(j, seq.length - 1)];
                targets[i * len + j] = next[Math.min(j + 1, seq.length - 1)];
                weights[i * len + j] = j + 1 < seq.length && mask[j + 1] ? 1f : 0f;
            }
        }
        return new Batch(inputs, targets, weights, tokens);
    }
}
