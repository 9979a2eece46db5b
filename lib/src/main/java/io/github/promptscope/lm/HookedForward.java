package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.tokenizer.TextTokenizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One forward pass over a right-padded batch of texts with hooks and a cache attached
 * ({@link LanguageModel#runWithCache}, {@link LanguageModel#runWithHooks}). Padding is masked out
 * of attention, so each text's numbers are those of the text run alone (within float rounding).
 */
final class HookedForward {

    private final Decoder decoder;
    private final NDManager weights;
    private final TextTokenizer tokenizer;
    private final ModelConfig config;

    HookedForward(Decoder decoder, NDManager weights, TextTokenizer tokenizer, ModelConfig config) {
        this.decoder = decoder;
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.config = config;
    }

    ActivationCache run(List<String> texts, List<Hook> hooks, List<HookName> cacheNames) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to run");
        }
        hooks.forEach(h -> Hooks.check(h.name(), config));
        cacheNames.forEach(n -> Hooks.check(n, config));
        List<long[]> encoded = new ArrayList<>();
        for (int b = 0; b < texts.size(); b++) {
            encoded.add(tokenizer.encode(texts.get(b)));
            if (encoded.get(b).length == 0) {
                throw new IllegalArgumentException("text " + b + " (\"" + texts.get(b) + "\") has no tokens");
            }
        }
        return run(encoded, texts, hooks, cacheNames);
    }

    /** The same over token ids (windows cut from a token stream, which decoding and re-encoding could change). */
    ActivationCache runIds(List<long[]> ids, List<Hook> hooks, List<HookName> cacheNames) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no token sequences to run");
        }
        for (int b = 0; b < ids.size(); b++) {
            if (ids.get(b).length == 0) {
                throw new IllegalArgumentException("token sequence " + b + " is empty");
            }
        }
        hooks.forEach(h -> Hooks.check(h.name(), config));
        cacheNames.forEach(n -> Hooks.check(n, config));
        return run(ids, ids.stream().map(tokenizer::decode).toList(), hooks, cacheNames);
    }

    private ActivationCache run(List<long[]> encoded, List<String> texts, List<Hook> hooks, List<HookName> cacheNames) {
        int batch = encoded.size();
        long[][] seqs = encoded.toArray(new long[0][]);
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = seqs[b].length;
        }
        PaddedBatch padded = PaddedBatch.of(seqs);
        int len = padded.len();
        long[][] ids = padded.ids();
        long[][] positions = padded.positions();
        boolean[][] keyMask = padded.mask();
        List<Long> predicting = new ArrayList<>(); // rows whose next token is a real token
        List<Long> targets = new ArrayList<>();
        long[] lastRows = new long[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 1; t < lengths[b]; t++) {
                predicting.add((long) b * len + t - 1);
                targets.add(seqs[b][t]);
            }
            lastRows[b] = (long) b * len + lengths[b] - 1;
        }
        HookRegistry registry = new HookRegistry(hooks, new LinkedHashSet<>(cacheNames), lengths);
        float[] flatLogProbs;
        float[][] lastLogits = new float[batch][];
        try (NDManager m = weights.newSubManager()) {
            NDArray hidden = decoder.hidden(decoder.embed(m.create(ids)), positions, keyMask, null, registry)
                    .reshape(-1, config.hiddenSize());
            // the same steps as ContinuationLogProbs, so an unhooked single text matches logProbs(text)
            flatLogProbs = new float[0];
            if (!targets.isEmpty()) {
                NDArray picked = Decoder.rows(hidden, m.create(Logits.toArray(predicting)));
                NDArray logProbs = decoder.logits(picked).logSoftmax(-1);
                NDArray target = m.create(Logits.toArray(targets), new Shape(targets.size(), 1));
                flatLogProbs = logProbs.gather(target, 1).toFloatArray();
            }
            float[] last = decoder.logits(Decoder.rows(hidden, m.create(lastRows))).toFloatArray();
            int vocab = last.length / batch;
            for (int b = 0; b < batch; b++) {
                lastLogits[b] = Arrays.copyOfRange(last, b * vocab, (b + 1) * vocab);
            }
        }
        List<TokenLogProbs> perText = new ArrayList<>();
        int k = 0;
        for (int b = 0; b < batch; b++) {
            Double[] lp = new Double[lengths[b]];
            for (int t = 1; t < lengths[b]; t++) {
                lp[t] = (double) flatLogProbs[k++];
            }
            List<String> pieces = new ArrayList<>();
            for (long id : seqs[b]) {
                pieces.add(tokenizer.piece(id));
            }
            perText.add(new TokenLogProbs(seqs[b], pieces, lp));
        }
        Map<HookName, HookRegistry.Captured> captured = new HashMap<>(registry.captured());
        Set<HookName> missing = new LinkedHashSet<>(cacheNames);
        missing.removeAll(captured.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the forward pass never reached " + missing);
        }
        return new ActivationCache(texts, perText, lastLogits, captured);
    }
}
