package io.github.promptscope.lm.tokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A growing byte-level BPE vocabulary and merge list, with a reference encoder for one
 * pre-tokenized piece.
 *
 * <p>The encoder ports {@code Word::merge_all} from Hugging Face {@code tokenizers}
 * ({@code src/models/bpe/word.rs}): a queue ordered by merge rank, then position, with stale
 * entries skipped. Python's {@code bpe()} in GPT-2's {@code encoder.py} merges every occurrence
 * of the best pair at once instead; the two can disagree on words that repeat a pair, and the
 * builder must predict exactly what DJL's Rust code will do.
 */
public final class BpeTable {

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<int[]> merges = new ArrayList<>();
    /** (left, right) packed into a long, to {rank, new id}. */
    private final Map<Long, int[]> mergeOf = new HashMap<>();

    /** Starts with the 256 byte tokens; id {@code b} is byte {@code b}. */
    BpeTable() {
        for (int b = 0; b < 256; b++) {
            add(String.valueOf(ByteLevelAlphabet.charOf(b)));
        }
    }

    private int add(String token) {
        Integer id = ids.get(token);
        if (id != null) {
            return id;
        }
        tokens.add(token);
        ids.put(token, tokens.size() - 1);
        return tokens.size() - 1;
    }

    /** Appends merge {@code left + right} at the lowest priority; its result joins the vocabulary if new. */
    void addMerge(int left, int right) {
        long key = pair(left, right);
        if (mergeOf.containsKey(key)) {
            throw new IllegalStateException("duplicate merge " + tokens.get(left) + " " + tokens.get(right));
        }
        int merged = add(tokens.get(left) + tokens.get(right));
        mergeOf.put(key, new int[] {merges.size(), merged});
        merges.add(new int[] {left, right});
    }

    /** Token ids for one piece already in the byte-level alphabet (e.g. {@code "Ġadd"}). */
    int[] encode(String piece) {
        int n = piece.length();
        int[] sym = new int[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        boolean[] gone = new boolean[n];
        for (int i = 0; i < n; i++) {
            sym[i] = ids.get(String.valueOf(piece.charAt(i)));
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        // {rank, pos, newId}, smallest rank first, then leftmost: Rust's Merge ordering.
        PriorityQueue<int[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        for (int i = 0; i + 1 < n; i++) {
            offer(queue, i, sym[i], sym[i + 1]);
        }
        while (!queue.isEmpty()) {
            int[] top = queue.poll();
            int pos = top[1];
            if (gone[pos] || next[pos] == -1) {
                continue;
            }
            int right = next[pos];
            int[] current = mergeOf.get(pair(sym[pos], sym[right]));
            if (current == null || current[1] != top[2]) {
                continue; // the pair at pos changed since this entry was queued
            }
            sym[pos] = top[2];
            gone[right] = true;
            next[pos] = next[right];
            if (next[pos] != -1) {
                prev[next[pos]] = pos;
            }
            if (prev[pos] >= 0) {
                offer(queue, prev[pos], sym[prev[pos]], sym[pos]);
            }
            if (next[pos] != -1) {
                offer(queue, pos, sym[pos], sym[next[pos]]);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!gone[i]) {
                out.add(sym[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void offer(PriorityQueue<int[]> queue, int pos, int left, int right) {
        int[] m = mergeOf.get(pair(left, right));
        if (m != null) {
            queue.add(new int[] {m[0], pos, m[1]});
        }
    }

    private static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    String token(int id) {
        return tokens.get(id);
    }

    /** Tokens by id. */
    List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /** Merges by rank, each as {@code "left right"}: Hugging Face's string form (byte-level tokens hold no space). */
    List<String> mergeStrings() {
        List<String> out = new ArrayList<>(merges.size());
        for (int[] m : merges) {
            out.add(tokens.get(m[0]) + " " + tokens.get(m[1]));
        }
        return out;
    }
}
