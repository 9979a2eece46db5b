package io.github.promptscope.search;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every prompt a search has scored, with its running mean loss and accuracy (the reference's
 * {@code PrefixPool}, spec 1.6). Two deliberate fixes: the best prompt per start token is
 * recomputed from current means (the reference kept stale scores), and the {@code acc} criterion
 * breaks ties by loss (the reference's tuple was {@code (-acc, 2)}).
 *
 * <p>A long search scores tens of thousands of distinct prompts, so an entry keeps only what the
 * search reads back: its ids (the map's key too) and the running sums of its losses and accuracies.
 * {@link DoubleSummaryStatistics} adds with the same compensated summation as
 * {@code DoubleStream.average()}, so the means are the bits the kept lists of every evaluation gave
 * ({@code CompactTraceTest}). Each entry's {@link Entry#id} is its insertion order, the id a
 * {@link SearchTrace} names it by.
 */
final class PromptPool {

    /** Running statistics of one prompt. */
    static final class Entry {
        final long[] ids;
        final int id; // insertion order = generation order
        private final DoubleSummaryStatistics losses = new DoubleSummaryStatistics();
        private final DoubleSummaryStatistics accuracies = new DoubleSummaryStatistics();

        Entry(long[] ids, int id) {
            this.ids = ids;
            this.id = id;
        }

        /** 10000 and 0 before any evaluation, as {@code initialize_prefix} sets them. */
        double meanLoss() {
            return losses.getCount() == 0 ? 10_000 : losses.getAverage();
        }

        double meanAccuracy() {
            return accuracies.getCount() == 0 ? 0 : accuracies.getAverage();
        }

        int evaluations() {
            return (int) losses.getCount();
        }
    }

    /** A prompt's ids as a map key: compared by content, with no boxed copy of the ids. */
    private record Key(long[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    private final Map<Key, Entry> entries = new HashMap<>();
    private final List<Entry> byId = new ArrayList<>();
    private final Comparator<Entry> order;
    private final boolean differentStartToken;
    private final Random rng;

    PromptPool(String criterion, String topkStrategy, Random rng) {
        this.order = switch (criterion) {
            case "loss" -> Comparator.comparingDouble(Entry::meanLoss);
            case "acc" -> Comparator.comparingDouble((Entry e) -> -e.meanAccuracy()).thenComparingDouble(Entry::meanLoss);
            default -> Comparator.comparingDouble((Entry e) -> -Math.round(e.meanAccuracy() * 100) / 100.0)
                    .thenComparingDouble(Entry::meanLoss);
        };
        this.differentStartToken = topkStrategy.equals("different_start_token");
        this.rng = rng;
    }

    static List<Long> key(long[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }

    int size() {
        return entries.size();
    }

    /** Adds an unscored prompt; a prompt already present keeps its statistics. Returns its id. */
    int initialize(long[] ids) {
        return entry(ids).id;
    }

    /** Adds one evaluation of the prompt (added first if new). Returns its id. */
    int update(long[] ids, double loss, double accuracy) {
        Entry e = entry(ids);
        e.losses.accept(loss);
        e.accuracies.accept(accuracy);
        return e.id;
    }

    private Entry entry(long[] ids) {
        return entries.computeIfAbsent(new Key(ids), k -> {
            Entry e = new Entry(ids, byId.size());
            byId.add(e);
            return e;
        });
    }

    /** Each prompt's decoded text, by id: decoded once here, however often the search scored it. */
    List<String> texts(TextTokenizer tok) {
        return byId.stream().map(e -> tok.decode(e.ids)).toList();
    }

    /** Every prompt, in the order they were added (by id). */
    List<Entry> all() {
        return Collections.unmodifiableList(byId);
    }

    /**
     * The k best prompts: with {@code different_start_token}, only the best of each first token
     * competes; prompts evaluated at most {@code minOccurrences} times are left out (unless that
     * leaves none); fewer than k are padded with random repeats, as the reference does.
     */
    List<Entry> topk(int k, int minOccurrences) {
        List<Entry> sorted = ranked(minOccurrences);
        List<Entry> top = new ArrayList<>(sorted.subList(0, Math.min(k, sorted.size())));
        while (top.size() < k && !sorted.isEmpty()) {
            top.add(sorted.get(rng.nextInt(sorted.size())));
        }
        top.sort(order);
        return top;
    }

    /**
     * {@link #topk} without the padding: the distinct prompts it would return, and no random draw.
     * Early stopping compares these sets; padding adds only repeats, so the set is the same.
     */
    List<Entry> topkDistinct(int k, int minOccurrences) {
        List<Entry> sorted = ranked(minOccurrences);
        return new ArrayList<>(sorted.subList(0, Math.min(k, sorted.size())));
    }

    /** The prompts {@link #topk} chooses from, best first. */
    private List<Entry> ranked(int minOccurrences) {
        List<Entry> candidates = new ArrayList<>();
        if (differentStartToken) {
            Map<Long, Entry> bestByStart = new LinkedHashMap<>();
            for (Entry e : byId) {
                long start = e.ids.length == 0 ? -1 : e.ids[0];
                bestByStart.merge(start, e, (a, b) -> order.compare(b, a) < 0 ? b : a);
            }
            candidates.addAll(bestByStart.values());
        } else {
            candidates.addAll(byId);
        }
        List<Entry> kept = candidates;
        if (minOccurrences > 0) {
            kept = candidates.stream().filter(e -> e.evaluations() > minOccurrences).toList();
            if (kept.isEmpty()) {
                kept = candidates;
            }
        }
        List<Entry> sorted = new ArrayList<>(kept);
        sorted.sort(order);
        return sorted;
    }

    /**
     * The k best by the criterion over all prompts, without the start-token rule, among those
     * evaluated more than {@code minOccurrences} times (the reference's {@code topk_all}: a strict
     * "more than", as in {@link #topk}; 0 keeps every prompt). May be empty.
     */
    List<Entry> topkAll(int k, int minOccurrences) {
        List<Entry> kept = byId.stream().filter(e -> minOccurrences <= 0 || e.evaluations() > minOccurrences)
                .sorted(order).toList();
        return kept.subList(0, Math.min(k, kept.size()));
    }
}
