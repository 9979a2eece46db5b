package io.github.promptscope.neurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.RemoteTextModel;
import io.github.promptscope.backend.ScoredText;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.serve.OpenAiServer;
import io.github.promptscope.serve.ServerOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LM explainer on the default model (256 positions, so every prompt is fitted) and through
 * {@code serve}: the prompt sent is the reference prompt of what is shown, the token counts are the
 * tokenizer's, and the remote path gives the local explanations for the same seed.
 */
class LmExplainerTest {

    private static LanguageModel lm;
    private static LocalTextModel local;
    /** Five 64-token windows of the generated corpus and a synthetic neuron that fires on digits. */
    private static List<ActivationRecord> excerpts;

    @BeforeAll
    static void load() {
        System.setProperty("promptscope.progress", "off");
        lm = LanguageModel.loadDefault();
        local = new LocalTextModel(lm);
        excerpts = digitNeuron(lm, 5);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    static List<ActivationRecord> digitNeuron(LanguageModel model, int count) {
        List<long[]> windows = new ActivationCollector(model, CollectorConfig.defaults()).windows(NeuronCorpus.generated(30));
        List<ActivationRecord> out = new ArrayList<>();
        for (long[] w : windows.subList(0, count)) {
            List<String> tokens = new ArrayList<>();
            double[] a = new double[w.length];
            for (int t = 0; t < w.length; t++) {
                String piece = model.tokenizer().piece(w[t]);
                tokens.add(piece);
                a[t] = piece.strip().matches("[0-9]+") ? 2.0 + (t % 3) : -0.1;
            }
            out.add(new ActivationRecord(tokens, a));
        }
        return out;
    }

    @Test
    void everyStyleSendsTheReferencePromptOfWhatItShowsCountedByTheTokenizer() {
        for (PromptStyle style : PromptStyle.values()) {
            ExplainerConfig cfg = ExplainerConfig.defaults(style).withN(2).withMaxTokens(16).withSeed(3);
            Recording model = new Recording(local);
            ExplainerRun run = new LmExplainer(model, cfg).run(excerpts, 1.0);
            ExplanationFit.Shape shape = run.prompt().shape();
            String expected = ExplanationPrompts.explanation(style, run.prompt().excerptsShown(), 1.0,
                    FewShotExamples.original().subList(0, shape.fewShotExamples()), PromptFormat.NONE,
                    shape.systemMessage()).text();
            assertEquals(1, model.requests.size(), style + ": one request for both samples");
            CompletionRequest sent = model.requests.get(0);
            assertEquals(expected, sent.prompt(), style.name());
            assertEquals(2, sent.n());
            assertEquals(List.of("\n"), sent.sampling().stop());
            assertEquals(1.0, sent.sampling().temperature(), 0.0);
            int tokens = lm.tokenizer().encode(expected).length;
            assertEquals(tokens, run.promptTokens(), style + " prompt tokens");
            assertEquals(tokens, run.prompt().promptTokens(), style + " fitted length");
            assertTrue(tokens <= 256 - 16, style + ": " + tokens);
            // the default model has room for no few-shot example and no system message
            assertEquals(0, shape.fewShotExamples(), style.name());
            assertEquals(false, shape.systemMessage(), style.name());
            if (shape.windowTokens() > 0) {
                List<ActivationRecord> wider = excerpts.subList(0, shape.excerpts()).stream()
                        .map(r -> ExplanationFit.window(r, shape.windowTokens() + 1)).toList();
                int widerTokens = lm.tokenizer().encode(ExplanationPrompts.explanation(style, wider, 1.0, List.of(),
                        PromptFormat.NONE, false).text()).length;
                assertTrue(widerTokens > 256 - 16, style + ": a window one token wider would fit (" + widerTokens + ")");
            }
            int newTokens = 0;
            for (int i = 0; i < 2; i++) {
                GeneratedText g = model.replies.get(i);
                newTokens += g.tokenIds().length;
                assertEquals(g.text(), run.completions().get(i));
                assertEquals(ExplanationParsing.parse(g.text()), run.explanations().get(i));
            }
            assertEquals(newTokens, run.completionTokens(), style + " completion tokens");
            assertEquals(tokens + newTokens, run.totalTokens());
            String reference = ExplanationPrompts.explanation(style, excerpts, 1.0, FewShotExamples.original(),
                    PromptFormat.NONE).text();
            assertEquals(lm.tokenizer().encode(reference).length, run.wholePromptTokens(), style + " unfitted prompt");
            System.out.printf("%s: shown %s, %d prompt + %d completion tokens (unfitted %d), %s%n", style, shape,
                    tokens, newTokens, run.wholePromptTokens(), run.explanations());
        }
    }

    /**
     * A folder's {@value PromptContext#EXPLAINER_FILE} fits the prompt to fewer positions than the
     * model has: the prompt sent is the one an explainer given that context sends, within it, and
     * shorter than what the model's own 256 positions allow; a context longer than the model's is an
     * error naming the file.
     */
    @Test
    void aModelFoldersExplainerContextFitsThePromptToItsPositions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path dir = ModelFolders.copy(lm.dir(), tmp);
        ExplainerConfig cfg = ExplainerConfig.defaults(PromptStyle.SUMMARY).withN(1).withMaxTokens(16).withSeed(3);
        int own = LmExplainer.forFolder(local, cfg, dir).run(excerpts, 1.0).promptTokens();
        PromptContext.write(dir, PromptContext.EXPLAINER_FILE, 140, "test");
        Recording model = new Recording(local);
        ExplainerRun run = LmExplainer.forFolder(model, cfg, dir).run(excerpts, 1.0);
        ExplainerRun given = new LmExplainer(local, cfg, FewShotExamples.forModel(dir), 140).run(excerpts, 1.0);
        assertEquals(given.prompt().prompt().text(), model.requests.get(0).prompt());
        assertEquals(given.explanations(), run.explanations());
        assertTrue(run.promptTokens() <= 140 - 16 && own > 140 - 16, run.promptTokens() + " tokens in 140 - 16; " + own
                + " in the model's 256 - 16");
        PromptContext.write(dir, PromptContext.EXPLAINER_FILE, 300, "test");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LmExplainer.forFolder(local, cfg, dir));
        assertTrue(e.getMessage().contains(PromptContext.EXPLAINER_FILE) && e.getMessage().contains("300"), e.getMessage());
    }

    @Test
    void throughServeTheExplanationsAndCountsAreTheLocalOnes() {
        ExplainerConfig cfg = ExplainerConfig.defaults(PromptStyle.SUMMARY).withN(3).withMaxTokens(24).withSeed(11);
        try (OpenAiServer server = OpenAiServer.start(new LocalTextModel(lm), ServerOptions.defaults().withPort(0));
                RemoteTextModel remote = RemoteTextModel.connect(RemoteTextModel.Options.fromEnvironment()
                        .withBaseUrl(server.baseUrl()).withApiKey(null).withTimeout(Duration.ofSeconds(120))
                        .withMaxRetries(0))) {
            assertEquals(OptionalInt.of(256), remote.contextLength());
            ExplainerRun here = new LmExplainer(local, cfg).run(excerpts, 1.0);
            ExplainerRun there = new LmExplainer(remote, cfg).run(excerpts, 1.0);
            assertEquals(here.prompt().shape(), there.prompt().shape());
            assertEquals(here.prompt().prompt().text(), there.prompt().prompt().text());
            assertEquals(here.completions(), there.completions());
            assertEquals(here.explanations(), there.explanations());
            assertEquals(here.promptTokens(), there.promptTokens());
            assertEquals(here.completionTokens(), there.completionTokens());
            assertEquals(3, there.explanations().size());
            assertTrue(there.completionTokens() > 0 && there.completionTokens() <= 3 * 24, "" + there.completionTokens());
        }
    }

    /** A model that remembers what it was asked and answered. */
    private static final class Recording implements TextModel {
        final TextModel inner;
        final List<CompletionRequest> requests = new ArrayList<>();
        final List<GeneratedText> replies = new ArrayList<>();

        Recording(TextModel inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<GeneratedText> complete(CompletionRequest request) {
            requests.add(request);
            List<GeneratedText> out = inner.complete(request);
            replies.addAll(out);
            return out;
        }

        @Override
        public List<List<GeneratedText>> completeBatch(List<CompletionRequest> requests) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScoredText score(String text, int topK) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GeneratedText chat(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OptionalInt contextLength() {
            return inner.contextLength();
        }

        @Override
        public OptionalInt promptTokens(String prompt) {
            return inner.promptTokens(prompt);
        }
    }
}
