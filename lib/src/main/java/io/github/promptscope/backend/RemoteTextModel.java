package io.github.promptscope.backend;

import com.fasterxml.jackson.core.type.TypeReference;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import io.github.promptscope.backend.ScoredText.Alternative;
import io.github.promptscope.backend.ScoredText.ScoredToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A {@link TextModel} behind any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp, Ollama,
 * PromptScope's own {@code serve}), through the official Java SDK. The SDK retries 408, 409, 429
 * and 5xx answers and dropped connections with exponential backoff; anything else becomes a
 * {@link TextModelException} naming the endpoint and the status.
 *
 * <p>Scoring ({@link #score}) asks {@code /completions} for {@code echo} and {@code logprobs} with
 * no new tokens; chat-only endpoints cannot do that, and the error says so.
 */
public final class RemoteTextModel implements TextModel {

    /**
     * Where and how to connect. Unset fields come from {@code OPENAI_BASE_URL} and
     * {@code OPENAI_API_KEY}; with no model name the endpoint's first listed model is used.
     *
     * @param maxRetries attempts after the first on 408/409/429/5xx and connection failures
     */
    public record Options(String baseUrl, String apiKey, String model, Duration timeout, int maxRetries) {

        public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

        /** The environment's endpoint and key, a 60 s timeout and 3 retries. */
        public static Options fromEnvironment() {
            String url = System.getenv("OPENAI_BASE_URL");
            return new Options(url == null || url.isBlank() ? DEFAULT_BASE_URL : url, System.getenv("OPENAI_API_KEY"),
                    null, Duration.ofSeconds(60), 3);
        }

        public Options withBaseUrl(String url) {
            return new Options(url, apiKey, model, timeout, maxRetries);
        }

        public Options withApiKey(String key) {
            return new Options(baseUrl, key, model, timeout, maxRetries);
        }

        public Options withModel(String name) {
            return new Options(baseUrl, apiKey, name, timeout, maxRetries);
        }

        public Options withTimeout(Duration t) {
            return new Options(baseUrl, apiKey, model, t, maxRetries);
        }

        public Options withMaxRetries(int n) {
            return new Options(baseUrl, apiKey, model, timeout, n);
        }
    }

    private final OpenAIClient client;
    private final String baseUrl;
    private final String model;

    private RemoteTextModel(OpenAIClient client, String baseUrl, String model) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    /** Connects with the environment's settings ({@link Options#fromEnvironment()}). */
    public static RemoteTextModel connect() {
        return connect(Options.fromEnvironment());
    }

    public static RemoteTextModel connect(Options options) {
        String url = options.baseUrl().replaceAll("/+$", "");
        // Local servers often need no key, but the SDK insists on one; any text does for them.
        String key = options.apiKey() == null || options.apiKey().isBlank() ? "none" : options.apiKey();
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(url).apiKey(key).timeout(options.timeout())
                .maxRetries(options.maxRetries()).build();
        RemoteTextModel probe = new RemoteTextModel(client, url, options.model());
        if (options.model() != null) {
            return probe;
        }
        List<Model> models = probe.call("models", () -> client.models().list().data());
        if (models.isEmpty()) {
            client.close();
            throw new TextModelException(url + "/models lists no models; name one with Options.withModel", 0, null, null);
        }
        return new RemoteTextModel(client, url, models.get(0).id());
    }

    @Override
    public String name() {
        return model;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public List<GeneratedText> complete(CompletionRequest request) {
        CompletionCreateParams.Builder b = params(request, request.n());
        b.prompt(request.promptTokens() == null ? CompletionCreateParams.Prompt.ofString(request.prompt())
                : CompletionCreateParams.Prompt.ofArrayOfTokens(boxed(request.promptTokens())));
        return send(b.build(), request, 1).get(0);
    }

    @Override
    public List<List<GeneratedText>> completeBatch(List<CompletionRequest> requests) {
        TextModel.checkBatch(requests);
        CompletionRequest first = requests.get(0);
        CompletionCreateParams.Builder b = params(first, first.n());
        if (requests.stream().allMatch(r -> r.promptTokens() != null)) {
            b.prompt(CompletionCreateParams.Prompt.ofArrayOfTokenArrays(
                    requests.stream().map(r -> boxed(r.promptTokens())).toList()));
        } else if (requests.stream().noneMatch(r -> r.promptTokens() != null)) {
            b.prompt(CompletionCreateParams.Prompt.ofArrayOfStrings(requests.stream().map(CompletionRequest::prompt).toList()));
        } else {
            throw new IllegalArgumentException("a batch's prompts must be all text or all token ids");
        }
        b.putAdditionalBodyProperty("batch", JsonValue.from(true));
        return send(b.build(), first, requests.size());
    }

    /** Everything but the prompt: the OpenAI parameters, and the extension fields that differ from their defaults. */
    private CompletionCreateParams.Builder params(CompletionRequest request, int n) {
        Sampling s = request.sampling();
        CompletionCreateParams.Builder b = CompletionCreateParams.builder().model(model).prompt("")
                .maxTokens(s.maxTokens()).temperature(s.temperature()).topP(s.topP()).n(n).echo(request.echo());
        if (!s.stop().isEmpty()) {
            b.stop(CompletionCreateParams.Stop.ofStrings(s.stop()));
        }
        if (s.seed() != null) {
            b.seed(s.seed());
        }
        if (request.logprobs() != null) {
            b.logprobs((long) request.logprobs());
        }
        if (s.topK() > 0) {
            b.putAdditionalBodyProperty("top_k", JsonValue.from(s.topK()));
        }
        if (s.repetitionPenalty() != 1.0) {
            b.putAdditionalBodyProperty("repetition_penalty", JsonValue.from(s.repetitionPenalty()));
        }
        if (s.minTokens() > 0) {
            b.putAdditionalBodyProperty("min_tokens", JsonValue.from(s.minTokens()));
        }
        if (s.ignoreEos()) {
            b.putAdditionalBodyProperty("ignore_eos", JsonValue.from(true));
        }
        if (!s.badWords().isEmpty()) {
            b.putAdditionalBodyProperty("bad_words", JsonValue.from(s.badWords()));
        }
        if (request.returnTokenIds()) {
            b.putAdditionalBodyProperty("return_token_ids", JsonValue.from(true));
        }
        return b;
    }

    /** Sends one completions request for {@code prompts} prompts and groups its choices per prompt. */
    private List<List<GeneratedText>> send(CompletionCreateParams params, CompletionRequest request, int prompts) {
        Completion c = call("completions", () -> client.completions().create(params));
        int n = request.n();
        int promptTokens = prompts == 1 ? c.usage().map(u -> (int) u.promptTokens()).orElse(0) : 0;
        int completionTokens = prompts * n == 1 ? c.usage().map(u -> (int) u.completionTokens()).orElse(0) : 0;
        List<CompletionChoice> choices = new ArrayList<>(c.choices());
        choices.sort(Comparator.comparingLong(CompletionChoice::index));
        if (choices.size() != prompts * n) {
            throw new TextModelException(endpoint("completions") + " returned " + choices.size() + " choices for "
                    + prompts + " prompts x n " + n, 200, null, null);
        }
        List<List<GeneratedText>> out = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            CompletionChoice choice = choices.get(i);
            ScoredText lp = choice.logprobs().map(RemoteTextModel::scored).orElse(null);
            if (request.logprobs() != null && lp == null) {
                throw new TextModelException(endpoint("completions") + " returned no logprobs; scoring needs a"
                        + " completions endpoint with logprobs (chat-only models cannot score text)", 200, "logprobs", null);
            }
            long[] ids = tokenIds(choice);
            int completion = ids != null ? ids.length : completionTokens;
            if (i % n == 0) {
                out.add(new ArrayList<>());
            }
            out.get(i / n).add(new GeneratedText(choice.text(), choice.finishReason().asString(), lp, promptTokens,
                    completion, ids));
        }
        return out;
    }

    /** The {@code token_ids} extension of a choice (vLLM's and PromptScope's), or null. */
    private static long[] tokenIds(CompletionChoice choice) {
        JsonValue v = choice._additionalProperties().get("token_ids");
        if (v == null) {
            return null;
        }
        List<Long> ids = v.convert(new TypeReference<List<Long>>() {});
        return ids == null ? null : ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<Long> boxed(long[] ids) {
        List<Long> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }

    private static ScoredText scored(CompletionChoice.Logprobs lp) {
        List<String> tokens = lp.tokens().orElse(List.of());
        List<Double> values = lp.tokenLogprobs().orElse(List.of());
        List<Long> offsets = lp.textOffset().orElse(List.of());
        List<CompletionChoice.Logprobs.TopLogprob> tops = lp.topLogprobs().orElse(List.of());
        List<ScoredToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Alternative> alts = new ArrayList<>();
            CompletionChoice.Logprobs.TopLogprob top = i < tops.size() ? tops.get(i) : null;
            if (top != null) {
                for (Map.Entry<String, JsonValue> e : top._additionalProperties().entrySet()) {
                    alts.add(new Alternative(e.getKey(), e.getValue().convert(Double.class)));
                }
                alts.sort(Comparator.comparingDouble(Alternative::logprob).reversed());
            }
            Double value = i < values.size() ? values.get(i) : null;
            int offset = i < offsets.size() ? offsets.get(i).intValue() : 0;
            out.add(new ScoredToken(tokens.get(i), offset, value, alts));
        }
        return new ScoredText(out);
    }

    /** The {@code max_model_len} the endpoint lists for this model (vLLM, {@code serve}); empty when it lists none. */
    @Override
    public OptionalInt contextLength() {
        List<Model> models;
        try {
            models = call("models", () -> client.models().list().data());
        } catch (TextModelException e) {
            return OptionalInt.empty();
        }
        for (Model m : models) {
            JsonValue v = m.id().equals(model) ? m._additionalProperties().get("max_model_len") : null;
            Integer n = v == null ? null : v.convert(Integer.class);
            if (n != null) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    /** The prompt's {@code usage.prompt_tokens} from a completions request that echoes it and adds nothing. */
    @Override
    public OptionalInt promptTokens(String prompt) {
        int n = complete(new CompletionRequest(prompt, Sampling.greedy(0), 1, null, true)).get(0).promptTokens();
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    @Override
    public ScoredText score(String text, int topK) {
        CompletionRequest r = new CompletionRequest(text, Sampling.greedy(0), 1, topK, true);
        try {
            return complete(r).get(0).logprobs();
        } catch (TextModelException e) {
            if (e.status() == 400 || e.status() == 404 || e.status() == 422) {
                throw new TextModelException("scoring needs a completions endpoint with echo and logprobs: "
                        + e.getMessage(), e.status(), e.param(), e);
            }
            throw e;
        }
    }

    @Override
    public GeneratedText chat(ChatRequest request) {
        Sampling s = request.sampling();
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model(model)
                .maxCompletionTokens(s.maxTokens()).temperature(s.temperature()).topP(s.topP());
        for (ChatMessage m : request.messages()) {
            switch (m.role()) {
                case "system" -> b.addSystemMessage(m.content());
                case "user" -> b.addUserMessage(m.content());
                case "assistant" -> b.addAssistantMessage(m.content());
                default -> throw new IllegalArgumentException("chat role must be system, user or assistant, got " + m.role());
            }
        }
        if (!s.stop().isEmpty()) {
            b.stop(ChatCompletionCreateParams.Stop.ofStrings(s.stop()));
        }
        if (s.seed() != null) {
            b.seed(s.seed());
        }
        if (s.topK() > 0) {
            b.putAdditionalBodyProperty("top_k", JsonValue.from(s.topK()));
        }
        ChatCompletionCreateParams params = b.build();
        ChatCompletion c = call("chat/completions", () -> client.chat().completions().create(params));
        if (c.choices().isEmpty()) {
            throw new TextModelException(endpoint("chat/completions") + " returned no choices", 200, null, null);
        }
        ChatCompletion.Choice choice = c.choices().get(0);
        return new GeneratedText(choice.message().content().orElse(""), choice.finishReason().asString(), null,
                c.usage().map(u -> (int) u.promptTokens()).orElse(0),
                c.usage().map(u -> (int) u.completionTokens()).orElse(0));
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        EmbeddingCreateParams params = EmbeddingCreateParams.builder().model(model).inputOfArrayOfStrings(texts)
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build();
        CreateEmbeddingResponse r = call("embeddings", () -> client.embeddings().create(params));
        List<Embedding> data = new ArrayList<>(r.data());
        data.sort(Comparator.comparingLong(Embedding::index));
        List<float[]> out = new ArrayList<>();
        for (Embedding e : data) {
            List<Float> v = e.embedding();
            float[] a = new float[v.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = v.get(i);
            }
            out.add(a);
        }
        return out;
    }

    private String endpoint(String route) {
        return baseUrl + "/" + route;
    }

    /** Runs one SDK call, turning its failures into errors that name the endpoint and status. */
    private <T> T call(String route, Supplier<T> request) {
        try {
            return request.get();
        } catch (OpenAIServiceException e) {
            throw new TextModelException(endpoint(route) + " answered HTTP " + e.statusCode() + ": " + e.getMessage(),
                    e.statusCode(), e.param().orElse(null), e);
        } catch (OpenAIIoException e) {
            throw new TextModelException("no answer from " + endpoint(route) + ": " + e.getMessage(), 0, null, e);
        } catch (OpenAIException e) {
            throw new TextModelException("unexpected answer from " + endpoint(route) + ": " + e.getMessage(), 0, null, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
