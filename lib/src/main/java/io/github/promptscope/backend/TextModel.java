package io.github.promptscope.backend;

import java.util.List;

/**
 * A language model as the explainers see it: the four roles the research code asks of a model,
 * whether it runs here ({@link LocalTextModel}) or behind an OpenAI-compatible endpoint
 * ({@link RemoteTextModel}). Only plain records cross this interface, so a system written against
 * it never learns which one it got.
 *
 * <p>The roles follow the OpenAI API's semantics, because that is what the remote side speaks:
 * {@link #complete} is {@code /v1/completions}, {@link #score} is the same route with
 * {@code echo} and {@code logprobs} and no new tokens, {@link #chat} is {@code /v1/chat/completions},
 * {@link #embed} is {@code /v1/embeddings}.
 */
public interface TextModel extends AutoCloseable {

    /** The model's name: the served model id remotely, the checkpoint folder's name locally. */
    String name();

    /**
     * Continues a prompt: {@code request.n()} choices, each with its text (the prompt first when
     * {@code echo}), why it ended, and per-token log-probabilities when {@code logprobs} is set.
     */
    List<GeneratedText> complete(CompletionRequest request);

    /**
     * ln p(token i | tokens before it) for every token of {@code text}, with the {@code topK}
     * likeliest tokens at each position (0..20). The first token has no log-probability.
     * Remote endpoints need {@code echo} and {@code logprobs} on a completions route for this.
     */
    ScoredText score(String text, int topK);

    /** One reply to a conversation. */
    GeneratedText chat(ChatRequest request);

    /** One vector per text: the final hidden state (after the last norm) averaged over the text's tokens. */
    List<float[]> embed(List<String> texts);

    /** Frees what the model holds (weights, connections); the default holds nothing. */
    @Override
    default void close() {}
}
