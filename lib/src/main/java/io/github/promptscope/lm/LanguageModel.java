package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.CheckpointException;
import io.github.promptscope.lm.checkpoint.CheckpointSaver;
import io.github.promptscope.util.Hashes;
import io.github.promptscope.lm.checkpoint.CheckpointWeights;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.checkpoint.Parameters;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import io.github.promptscope.util.Interrupts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A Hugging Face causal language model (GPT-2 or Llama family) loaded from a local folder and run
 * with DJL NDArray ops, giving the numbers {@code transformers} gives.
 *
 * <p>The model owns one NDManager holding its weights; every call opens a sub-manager of its own
 * and closes it before returning, so a search that calls {@link #score} a million times holds no
 * more native memory than one that calls it once. Results leave as Java arrays.
 */
public final class LanguageModel implements AutoCloseable {

    private final Path dir;
    private final ModelConfig config;
    private final TextTokenizer tokenizer;
    private final NDManager weights;
    private final Decoder decoder;
    private final List<Path> weightFiles;
    private final RuntimeDtype dtype;
    private int scoreBatchSize = 16;
    private String weightsSha256;

    private LanguageModel(Path dir, ModelConfig config, TextTokenizer tokenizer, NDManager weights,
            Decoder decoder, List<Path> weightFiles, RuntimeDtype dtype) {
        this.dir = dir;
        this.config = config;
        this.tokenizer = tokenizer;
        this.weights = weights;
        this.decoder = decoder;
        this.weightFiles = weightFiles;
        this.dtype = dtype;
    }

    /** Loads {@code config.json}, the safetensors weights and {@code tokenizer.json} from a folder, in float32. */
    public static LanguageModel load(Path dir) {
        return load(dir, Dtype.FLOAT32);
    }

    /**
     * The same, with the large matrix multiplies in {@code dtype} ({@link Dtype}); {@link #dtype()}
     * says which ran and why. A bfloat16 model is for inference: training needs float32.
     */
    public static LanguageModel load(Path dir, Dtype dtype) {
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir, "not a folder; --model takes a checkpoint folder");
        }
        ModelConfig config = ModelConfig.read(dir);
        CheckpointWeights tensors = new CheckpointWeights(dir);
        TextTokenizer tokenizer = TextTokenizer.load(dir);
        if (tokenizer.vocabSize() > config.vocabSize()) {
            tokenizer.close();
            throw new CheckpointException(tokenizer.file(), "vocabulary has " + tokenizer.vocabSize()
                    + " tokens but the embedding has " + config.vocabSize() + " rows (vocab_size in config.json)");
        }
        NDManager manager = Engines.pytorch().newBaseManager();
        try {
            Parameters params = new Parameters(tensors, manager);
            RuntimeDtype runtime = RuntimeDtype.resolve(dtype, manager);
            Decoder decoder = switch (config.architecture()) {
                case GPT2 -> Gpt2Loader.load(config, params, runtime.kernel());
                case LLAMA -> LlamaLoader.load(config, params, runtime.kernel());
            };
            tensors.requireAllUsed(params.asMap().keySet(), config);
            return new LanguageModel(dir, config, tokenizer, manager, decoder, tensors.files(), runtime);
        } catch (RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e;
        }
    }

    /** The small GPT-2 PromptScope trains and ships ({@code models/default}); see {@link DefaultModel}. */
    public static LanguageModel loadDefault() {
        return load(DefaultModel.locate());
    }

    /** {@link #loadDefault()} in {@code dtype}. */
    public static LanguageModel loadDefault(Dtype dtype) {
        return load(DefaultModel.locate(), dtype);
    }

    /** The dtype the large multiplies run in: {@code float32} or {@code bfloat16}. */
    public Dtype dtype() {
        return dtype.used();
    }

    /** {@link #dtype()} with the reason when it is not what was asked ("float32 (auto: this CPU lists ...)"). */
    public String dtypeDescription() {
        return dtype.describe();
    }

    public Path dir() {
        return dir;
    }

    /** The weights opened for training ({@code lm.train}); see {@link TrainableWeights}. */
    public TrainableWeights trainableWeights() {
        if (dtype.used() != Dtype.FLOAT32) {
            throw new IllegalStateException("training needs a float32 model; this one was loaded with --dtype "
                    + dtype.requested().label() + " (runs " + dtype.used().label() + ")");
        }
        return new TrainableWeights(this);
    }

    Decoder decoder() {
        return decoder;
    }

    NDManager weightsManager() {
        return weights;
    }

    /** Saves this model's current weights in Hugging Face layout (config, safetensors, tokenizer). */
    public void save(Path target) throws IOException {
        CheckpointSaver.save(dir, config, decoder.parameters, target);
    }

    public ModelConfig config() {
        return config;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** How many (prefix, continuation) pairs one forward pass of {@link #score} takes. */
    public LanguageModel scoreBatchSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("scoreBatchSize must be >= 1, got " + n);
        }
        this.scoreBatchSize = n;
        return this;
    }

    /** SHA-256 over the weight files in order: identifies the exact weights in run records. */
    public synchronized String weightsSha256() {
        if (weightsSha256 == null) {
            weightsSha256 = Hashes.sha256OfFiles(weightFiles);
        }
        return weightsSha256;
    }

    /** ln p(token i | tokens before it) for every token of {@code text} (no special tokens added). */
    public TokenLogProbs logProbs(String text) {
        return logProbs(tokenizer.encode(text));
    }

    /** The same for token ids, for sequences built piece by piece. */
    public TokenLogProbs logProbs(long[] ids) {
        List<String> pieces = new ArrayList<>();
        for (long id : ids) {
            pieces.add(tokenizer.piece(id));
        }
        Double[] out = new Double[ids.length];
        if (ids.length > 1) {
            List<float[]> lps = new ArrayList<>();
            ContinuationLogProbs.targetLogProbs(decoder, weights, config, List.of(ids), new int[] {1}, null, lps, new ArrayList<>());
            float[] lp = lps.get(0);
            for (int i = 1; i < ids.length; i++) {
                out[i] = (double) lp[i - 1];
            }
        }
        return new TokenLogProbs(ids, pieces, out);
    }

    /** Scores each continuation given its prefix, in batches; padding never changes a score. */
    public List<ContinuationScore> score(List<ScoreRequest> requests) {
        List<long[]> prefixes = new ArrayList<>();
        List<long[]> continuations = new ArrayList<>();
        for (ScoreRequest r : requests) {
            long[] prefix = new long[0];
            for (String piece : r.prefixPieces()) {
                prefix = TokenIds.concat(prefix, tokenizer.encode(piece));
            }
            prefixes.add(prefix);
            continuations.add(tokenizer.encode(r.continuation()));
        }
        return scoreTokens(prefixes, continuations, null, requests);
    }

    /**
     * Scores token-id continuations given token-id prefixes. With {@code allowedTargets}, every
     * continuation position's distribution is restricted to those ids (iPrompt's answer mask).
     */
    public List<ContinuationScore> scoreTokens(List<long[]> prefixes, List<long[]> continuationIds, long[] allowedTargets) {
        List<ScoreRequest> described = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            described.add(new ScoreRequest(tokenizer.decode(prefixes.get(i)), tokenizer.decode(continuationIds.get(i))));
        }
        return scoreTokens(prefixes, continuationIds, allowedTargets, described);
    }

    private List<ContinuationScore> scoreTokens(List<long[]> prefixes, List<long[]> continuationIds,
            long[] allowedTargets, List<ScoreRequest> requests) {
        int n = prefixes.size();
        if (continuationIds.size() != n) {
            throw new IllegalArgumentException("prefixes (" + n + ") and continuations (" + continuationIds.size()
                    + ") differ in length");
        }
        long[][] seqs = new long[n][];
        int[] starts = new int[n];
        long[][] continuations = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] prefix = prefixes.get(i);
            if (prefix.length == 0) {
                throw new IllegalArgumentException("request " + i + ": the prefix has no tokens, so the first "
                        + "continuation token has nothing to be predicted from");
            }
            continuations[i] = continuationIds.get(i);
            seqs[i] = TokenIds.concat(prefix, continuations[i]);
            starts[i] = prefix.length;
        }
        // Sorting by length keeps each batch's padding small; results go back in request order.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> seqs[i].length));
        ContinuationScore[] out = new ContinuationScore[n];
        for (int from = 0; from < n; from += scoreBatchSize) {
            Interrupts.check();
            int to = Math.min(n, from + scoreBatchSize);
            List<long[]> batch = new ArrayList<>();
            int[] batchStarts = new int[to - from];
            for (int j = from; j < to; j++) {
                batch.add(seqs[order[j]]);
                batchStarts[j - from] = starts[order[j]];
            }
            List<float[]> lps = new ArrayList<>();
            List<boolean[]> hits = new ArrayList<>();
            ContinuationLogProbs.targetLogProbs(decoder, weights, config, batch, batchStarts, allowedTargets, lps, hits);
            for (int j = from; j < to; j++) {
                int i = order[j];
                boolean greedy = true;
                for (boolean h : hits.get(j - from)) {
                    greedy &= h;
                }
                out[i] = new ContinuationScore(requests.get(i), continuations[i], lps.get(j - from), greedy);
            }
        }
        return List.of(out);
    }

    /** Convenience: score one continuation under many prefixes, or any pairing of equal-length lists. */
    public List<ContinuationScore> score(List<String> prefixes, List<String> continuations) {
        if (prefixes.size() != continuations.size()) {
            throw new IllegalArgumentException("prefixes (" + prefixes.size() + ") and continuations ("
                    + continuations.size() + ") differ in length");
        }
        List<ScoreRequest> requests = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            requests.add(new ScoreRequest(prefixes.get(i), continuations.get(i)));
        }
        return score(requests);
    }

    /**
     * Scores every example's target under every prompt, the sequences being
     * {@code [prompt][context][target]}: the inner loop of prompt search. Each prompt's keys and
     * values are computed once and shared by all its examples, and only positions that predict a
     * target token reach the LM head. Prompts of equal length are batched together.
     */
    public PromptScores scoreUnderPrompts(List<long[]> prompts, List<long[]> contexts, List<long[]> targets) {
        return scoreUnderPrompts(prompts, contexts, targets, null);
    }

    /** The same, with every target position's distribution restricted to {@code allowedTargets} (null: all). */
    public PromptScores scoreUnderPrompts(List<long[]> prompts, List<long[]> contexts, List<long[]> targets,
            long[] allowedTargets) {
        return new SharedPromptScorer(decoder, weights).score(prompts, contexts, targets, allowedTargets);
    }

    /** Continues each prompt; see {@link GenerationConfig} for greedy vs sampling and stops. */
    public List<Generation> generate(List<String> prompts, GenerationConfig config) {
        return new Generator(this, decoder, weights).generate(prompts, config);
    }

    /**
     * Continues prompts given as token ids (for contexts built from separately tokenized pieces);
     * each result's {@code prompt} is the decoded ids.
     */
    public List<Generation> generateFromIds(List<long[]> promptIds, GenerationConfig config) {
        List<String> texts = promptIds.stream().map(tokenizer::decode).toList();
        return new Generator(this, decoder, weights).generate(promptIds, texts, config);
    }

    /** The same, telling {@code listener} of each token as it is produced (for streaming). */
    public List<Generation> generate(List<String> prompts, GenerationConfig config, TokenListener listener) {
        return new Generator(this, decoder, weights, listener).generate(prompts, config);
    }

    /**
     * Several calls in one batch, each row's tokens those of its call run alone (see
     * {@link GenerationCall}): one prefill for every distinct context of all the calls and one
     * forward pass per new column, instead of one set per call. Results come call by call, row by row.
     */
    public List<List<Generation>> generateTogether(List<GenerationCall> calls) {
        return new Generator(this, decoder, weights).generateTogether(calls);
    }

    /** {@link #generateFromIds(List, GenerationConfig)}, telling {@code listener} of each token. */
    public List<Generation> generateFromIds(List<long[]> promptIds, GenerationConfig config, TokenListener listener) {
        List<String> texts = promptIds.stream().map(tokenizer::decode).toList();
        return new Generator(this, decoder, weights, listener).generate(promptIds, texts, config);
    }

    public Generation generate(String prompt, GenerationConfig config) {
        return generate(List.of(prompt), config).get(0);
    }

    /**
     * One forward pass over {@code texts} (right-padded into one batch, padding masked) that keeps
     * the activations at {@code names}; shapes are documented on {@link HookName.Point}. The
     * result also holds each text's tokens, per-token log-probs and last-position logits.
     */
    public ActivationCache runWithCache(List<String> texts, HookName... names) {
        return runWithHooks(texts, List.of(), names);
    }

    /**
     * {@link #runWithCache(List, HookName...)} over token ids: for windows cut from a token stream
     * (neuron activation records), whose decoded text might not encode back to the same ids.
     */
    public ActivationCache runIdsWithCache(List<long[]> ids, HookName... names) {
        return new HookedForward(decoder, weights, tokenizer, config).runIds(ids, List.of(), List.of(names));
    }

    /** One forward pass in which {@code fn} reads and may replace the activation at {@code name}. */
    public ActivationCache runWithHooks(List<String> texts, HookName name, HookFunction fn, HookName... cache) {
        return runWithHooks(texts, List.of(Hook.at(name, fn)), cache);
    }

    /**
     * One forward pass with {@code hooks} attached (several at one point run in list order), also
     * caching {@code cache}, which sees the activations after the hooks. Hooks last for this call only.
     */
    public ActivationCache runWithHooks(List<String> texts, List<Hook> hooks, HookName... cache) {
        return new HookedForward(decoder, weights, tokenizer, config).run(texts, hooks, List.of(cache));
    }

    /** Every hook point of this model, in forward order. */
    public List<HookName> hookNames() {
        return Hooks.all(config);
    }

    /**
     * Hidden states of {@code text} at Hugging Face's {@code hidden_states[index]}: 0 is the
     * embeddings, i the output of block i-1, and the last one has the final norm applied.
     * Returns [pos][d_model]. The hook names say the same: see {@link #runWithCache}.
     */
    public float[][] hiddenStates(String text, int index) {
        if (index < 0 || index > config.numLayers()) {
            throw new IllegalArgumentException("hidden-state index must be in 0.." + config.numLayers() + ", got " + index);
        }
        HookName name = index == 0 ? Hooks.residPre(0)
                : index == config.numLayers() ? Hooks.lnFinal() : Hooks.residPost(index - 1);
        return cacheOne(text, name);
    }

    /** The MLP activations of block {@code layer}, [pos][d_mlp]: {@code blocks.{layer}.mlp.hook_post}. */
    public float[][] mlpActivations(String text, int layer) {
        if (layer < 0 || layer >= config.numLayers()) {
            throw new IllegalArgumentException("layer must be in 0.." + (config.numLayers() - 1) + ", got " + layer);
        }
        return cacheOne(text, Hooks.mlpPost(layer));
    }

    private float[][] cacheOne(String text, HookName name) {
        if (tokenizer.encode(text).length == 0) {
            return new float[0][];
        }
        return runWithCache(List.of(text), name).get(name, 0);
    }

    /**
     * ln p of every vocabulary token after each prefix of {@code ids}: row i is the distribution of
     * token i+1, shape [ids.length][vocab]. For top-k alternatives (the completions API's logprobs).
     */
    public float[][] nextTokenLogProbs(long[] ids) {
        if (ids.length == 0) {
            return new float[0][];
        }
        try (NDManager m = weights.newSubManager()) {
            int vocab = config.vocabSize();
            float[] flat = decoder.nextTokenLogProbs(m, new long[][] {ids}).toFloatArray();
            float[][] out = new float[ids.length][];
            for (int t = 0; t < ids.length; t++) {
                out[t] = Arrays.copyOfRange(flat, t * vocab, (t + 1) * vocab);
            }
            return out;
        }
    }

    /**
     * One forward pass over {@code ids}: at each of {@code positions}, ln p(candidate | ids[0..position])
     * for each candidate id (the softmax is over the whole vocabulary), shape
     * [positions.length][candidates.length]. Reads a distribution over a few tokens at many slots
     * of one prompt (the neuron simulator's 0-10 values) without materialising the vocabulary rows.
     */
    public float[][] nextTokenLogProbs(long[] ids, int[] positions, long[] candidates) {
        return SlotLogProbs.compute(decoder, weights, config, ids, positions, candidates);
    }

    /** Scoring and gradients with trainable rows spliced in for tokens (AutoPrompt, P-tuning); see {@link SoftPrompts}. */
    public SoftPrompts softPrompts() {
        return new SoftPrompts(decoder, weights, config);
    }

    @Override
    public void close() {
        if (dtype.kernel() != null) {
            dtype.kernel().close();
        }
        weights.close();
        tokenizer.close();
    }
}
