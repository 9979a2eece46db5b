package io.github.promptscope.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a search scored and proposed, as {@link SearchResult#trace()} and {@link SearchResult#proposals()}
 * report it, kept small enough for a search of hours: a prompt is its id in the search's
 * {@link PromptPool} (every candidate and every proposal is a pool prompt), and the trace is kept
 * column by column in primitive arrays, about 25 bytes a candidate. An entry object with the decoded
 * text of each candidate, and a decoded string per proposal, took about 20 MB of heap in a 30-minute
 * {@code explain} (README, "One 30-minute search"). The texts are decoded once per distinct prompt
 * when the search ends ({@link #entries}, {@link #proposals}); losses and accuracies keep their
 * full double precision.
 */
final class SearchTrace {

    private final List<String> origins = new ArrayList<>();
    private int size;
    private int[] steps = new int[64];
    private byte[] originIds = new byte[64];
    private int[] promptIds = new int[64];
    private double[] losses = new double[64];
    private double[] accuracies = new double[64];
    private int proposalCount;
    private int[] proposalIds = new int[64];

    /** A candidate scored: pool prompt {@code promptId}, scored at {@code step}. */
    void scored(int step, String origin, int promptId, double loss, double accuracy) {
        if (size == steps.length) {
            int grown = Math.max(64, size + (size >> 1));
            steps = Arrays.copyOf(steps, grown);
            originIds = Arrays.copyOf(originIds, grown);
            promptIds = Arrays.copyOf(promptIds, grown);
            losses = Arrays.copyOf(losses, grown);
            accuracies = Arrays.copyOf(accuracies, grown);
        }
        steps[size] = step;
        originIds[size] = originId(origin);
        promptIds[size] = promptId;
        losses[size] = loss;
        accuracies[size] = accuracy;
        size++;
    }

    /** A prompt the proposal model generated: pool prompt {@code promptId}. */
    void proposed(int promptId) {
        if (proposalCount == proposalIds.length) {
            proposalIds = Arrays.copyOf(proposalIds, proposalCount + (proposalCount >> 1));
        }
        proposalIds[proposalCount++] = promptId;
    }

    /**
     * The trace, in order, as entries made on demand; {@code texts} is each pool prompt's decoded
     * text by id. Reads a copy of the columns, so the view does not change if more is traced.
     */
    List<TraceEntry> entries(List<String> texts) {
        int n = size;
        int[] step = Arrays.copyOf(steps, n);
        byte[] origin = Arrays.copyOf(originIds, n);
        int[] prompt = Arrays.copyOf(promptIds, n);
        double[] loss = Arrays.copyOf(losses, n);
        double[] accuracy = Arrays.copyOf(accuracies, n);
        List<String> names = List.copyOf(origins);
        return new IndexedView<>(n, i -> new TraceEntry(step[i], names.get(origin[i]), texts.get(prompt[i]), loss[i],
                accuracy[i]));
    }

    /** The proposals, in generation order, as {@code texts} (each pool prompt's decoded text by id) spells them. */
    List<String> proposals(List<String> texts) {
        int[] ids = Arrays.copyOf(proposalIds, proposalCount);
        return new IndexedView<>(ids.length, i -> texts.get(ids[i]));
    }

    private byte originId(String origin) {
        int i = origins.indexOf(origin);
        if (i < 0) {
            if (origins.size() == Byte.MAX_VALUE) {
                throw new IllegalStateException("more than " + Byte.MAX_VALUE + " candidate origins");
            }
            origins.add(origin);
            i = origins.size() - 1;
        }
        return (byte) i;
    }
}
