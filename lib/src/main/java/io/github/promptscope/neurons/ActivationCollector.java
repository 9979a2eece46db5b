package io.github.promptscope.neurons;

import io.github.promptscope.lm.ActivationCache;
import io.github.promptscope.lm.HookName;
import io.github.promptscope.lm.Hooks;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.Interrupts;
import io.github.promptscope.util.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Collects neuron records for MLP neurons of one layer (spec neurons.md 1.1): the documents are
 * tokenized and packed end to end, separated by end-of-text as the model was trained, and cut
 * into excerpts of {@code windowTokens}; one batched pass over all excerpts reads
 * {@code blocks.L.mlp.hook_post}, and each neuron keeps the excerpts with the highest maximum
 * activation (OpenAI's ranking, issue #20) and its own random sample of excerpts.
 */
public final class ActivationCollector {

    private final LanguageModel model;
    private final CollectorConfig config;

    public ActivationCollector(LanguageModel model, CollectorConfig config) {
        this.model = model;
        this.config = config;
    }

    /** The excerpts as token ids, in corpus order: what {@link #collect} runs. */
    public List<long[]> windows(List<String> documents) {
        Integer eos = model.config().eosTokenId();
        List<Long> stream = new ArrayList<>();
        for (String d : documents) {
            for (long id : model.tokenizer().encode(d)) {
                stream.add(id);
            }
            if (eos != null) {
                stream.add((long) eos);
            }
        }
        List<long[]> out = new ArrayList<>();
        int w = config.windowTokens();
        for (int start = 0; start + w <= stream.size(); start += w) {
            long[] win = new long[w];
            for (int i = 0; i < w; i++) {
                win[i] = stream.get(start + i);
            }
            out.add(win);
        }
        return out;
    }

    /** One record per neuron of {@code neurons} (indices into the layer's MLP width), in that order. */
    public List<NeuronRecord> collect(int layer, int[] neurons, List<String> documents) {
        int layers = model.config().numLayers();
        int width = model.config().intermediateSize();
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer " + layer + " is outside 0.." + (layers - 1) + " (the model has "
                    + layers + " layers)");
        }
        for (int n : neurons) {
            if (n < 0 || n >= width) {
                throw new IllegalArgumentException("neuron " + n + " is outside 0.." + (width - 1) + " (layer " + layer
                        + " has " + width + " MLP neurons)");
            }
        }
        if (config.windowTokens() > model.config().maxPositions()) {
            throw new IllegalArgumentException("excerpts of " + config.windowTokens() + " tokens exceed the model's "
                    + model.config().maxPositions() + " positions");
        }
        List<long[]> windows = windows(documents);
        if (windows.size() < Math.max(config.topK(), config.randomK())) {
            throw new IllegalArgumentException("the corpus gives " + windows.size() + " excerpts of "
                    + config.windowTokens() + " tokens; " + Math.max(config.topK(), config.randomK())
                    + " are needed (top " + config.topK() + ", random " + config.randomK() + ")");
        }
        List<PriorityQueue<Excerpt>> tops = new ArrayList<>();
        List<Map<Integer, Integer>> randomSlots = new ArrayList<>();
        List<ActivationRecord[]> randoms = new ArrayList<>();
        for (int n : neurons) {
            tops.add(new PriorityQueue<>(RANKING.reversed()));
            randomSlots.add(randomWindows(n, windows.size()));
            randoms.add(new ActivationRecord[config.randomK()]);
        }
        HookName post = Hooks.mlpPost(layer);
        int batches = (windows.size() + config.batchSize() - 1) / config.batchSize();
        try (Progress progress = Progress.start("activations, layer " + layer, batches, 0)) {
            for (int b = 0; b < batches; b++) {
                Interrupts.check();
                int from = b * config.batchSize();
                int to = Math.min(windows.size(), from + config.batchSize());
                ActivationCache cache = model.runIdsWithCache(windows.subList(from, to), post);
                for (int w = from; w < to; w++) {
                    float[][] acts = cache.get(post, w - from); // [pos][d_mlp]
                    List<String> tokens = cache.tokenStrings(w - from);
                    for (int k = 0; k < neurons.length; k++) {
                        double[] a = new double[acts.length];
                        for (int t = 0; t < a.length; t++) {
                            a[t] = acts[t][neurons[k]];
                        }
                        offer(tops.get(k), new Excerpt(w, tokens, a));
                        Integer slot = randomSlots.get(k).get(w);
                        if (slot != null) {
                            randoms.get(k)[slot] = new ActivationRecord(tokens, a);
                        }
                    }
                }
                progress.update(b + 1, to + " excerpts");
            }
        }
        List<NeuronRecord> out = new ArrayList<>();
        for (int k = 0; k < neurons.length; k++) {
            List<Excerpt> top = new ArrayList<>(tops.get(k));
            top.sort(RANKING);
            out.add(NeuronRecord.of(new NeuronId(layer, neurons[k]),
                    top.stream().map(e -> new ActivationRecord(e.tokens, e.activations)).toList(),
                    Arrays.asList(randoms.get(k))));
        }
        return out;
    }

    /** Highest maximum first; among equal maxima, the earlier excerpt. */
    private static final Comparator<Excerpt> RANKING = Comparator.comparingDouble((Excerpt e) -> -e.max)
            .thenComparingInt(e -> e.window);

    private void offer(PriorityQueue<Excerpt> heap, Excerpt e) {
        heap.add(e); // the heap's head is the worst kept excerpt
        if (heap.size() > config.topK()) {
            heap.poll();
        }
    }

    /** Window index -> slot in the random sample, drawn for this neuron alone (a partial shuffle). */
    private Map<Integer, Integer> randomWindows(int neuron, int windowCount) {
        Random rng = new Random(config.seed() * 1_000_003L + neuron);
        int[] order = new int[windowCount];
        for (int i = 0; i < windowCount; i++) {
            order[i] = i;
        }
        Map<Integer, Integer> slots = new HashMap<>();
        for (int i = 0; i < config.randomK(); i++) {
            int j = i + rng.nextInt(windowCount - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
            slots.put(order[i], i);
        }
        return slots;
    }

    private record Excerpt(int window, List<String> tokens, double[] activations, double max) {
        Excerpt(int window, List<String> tokens, double[] activations) {
            this(window, tokens, activations, Arrays.stream(activations).max().orElse(Double.NEGATIVE_INFINITY));
        }
    }
}
