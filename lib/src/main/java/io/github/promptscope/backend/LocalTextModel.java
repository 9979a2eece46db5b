package io.github.promptscope.backend;

import io.github.promptscope.backend.ScoredText.Alternative;
import io.github.promptscope.backend.ScoredText.ScoredToken;
import io.github.promptscope.lm.Generation;
import io.github.promptscope.lm.GenerationConfig;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.TokenListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A {@link TextModel} over a {@link LanguageModel} in this JVM. Generation is the runtime's
 * {@code generate} (same seed, same tokens); log-probabilities come from one teacher-forced pass over
 * prompt and continuation, so they are the model's own distribution (temperature, top-k and top-p
 * shape the sampling, not the reported numbers, as in the OpenAI API and vLLM).
 *
 * <p>Not thread-safe, like the model under it: {@code serve} runs every call on one worker.
 */
public final class LocalTextModel implements TextModel {

    private final LanguageModel model;
    private final boolean ownsModel;
    private final ChatTemplate template;

    /** Wraps a model the caller keeps and closes. */
    public LocalTextModel(LanguageModel model) {
        this(model, false);
    }

    private LocalTextModel(LanguageModel model, boolean ownsModel) {
        this.model = model;
        this.ownsModel = ownsModel;
        this.template = ChatTemplate.forCheckpoint(model.dir());
    }

    /** Loads a checkpoint folder; closing this model frees it. */
    public static LocalTextModel load(Path dir) {
        return new LocalTextModel(LanguageModel.load(dir), true);
    }

    public LanguageModel model() {
        return model;
    }

    @Override
    public String name() {
        Path file = model.dir().toAbsolutePath().normalize().getFileName();
        return file == null ? "model" : file.toString();
    }

    /** The longest sequence (prompt plus new tokens) the model has positions for. */
    public int maxPositions() {
        return model.config().maxPositions();
    }

    public int countTokens(String text) {
        return model.tokenizer().encode(text).length;
    }

    @Override
    public OptionalInt contextLength() {
        return OptionalInt.of(maxPositions());
    }

    @Override
    public OptionalInt promptTokens(String prompt) {
        return OptionalInt.of(countTokens(prompt));
    }

    @Override
    public OptionalInt chatPromptTokens(List<ChatMessage> messages) {
        return OptionalInt.of(countTokens(template.render(messages)));
    }

    public String decode(long[] ids) {
        return model.tokenizer().decode(ids);
    }

    /** Token ids run from 0 to this, exclusive. */
    public int vocabSize() {
        return model.config().vocabSize();
    }

    public ChatTemplate chatTemplate() {
        return template;
    }

    @Override
    public List<GeneratedText> complete(CompletionRequest request) {
        return complete(request, null);
    }

    /**
     * {@link #complete(CompletionRequest)}, telling {@code listener} (null: none) of each new token as
     * it is produced; its row is the choice's index. A listener that throws stops the generation.
     */
    public List<GeneratedText> complete(CompletionRequest request, TokenListener listener) {
        Sampling s = request.sampling();
        long[] promptIds = promptIds(request);
        List<Generation> generations;
        if (s.maxTokens() == 0) {
            // Scoring only (echo with no new tokens): nothing to generate.
            generations = new ArrayList<>();
            for (int i = 0; i < request.n(); i++) {
                generations.add(new Generation(request.prompt(), i, new long[0], "", "length"));
            }
        } else if (request.promptTokens() == null) {
            generations = model.generate(List.of(request.prompt()), config(s, request.n()), listener);
        } else {
            generations = model.generateFromIds(List.of(promptIds), config(s, request.n()), listener);
        }
        String promptText = request.promptTokens() == null ? request.prompt() : model.tokenizer().decode(promptIds);
        List<GeneratedText> out = new ArrayList<>();
        for (Generation g : generations) {
            ScoredText lp = request.logprobs() == null ? null
                    : logprobsOf(promptIds, g, request.logprobs(), request.echo(), promptText.length());
            out.add(choice(g, request.echo() ? promptText + g.text() : g.text(), lp, promptIds.length));
        }
        return out;
    }

