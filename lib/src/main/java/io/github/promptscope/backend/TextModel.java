package io.github.promptscope.backend;

import java.util.List;
import java.util.OptionalInt;

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
     * Continues several prompts as one batch with one seed, as {@code LanguageModel.generate} runs a
     * list: choice {@code j} of request {@code i} is row {@code i * n + j} of the batch and samples from
     * that row's generator (seed x 1,000,003 + row), so the answers equal a local batched generation
     * token for token. The requests must agree in sampling, {@code n} and {@code returnTokenIds}, and
     * ask for no logprobs and no echo. Remotely this is one request with a list of prompts and the
     * {@code batch} extension field, which only PromptScope's server knows.
     *
     * @return per request, its {@code n} choices
     */
    List<List<GeneratedText>> completeBatch(List<CompletionRequest> requests);

    /** Checks what {@link #completeBatch} requires of its requests. */
    static void checkBatch(List<CompletionRequest> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one request");
        }
        CompletionRequest first = requests.get(0);
        for (CompletionRequest r : requests) {
            if (!r.sampling().equals(first.sampling()) || r.n() != first.n()
                    || r.returnTokenIds() != first.returnTokenIds()) {
                throw new IllegalArgumentException("the requests of a batch must share sampling, n and returnTokenIds");
            }
            if (r.logprobs() != null || r.echo()) {
                throw new IllegalArgumentException("a batch takes no logprobs and no echo");
            }
        }
    }

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

    /**
     * The most tokens a prompt and its continuation may have together, when the model says
     * (locally its positions; remotely the {@code max_model_len} that vLLM and {@code serve} list).
     * Prompts are fitted to it (the neuron explainer's); empty: unknown, prompts are sent whole.
     */
    default OptionalInt contextLength() {
        return OptionalInt.empty();
    }

    /** How many tokens the model counts in {@code prompt}, when it can say (empty: unknown). */
    default OptionalInt promptTokens(String prompt) {
        return OptionalInt.empty();
    }

    /**
     * How many prompt tokens {@link #chat} would send for {@code messages} (its chat template applied),
     * when the model can say: locally yes; an endpoint applies its own template and does not say.
     */
    default OptionalInt chatPromptTokens(java.util.List<ChatMessage> messages) {
        return OptionalInt.empty();
    }

    /** Frees what the model holds (weights, connections); the default holds nothing. */
    @Override
    default void close() {}
}
