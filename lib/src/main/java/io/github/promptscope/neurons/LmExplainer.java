package io.github.promptscope.neurons;

import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.backend.TextModelException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The explainer of every prompt style (spec neurons.md 2.1-2.2, 7.3) on any {@link TextModel}: a
 * model in this JVM or an OpenAI-compatible endpoint, PromptScope's {@code serve} included. It builds
 * the reference's prompt ({@link ExplanationPrompts}, fitted to the model's context by
 * {@link ExplanationFit} when the model states one), samples {@code n} explanations in one request
 * with the reference's settings ({@link ExplainerConfig}), parses each ({@link ExplanationParsing})
 * and counts the call's tokens as the model reports them.
 *
 * <p>Completion formats (NONE, INSTRUCTION_FOLLOWING) go to {@code complete}; CHAT goes to
 * {@code chat}, one request per explanation with seeds seed, seed + 1, .... A chat prompt is fitted
 * as its model's chat template renders it when the model can count that (a local checkpoint); an
 * endpoint applies its own template and does not say, so it gets the prompt whole.
 */
public final class LmExplainer implements NeuronExplainer {

    private final TextModel model;
    private final ExplainerConfig config;
    private final List<FewShotExample> examples;
    private final int positions; // the context to fit prompts to; 0: the model's
    private Integer budget; // context less max tokens, looked up once; -1: unknown

    public LmExplainer(TextModel model, ExplainerConfig config) {
        this(model, config, FewShotExamples.original());
    }

    public LmExplainer(TextModel model, ExplainerConfig config, List<FewShotExample> examples) {
        this(model, config, examples, 0);
    }

    /** @param positions the context to fit prompts to when shorter than the model's (0: the model's) */
    public LmExplainer(TextModel model, ExplainerConfig config, List<FewShotExample> examples, int positions) {
        if (positions < 0) {
            throw new IllegalArgumentException("an explanation context of " + positions + " positions");
        }
        this.model = model;
        this.config = config;
        this.examples = List.copyOf(examples);
        this.positions = positions;
    }

    /**
     * The explainer of {@code model}, loaded from the folder {@code dir}, prompted as it was trained:
     * with the few-shot examples it reads ({@link FewShotExamples#forModel}) and fitted to the context
     * its {@link PromptContext#EXPLAINER_FILE} names, when it has one.
     */
    public static LmExplainer forFolder(TextModel model, ExplainerConfig config, Path dir) {
        Path file = dir.resolve(PromptContext.EXPLAINER_FILE);
        int positions = 0;
        if (Files.isRegularFile(file)) {
            int context = model.contextLength().orElseThrow(() -> new IllegalArgumentException(file
                    + " names a context but " + model.name() + " states none"));
            positions = PromptContext.positions(dir, PromptContext.EXPLAINER_FILE, context);
        }
        return new LmExplainer(model, config, FewShotExamples.forModel(dir), positions);
    }

    public ExplainerConfig config() {
        return config;
    }

    @Override
    public List<String> explain(List<ActivationRecord> excerpts, double cutoff) {
        return run(excerpts, cutoff).explanations();
    }

    /** {@link #run(List, double)} on the record's train split and its {@link HighlightCutoff}. */
    public ExplainerRun run(NeuronRecord record) {
        return run(record.train(NeuronRecord.EXAMPLES_PER_SPLIT), HighlightCutoff.of(record));
    }

    /** The prompt this explainer sends for these excerpts, fitted to the model's context when it has one. */
    public ExplanationFit.Fitted prompt(List<ActivationRecord> excerpts, double cutoff) {
        ExplanationFit fit = new ExplanationFit(config.style(), excerpts, cutoff, examples, config.format());
        int room = budget();
        if (room < 0) {
            return fit.whole();
        }
        if (config.format() == PromptFormat.CHAT) {
            return fit.fitChat(messages -> model.chatPromptTokens(messages).getAsInt(), room);
        }
        return fit.fit(this::countTokens, room);
    }