    @Override
    public List<List<GeneratedText>> completeBatch(List<CompletionRequest> requests) {
        TextModel.checkBatch(requests);
        CompletionRequest first = requests.get(0);
        List<long[]> ids = new ArrayList<>();
        for (CompletionRequest r : requests) {
            ids.add(promptIds(r));
        }
        int n = first.n();
        List<List<GeneratedText>> out = new ArrayList<>();
        if (first.sampling().maxTokens() == 0) {
            for (long[] p : ids) {
                out.add(java.util.Collections.nCopies(n, new GeneratedText("", "length", null, p.length, 0, new long[0])));
            }
            return out;
        }
        List<Generation> rows = model.generateFromIds(ids, config(first.sampling(), n));
        for (int i = 0; i < ids.size(); i++) {
            List<GeneratedText> choices = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Generation g = rows.get(i * n + j);
                choices.add(choice(g, g.text(), null, ids.get(i).length));
            }
            out.add(choices);
        }
        return out;
    }

    private static GeneratedText choice(Generation g, String text, ScoredText lp, int promptTokens) {
        String finish = "length".equals(g.finishReason()) ? "length" : "stop";
        return new GeneratedText(text, finish, lp, promptTokens, g.tokens().length, g.tokens());
    }

    /** The request's prompt as token ids, checked against the vocabulary and the model's positions. */
    private long[] promptIds(CompletionRequest request) {
        long[] ids = request.promptTokens() != null ? request.promptTokens() : model.tokenizer().encode(request.prompt());
        if (ids.length == 0) {
            throw TextModelException.invalid("prompt is empty; give at least one token of text", "prompt");
        }
        int vocab = model.config().vocabSize();
        for (long id : ids) {
            if (id < 0 || id >= vocab) {
                throw TextModelException.invalid("prompt token id " + id + " is outside the vocabulary (0.."
                        + (vocab - 1) + ")", "prompt");
            }
        }
        int max = request.sampling().maxTokens();
        if (ids.length + max > maxPositions()) {
            throw TextModelException.invalid("prompt has " + ids.length + " tokens and max_tokens is "
                    + max + ", but the model has " + maxPositions() + " positions", "prompt");
        }
        return ids;
    }

    /** The runtime's settings for a sampling: the OpenAI parameters and the extension fields. */
    private static GenerationConfig config(Sampling s, int n) {
        return GenerationConfig.builder().maxNewTokens(s.maxTokens()).minNewTokens(s.minTokens())
                .temperature(s.temperature()).topP(s.topP()).topK(s.topK())
                .repetitionPenalty(s.repetitionPenalty()).bannedTexts(s.badWords())
                .seed(s.seed() == null ? 0 : s.seed()).numSamples(n).stopStrings(s.stop())
                .stopAtEos(!s.ignoreEos()).build();
    }

    @Override
    public ScoredText score(String text, int topK) {
        if (topK < 0 || topK > CompletionRequest.MAX_LOGPROBS) {
            throw TextModelException.invalid("topK must be in 0.." + CompletionRequest.MAX_LOGPROBS, "logprobs");
        }
        CompletionRequest r = new CompletionRequest(text, Sampling.greedy(0), 1, topK, true);
        return complete(r).get(0).logprobs();
    }

    @Override
    public GeneratedText chat(ChatRequest request) {
        GeneratedText g = complete(chatCompletion(request, 1, null)).get(0);
        return new GeneratedText(template.reply(g.text()), g.finishReason(), null, g.promptTokens(), g.completionTokens());
    }

    /** The completion request a chat request becomes: the rendered template and its turn-ending stops. */
    public CompletionRequest chatCompletion(ChatRequest request, int n, Integer logprobs) {
        List<String> stops = new ArrayList<>(template.stops());
        stops.addAll(request.sampling().stop());
        Sampling s = request.sampling().withStop(stops);
        return new CompletionRequest(template.render(request.messages()), s, n, logprobs, false);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        int last = model.config().numLayers();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[][] states = model.hiddenStates(texts.get(i), last);
            if (states.length == 0) {
                throw TextModelException.invalid("input " + i + " is empty; an embedding needs at least one token", "input");
            }
            if (states.length > maxPositions()) {
                throw TextModelException.invalid("input " + i + " has " + states.length + " tokens, but the model has "
                        + maxPositions() + " positions", "input");
            }
            float[] mean = new float[states[0].length];
            for (float[] row : states) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += row[d];
                }
            }
            for (int d = 0; d < mean.length; d++) {
                mean[d] /= states.length;
            }
            out.add(mean);
        }
        return out;
    }

    /**
     * The logprobs object of one choice: the prompt's tokens when echoed, then the generated tokens
     * that make up the returned text (a token past a stop string, or the end-of-sequence token, is
     * not part of the text and is left out).
     */
    private ScoredText logprobsOf(long[] promptIds, Generation g, int topK, boolean echo, int promptChars) {
        long[] all = new long[promptIds.length + g.tokens().length];
        System.arraycopy(promptIds, 0, all, 0, promptIds.length);
        System.arraycopy(g.tokens(), 0, all, promptIds.length, g.tokens().length);
        Position[] positions = positions(all, topK);
        List<ScoredToken> tokens = new ArrayList<>();
        int offset = 0;
        if (echo) {
            for (int i = 0; i < promptIds.length; i++) {
                String piece = model.tokenizer().piece(all[i]);
                tokens.add(token(piece, offset, positions, i));
                offset += piece.length();
            }
            offset = promptChars; // pieces of a split character may not add up; the text is exact
        }
        int base = offset;
        for (int i = promptIds.length; i < all.length; i++) {
            String piece = model.tokenizer().piece(all[i]);
            if (offset - base >= g.text().length()) {
                break;
            }
            tokens.add(token(piece, offset, positions, i));
            offset += piece.length();
        }
        return new ScoredText(tokens);
    }

    private ScoredToken token(String piece, int offset, Position[] positions, int i) {
        Position p = positions[i];
        return new ScoredToken(piece, offset, p == null ? null : p.logprob, p == null ? List.of() : p.top);
    }

    private record Position(double logprob, List<Alternative> top) {}

    /** ln p(ids[i] | ids before i) and the top-k alternatives at each position; position 0 is null. */
    private Position[] positions(long[] ids, int topK) {
        Position[] out = new Position[ids.length];
        if (ids.length < 2) {
            return out;
        }
        float[][] dist = model.nextTokenLogProbs(ids);
        int vocab = dist[0].length;
        float[] lp = new float[dist.length * vocab];
        for (int t = 0; t < dist.length; t++) {
            System.arraycopy(dist[t], 0, lp, t * vocab, vocab);
        }
        int known = Math.min(vocab, model.tokenizer().vocabSize());
        for (int i = 1; i < ids.length; i++) {
            int row = (i - 1) * vocab;
            out[i] = new Position(lp[row + (int) ids[i]], topK == 0 ? List.of() : top(lp, row, known, topK));
        }
        return out;
    }

    /** The k largest entries of one row, largest first (ties by lower id, for a stable order). */
    private List<Alternative> top(float[] lp, int row, int known, int k) {
        List<Integer> chosen = new ArrayList<>();
        for (int id = 0; id < known; id++) {
            if (chosen.size() < k) {
                chosen.add(id);
                chosen.sort((a, b) -> Float.compare(lp[row + b], lp[row + a]));
            } else if (lp[row + id] > lp[row + chosen.get(k - 1)]) {
                chosen.set(k - 1, id);
                chosen.sort((a, b) -> Float.compare(lp[row + b], lp[row + a]));
            }
        }
        return chosen.stream().map(id -> new Alternative(model.tokenizer().piece(id), lp[row + id]))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        if (ownsModel) {
            model.close();
        }
    }
}
