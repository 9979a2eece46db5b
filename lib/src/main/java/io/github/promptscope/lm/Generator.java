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
    private SharedContexts sharing; // set by generateTogether: each distinct context runs once

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
        String prompt;
        final int sample;
        final long[] promptIds;
        final GenerationConfig config;
        final LogitsProcessor processor;
        final TokenSampler sampler;
        final List<Long> fresh = new ArrayList<>();
        long[] lead = new long[0]; // fed before sampling starts (generateTogether)
        Row leadSource; // when not null: the lead is this row's first lead.length tokens, fed as they come
        String finishReason;
        String text = "";

        Row(String prompt, int sample, long[] promptIds, GenerationConfig config, LogitsProcessor processor,
                TokenSampler sampler) {
            this.prompt = prompt;
            this.sample = sample;
            this.promptIds = promptIds;
            this.config = config;
            this.processor = processor;
            this.sampler = sampler;
        }

        long[] freshIds() {
            return fresh.stream().mapToLong(Long::longValue).toArray();
        }

        /** New columns this row fills: its lead, then its sampled tokens. */
        int columns() {
            return lead.length + config.maxNewTokens();
        }

        boolean done() {
            return finishReason != null || fresh.size() == config.maxNewTokens();
        }

        /** The lead token of column {@code step}, taken from the source row once it has sampled it. */
        long leadToken(int step) {
            if (leadSource == null) {
                return lead[step];
            }
            if (leadSource.fresh.size() <= step) {
                throw new IllegalStateException("the row a lead follows has not generated token " + step);
            }
            lead[step] = leadSource.fresh.get(step);
            return lead[step];
        }

        Generation result() {
            return new Generation(prompt, sample, freshIds(), text, finishReason == null ? "length" : finishReason);
        }
    }

    List<Generation> generate(List<String> prompts, GenerationConfig cfg) {
        List<long[]> ids = new ArrayList<>();
        for (String prompt : prompts) {
            ids.add(model.tokenizer().encode(prompt));
        }
        return generate(ids, prompts, cfg);
    }

    /** Generation from token ids; {@code prompts} are the texts reported back with each result. */
    List<Generation> generate(List<long[]> promptIds, List<String> prompts, GenerationConfig cfg) {
        LogitsProcessor processor = processor(cfg);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < promptIds.size(); p++) {
            String prompt = prompts.get(p);
            long[] ids = promptIds.get(p);
            if (ids.length == 0) {
                throw new IllegalArgumentException("prompt \"" + prompt + "\" has no tokens; generation needs context");
            }
            for (int s = 0; s < cfg.numSamples(); s++) {
                rows.add(new Row(prompt, s, ids, cfg, processor, sampler(cfg, rows.size())));
            }
        }
        run(rows, cfg.useCache());
        return rows.stream().map(Row::result).toList();
    }

    /**
     * Several calls as one batch ({@link GenerationCall}): every row's prompt is its context, so the
     * distinct contexts of all the calls run once ({@link SharedContexts}), and each lead is fed in
     * the new columns before the row starts sampling, at the positions it would have in the prompt.
     */
    List<List<Generation>> generateTogether(List<GenerationCall> calls) {
        List<Row> rows = new ArrayList<>();
        List<List<Row>> byCall = new ArrayList<>();
        for (GenerationCall call : calls) {
            LogitsProcessor processor = processor(call.config());
            List<Row> own = new ArrayList<>();
            for (int i = 0; i < call.contexts().size(); i++) {
                long[] context = call.contexts().get(i);
                if (context.length == 0) {
                    throw new IllegalArgumentException("context " + i + " of call " + byCall.size() + " has no tokens");
                }
                Row r = new Row(null, 0, context, call.config(), processor, sampler(call.config(), i));
                if (call.leads().get(i) instanceof GenerationCall.Given g) {
                    r.lead = g.ids().clone();
                } else if (call.leads().get(i) instanceof GenerationCall.HeadOf h) {
                    r.leadSource = headSource(byCall, h);
                    r.lead = new long[h.length()];
                }
                own.add(r);
            }
            byCall.add(own);
            rows.addAll(own);
        }
        List<long[]> contexts = rows.stream().map(r -> r.promptIds).toList();
        sharing = SharedContexts.of(contexts);
        try {
            run(rows, calls.stream().allMatch(c -> c.config().useCache()));
        } finally {
            sharing = null;
        }
        List<List<Generation>> out = new ArrayList<>();
        for (List<Row> own : byCall) {
            for (Row r : own) {
                r.prompt = model.tokenizer().decode(TokenIds.concat(r.promptIds, r.lead));
            }
            out.add(own.stream().map(Row::result).toList());
        }
        return out;
    }

    /** The row a {@link GenerationCall.HeadOf} lead follows, checked to give its head in time. */
    private static Row headSource(List<List<Row>> earlier, GenerationCall.HeadOf h) {
        if (h.call() < 0 || h.call() >= earlier.size() || h.row() < 0 || h.row() >= earlier.get(h.call()).size()) {
            throw new IllegalArgumentException("a lead follows row " + h.row() + " of call " + h.call()
                    + ", which is not a row of an earlier call");
        }
        Row source = earlier.get(h.call()).get(h.row());
        GenerationConfig c = source.config;
        if (source.lead.length > 0 || h.length() > c.maxNewTokens() || c.stopAtEos() || !c.stopStrings().isEmpty()) {
            throw new IllegalArgumentException("a lead of " + h.length() + " tokens follows row " + h.row() + " of call "
                    + h.call() + ", which must have no lead and no stops and generate at least that many tokens");
        }
        return source;
    }

    private LogitsProcessor processor(GenerationConfig cfg) {
        List<long[]> banned = new ArrayList<>();
        for (String b : cfg.bannedTexts()) {
            long[] seq = model.tokenizer().encode(b);
            if (seq.length > 0) {
                banned.add(seq);
            }
        }
        return new LogitsProcessor(cfg, banned, model.config().eosTokenId());
    }

    /**
     * One generator per row, derived from the seed and the row's index in its call: a row's sample
     * does not depend on which other prompts share its batch.
     */
    private static TokenSampler sampler(GenerationConfig cfg, int row) {
        return new TokenSampler(cfg, new Random(cfg.seed() * 1_000_003L + row));
    }

    private void run(List<Row> rows, boolean useCache) {
        int steps = rows.stream().mapToInt(Row::columns).max().orElse(0);
        if (steps > 0) {
            try (NDManager m = weights.newSubManager()) {
                run(rows, steps, useCache, m);
            }
            NativeMemory.releaseFreed();
        }
    }

    private void run(List<Row> rows, int steps, boolean useCache, NDManager m) {
        int batch = rows.size();
        int promptLen = rows.stream().mapToInt(r -> r.promptIds.length).max().orElseThrow();
        int total = promptLen + steps;
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
            for (int t = 0; t < steps; t++) {
                real[b][promptLen + t] = true;
                pos[b][promptLen + t] = p.length + t;
            }
        }
        KvCache cache = useCache ? new KvCache(m, decoder.layers.size()) : null;
        int fed = 0; // columns already in the cache
        for (int step = 0; step < steps; step++) {
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
                if (step < r.lead.length) {
                    next = r.leadToken(step);
                } else if (!r.done()) {
                    int generated = step - r.lead.length;
                    r.processor.apply(logits[b], Arrays.copyOfRange(ids[b], promptLen - r.promptIds.length, end), generated);
                    next = r.sampler.next(logits[b]);
                    accept(r, next);
                    if (listener != null) {
                        listener.onToken(b, r.fresh.size(), next, r.text, r.finishReason != null);
                    }
                }
                ids[b][end] = next;
                allDone &= r.done();
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

    private void accept(Row r, long next) {
        GenerationConfig cfg = r.config;
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
