package io.github.promptscope.lm;

import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.util.Interrupts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Autoregressive generation for a batch of prompts, left-padded so every row's next token sits in
 * the last column. With the KV cache each step feeds one token per row; without it every step
 * reruns the whole sequence (kept only to prove the cache changes nothing).
 */
final class Generator {

    private final LanguageModel model;
    private final Decoder decoder;
    private final NDManager weights;
    private final TokenListener listener;
    private LogitsProcessor processor;
    private SharedContexts sharing; // set by generateAfter: each distinct context runs once

    Generator(LanguageModel model, Decoder decoder, NDManager weights) {
        this(model, decoder, weights, null);
    }

    /** With {@code listener} (null: none) told of each token as it is produced. */
    Generator(LanguageModel model, Decoder decoder, NDManager weights, TokenListener listener) {
        this.model = model;
        this.decoder = decoder;
        this.weights = weights;
        this.listener = listener;
    }

    /** The state of one sequence being generated. */
    private static final class Row {
        final String prompt;
        final int sample;
        final long[] promptIds;
        final TokenSampler sampler;
        final List<Long> fresh = new ArrayList<>();
        String finishReason;
        String text = "";

        Row(String prompt, int sample, long[] promptIds, TokenSampler sampler) {
            this.prompt = prompt;
            this.sample = sample;
            this.promptIds = promptIds;
            this.sampler = sampler;
        }

        long[] freshIds() {
            return fresh.stream().mapToLong(Long::longValue).toArray();
        }
    }

    List<Generation> generate(List<String> prompts, GenerationConfig cfg) {
        List<long[]> ids = new ArrayList<>();
        for (String prompt : prompts) {
            ids.add(model.tokenizer().encode(prompt));
        }
        return generate(ids, prompts, cfg);
    }

