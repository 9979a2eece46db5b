package io.github.promptscope.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every prompt a search has scored, with its running mean loss and accuracy (the reference's
 * {@code PrefixPool}, spec 1.6). Two deliberate fixes: the best prompt per start token is
 * recomputed from current means (the reference kept stale scores), and the {@code acc} criterion
 * breaks ties by loss (the reference's tuple was {@code (-acc, 2)}).
 */
final class PromptPool {

    /** Running statistics of one prompt. */
    static final class Entry {
        final long[] ids;
        final int order; // insertion order = generation order
        final List<Double> losses = new ArrayList<>();
        final List<Double> accuracies = new ArrayList<>();
        String origin;

        Entry(long[] ids, int order, String origin) {
            this.ids = ids;
            this.order = order;
            this.origin = origin;
        }

        /** 10000 and 0 before any evaluation, as {@code initialize_prefix} sets them. */
        double meanLoss() {
            return losses.isEmpty() ? 10_000 : losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        double meanAccuracy() {
            return accuracies.isEmpty() ? 0 : accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        int evaluations() {
            return losses.size();
        }
    }

    private final Map<List<Long>, Entry> entries = new LinkedHashMap<>();
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

    boolean contains(long[] ids) {
        return entries.containsKey(key(ids));
    }

    /** Adds an unscored prompt; a prompt already present keeps its statistics. */
    void initialize(long[] ids, String origin) {
        entries.computeIfAbsent(key(ids), k -> new Entry(ids, entries.size(), origin));
    }

    void update(long[] ids, String origin, double loss, double accuracy) {
        initialize(ids, origin);
        Entry e = entries.get(key(ids));
        e.losses.add(loss);
        e.accuracies.add(accuracy);
    }

    Collection<Entry> all() {
        return entries.values();
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
            for (Entry e : entries.values()) {
                long start = e.ids.length == 0 ? -1 : e.ids[0];
                bestByStart.merge(start, e, (a, b) -> order.compare(b, a) < 0 ? b : a);
            }
            candidates.addAll(bestByStart.values());
        } else {
            candidates.addAll(entries.values());
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
        List<Entry> kept = entries.values().stream().filter(e -> minOccurrences <= 0 || e.evaluations() > minOccurrences)
                .sorted(order).toList();
        return kept.subList(0, Math.min(k, kept.size()));
    }
}