    /**
     * The prompt's length as the model counts it. An endpoint counts only what it accepts: a prompt
     * it refuses (HTTP 400, longer than its context) counts as {@link Integer#MAX_VALUE}, too long.
     */
    private int countTokens(String text) {
        try {
            return model.promptTokens(text).orElseThrow(() -> new IllegalStateException(model.name()
                    + " states a context length but does not count prompt tokens"));
        } catch (TextModelException e) {
            if (e.status() == 400) {
                return Integer.MAX_VALUE;
            }
            throw e;
        }
    }

    /** Explains the neuron behind {@code excerpts}: one request of {@code n} samples (chat: n requests). */
    public ExplainerRun run(List<ActivationRecord> excerpts, double cutoff) {
        ExplanationFit.Fitted fitted = prompt(excerpts, cutoff);
        Sampling sampling = new Sampling(config.maxTokens(), config.temperature(), config.topP(), 0, config.stop(),
                config.seed());
        List<GeneratedText> replies = new ArrayList<>();
        if (config.format() == PromptFormat.CHAT) {
            for (int i = 0; i < config.n(); i++) {
                Sampling s = new Sampling(config.maxTokens(), config.temperature(), config.topP(), 0, config.stop(),
                        config.seed() + i);
                replies.add(model.chat(new ChatRequest(fitted.prompt().chat(), s)));
            }
        } else {
            CompletionRequest request = new CompletionRequest(fitted.prompt().text(), sampling, config.n(), null, false)
                    .withReturnTokenIds(true);
            replies.addAll(model.complete(request));
        }
        List<String> completions = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        int completionTokens = 0;
        for (GeneratedText g : replies) {
            completions.add(g.text());
            explanations.add(ExplanationParsing.parse(g.text()));
            completionTokens += g.completionTokens();
        }
        int promptTokens = replies.get(0).promptTokens();
        return new ExplainerRun(config.style(), model.name(), explanations, completions, fitted, promptTokens,
                completionTokens, wholePromptTokens(excerpts, cutoff, fitted, promptTokens));
    }

    /** The unfitted prompt's length as the model counts it (-1: a chat prompt, or a model that cannot count). */
    private int wholePromptTokens(List<ActivationRecord> excerpts, double cutoff, ExplanationFit.Fitted fitted,
            int promptTokens) {
        ExplanationFit.Fitted whole = new ExplanationFit(config.style(), excerpts, cutoff, examples, config.format()).whole();
        if (whole.shape().equals(fitted.shape())) {
            return promptTokens;
        }
        try {
            return (config.format() == PromptFormat.CHAT ? model.chatPromptTokens(whole.prompt().chat())
                    : model.promptTokens(whole.prompt().text())).orElse(-1);
        } catch (TextModelException e) {
            return -1; // an endpoint refuses to count a prompt longer than its context
        }
    }

    /**
     * Tokens the prompt may take: the model's context (or the shorter one given) less {@code maxTokens}; -1 when unknown, or for a
     * chat prompt the model cannot count (an endpoint applies its own template).
     */
    private int budget() {
        if (budget == null) {
            boolean countable = config.format() != PromptFormat.CHAT
                    || model.chatPromptTokens(List.of(new io.github.promptscope.backend.ChatMessage("user", ""))).isPresent();
            OptionalInt context = countable ? model.contextLength() : OptionalInt.empty();
            if (context.isPresent() && positions > 0) {
                context = OptionalInt.of(Math.min(positions, context.getAsInt()));
            }
            budget = context.isPresent() ? context.getAsInt() - config.maxTokens() : -1;
            if (context.isPresent() && budget < 1) {
                throw new IllegalArgumentException("--max-tokens " + config.maxTokens() + " leaves no room for a prompt in "
                        + model.name() + "'s " + context.getAsInt() + "-token context");
            }
        }
        return budget;
    }
}