    /**
     * Generation after {@code contexts[i] + keeps[i]}, each distinct context run once for all the
     * rows that start with it ({@link SharedContexts}); the same tokens as generating from the
     * concatenated ids. Kept parts of unequal length fall back to that.
     */
    List<Generation> generateAfter(List<long[]> contexts, List<long[]> keeps, List<String> prompts, GenerationConfig cfg) {
        List<long[]> ids = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            ids.add(TokenIds.concat(contexts.get(i), keeps.get(i)));
        }
        SharedContexts s = SharedContexts.of(contexts, keeps);
        sharing = s == null ? null : s.perSample(cfg.numSamples());
        try {
            return generate(ids, prompts, cfg);
        } finally {
            sharing = null;
        }
    }

    /** Generation from token ids; {@code prompts} are the texts reported back with each result. */
    List<Generation> generate(List<long[]> promptIds, List<String> prompts, GenerationConfig cfg) {
        List<long[]> banned = new ArrayList<>();
        for (String b : cfg.bannedTexts()) {
            long[] seq = model.tokenizer().encode(b);
            if (seq.length > 0) {
                banned.add(seq);
            }
        }
        processor = new LogitsProcessor(cfg, banned, model.config().eosTokenId());
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < promptIds.size(); p++) {
            String prompt = prompts.get(p);
            long[] ids = promptIds.get(p);
            if (ids.length == 0) {
                throw new IllegalArgumentException("prompt \"" + prompt + "\" has no tokens; generation needs context");
            }
            for (int s = 0; s < cfg.numSamples(); s++) {
                // One generator per row, derived from the seed and the row: a row's sample does not
                // depend on which other prompts share its batch.
                Random random = new Random(cfg.seed() * 1_000_003L + rows.size());
                rows.add(new Row(prompt, s, ids, new TokenSampler(cfg, random)));
            }
        }
        if (cfg.maxNewTokens() > 0) {
            try (NDManager m = weights.newSubManager()) {
                run(rows, cfg, m);
            }
        }
        List<Generation> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Generation(r.prompt, r.sample, r.freshIds(), r.text,
                    r.finishReason == null ? "length" : r.finishReason));
        }
        return out;
    }

    private void run(List<Row> rows, GenerationConfig cfg, NDManager m) {
        int batch = rows.size();
        int promptLen = rows.stream().mapToInt(r -> r.promptIds.length).max().orElseThrow();
        int total = promptLen + cfg.maxNewTokens();
        long[][] ids = new long[batch][total];
        boolean[][] real = new boolean[batch][total];
        long[][] pos = new long[batch][total];
        for (int b = 0; b < batch; b++) {
            long[] p = rows.get(b).promptIds;
            int pad = promptLen - p.length;
            for (int t = 0; t < p.length; t++) {
                ids[b][pad + t] = p[t];
                real[b][pad + t] = true;
                pos[b][pad + t] = t;
            }
            for (int t = 0; t < cfg.maxNewTokens(); t++) {
                real[b][promptLen + t] = true;
                pos[b][promptLen + t] = p.length + t;
            }
        }
        KvCache cache = cfg.useCache() ? new KvCache(m, decoder.layers.size()) : null;
        int fed = 0; // columns already in the cache
        for (int step = 0; step < cfg.maxNewTokens(); step++) {
            Interrupts.check();
            int end = promptLen + step; // columns known so far
            int from = cache == null ? 0 : fed;
            float[][] logits = step == 0 && cache != null && sharing != null
                    ? sharing.prefill(ids, pos, real, promptLen, cache, (i, p, r, f, e, c) -> lastLogits(m, i, p, r, f, e, c))
                    : lastLogits(m, ids, pos, real, from, end, cache);
            fed = end;
            boolean allDone = true;
            for (int b = 0; b < batch; b++) {
                Row r = rows.get(b);
                long next = 0;
                if (r.finishReason == null) {
                    processor.apply(logits[b], Arrays.copyOfRange(ids[b], promptLen - r.promptIds.length, end), step);
                    next = r.sampler.next(logits[b]);
                }
                ids[b][end] = next;
                if (r.finishReason == null) {
                    accept(r, next, cfg);
                    if (listener != null) {
                        listener.onToken(b, r.fresh.size(), next, r.text, r.finishReason != null);
                    }
                }
                allDone &= r.finishReason != null;
            }
            if (allDone) {
                break;
            }
        }
    }

    /** Runs columns [from, end) and returns each row's logits for the next token. */
    private float[][] lastLogits(NDManager m, long[][] ids, long[][] pos, boolean[][] real, int from, int end,
            KvCache cache) {
        int batch = ids.length;
        long[][] stepIds = new long[batch][];
        long[][] stepPos = new long[batch][];
        boolean[][] keys = new boolean[batch][];
        for (int b = 0; b < batch; b++) {
            stepIds[b] = Arrays.copyOfRange(ids[b], from, end);
            stepPos[b] = Arrays.copyOfRange(pos[b], from, end);
            keys[b] = Arrays.copyOfRange(real[b], 0, end);
        }
        try (NDManager step = m.newSubManager()) {
            NDArray hidden = decoder.hiddenForInference(decoder.embed(step.create(stepIds)), stepPos, keys, cache);
            NDArray last = hidden.get(":, " + (end - from - 1) + ", :");
            float[] flat = decoder.logits(last).toFloatArray();
            int vocab = flat.length / batch;
            float[][] out = new float[batch][];
            for (int b = 0; b < batch; b++) {
                out[b] = Arrays.copyOfRange(flat, b * vocab, (b + 1) * vocab);
            }
            return out;
        }
    }

    private void accept(Row r, long next, GenerationConfig cfg) {
        Integer eos = model.config().eosTokenId();
        if (cfg.stopAtEos() && eos != null && next == eos) {
            r.fresh.add(next);
            r.finishReason = "eos";
            return;
        }
        r.fresh.add(next);
        r.text = model.tokenizer().decode(r.freshIds());
        for (String stop : cfg.stopStrings()) {
            int at = r.text.indexOf(stop);
            if (at >= 0) {
                r.text = r.text.substring(0, at);
                r.finishReason = "stop";
                return;
            }
        }
    }
}
