package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.CompletionRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.ScoredText;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.ChatTemplateFile;
import io.github.promptscope.metrics.FunctionEvalMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval runner on a scripted model (known answers) and on a real local model (prob by teacher forcing). */
class EvalRunnerTest {

    /** Exact string target, as the regression templates judge. */
    record Exact(String target) implements AnswerCheck {
        public boolean correct(String output) {
            return output.equals(target);
        }

        public Optional<String> exactTarget() {
            return Optional.of(target);
        }

        @Override
        public double absDistance(String output) {
            try {
                return Math.abs(Double.parseDouble(target) - Double.parseDouble(output));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /** A set target (inversion), where prob equals correct. */
    record OneOf(List<String> targets) implements AnswerCheck {
        public boolean correct(String output) {
            return targets.contains(output);
        }

        public Optional<String> exactTarget() {
            return Optional.empty();
        }
    }

    /** Replies from a script by call order; scoring is not available (a chat-only endpoint). */
    static final class Scripted implements TextModel {
        final List<String> replies;
        final List<Long> seeds = new ArrayList<>();
        int next;

        Scripted(String... replies) {
            this.replies = List.of(replies);
        }

        public String name() {
            return "scripted";
        }

        public List<GeneratedText> complete(CompletionRequest r) {
            throw new UnsupportedOperationException();
        }

        public List<List<GeneratedText>> completeBatch(List<CompletionRequest> r) {
            throw new UnsupportedOperationException();
        }

        public ScoredText score(String text, int topK) {
            throw new TextModelException("scoring needs a completions endpoint with echo and logprobs", 404, null, null);
        }

        public GeneratedText chat(ChatRequest request) {
            seeds.add(request.sampling().seed());
            assertEquals(EvalRunner.MAX_TOKENS, request.sampling().maxTokens());
            assertTrue(request.sampling().stop().contains(ChatSerialization.END_OF_TURN));
            return new GeneratedText(replies.get(next++), "stop", null, 0, 1);
        }

        public List<float[]> embed(List<String> texts) {
            throw new UnsupportedOperationException();
        }
    }

    private static EvalItem item(String template, AnswerCheck check, FunctionRole role, double t, int n) {
        return new EvalItem(template, List.of(ChatMessage.user("from functions import pyalvt"),
                ChatMessage.user("print(pyalvt(3))")), check, "add_5", role, t, n);
    }

    /**
     * A regression_ID_TVD question is asked twice in a row with 128 samples each; with 64 seeds per item
     * the second copy's first 64 samples reused the first copy's last 64 seeds (half its replies copies).
     */
    @Test
    void noTwoSamplesOfARunShareASeedWhenItemsHaveMoreThan64() {
        String[] replies = new String[3 * 128];
        java.util.Arrays.fill(replies, "0");
        Scripted model = new Scripted(replies);
        EvalItem tvd = item("regression_ID_TVD", new Exact("5"), FunctionRole.TRAIN, 1, 128);
        new EvalRunner(model, 100).run(List.of(tvd, tvd, tvd), "tvd");
        assertEquals(3 * 128, model.seeds.size());
        assertEquals(3 * 128, new java.util.HashSet<>(model.seeds).size(), "every seed once");
        assertEquals(100 * 1_000_003L + 128 + 64, model.seeds.get(128 + 64), "item 1, sample 64: i·128 + k");
    }

    @Test
    void metricsAveragedOverSamplesAndGroupedByRole() {
        Scripted model = new Scripted("8", "8", "9", "x", "8", /* item 2 */ "1", "2", "3", "4", "5", /* item 3 greedy */ "7");
        EvalRunner runner = new EvalRunner(model, 100);
        List<EvalRunner.ItemResult> r = runner.run(List.of(
                item("regression_ood", new Exact("8"), FunctionRole.TEST, 1, 5),
                item("function_inversion", new OneOf(List.of("2", "5", "9")), FunctionRole.TRAIN, 1, 5),
                item("regression_ood", new Exact("8"), FunctionRole.TEST, 0, 5)), "eval");
        EvalRunner.ItemResult first = r.get(0);
        assertEquals(0.6, first.correct(), 1e-12); // 8, 8, 8 of 8, 8, 9, x, 8
        assertEquals(0.25, first.absDistance(), 1e-12); // |8-8|, |8-8|, |8-9|, |8-8| over the 4 numeric replies
        assertEquals(0.9, first.tvd(), 1e-12); // 1 - |0.5 - 0.6|
        assertTrue(Double.isNaN(first.prob()), "a chat-only endpoint cannot score");
        assertNotNull(runner.probNote());
        assertEquals(0.4, r.get(1).correct(), 1e-12); // 2 and 5
        assertEquals(0.4, r.get(1).prob(), 1e-12); // set target: prob = correct
        assertEquals(0.0, r.get(2).correct(), 1e-12);
        assertEquals(List.of("7", "7", "7", "7", "7"), r.get(2).replies(), "one greedy reply stands for all samples");
        assertEquals(11, model.next);
        // seeds: sample k of item i is seed·1,000,003 + i·64 + k
        assertEquals(100 * 1_000_003L + 64 + 3, model.seeds.get(8));

        Map<String, Double> m = FunctionEvalMetrics.of(r);
        assertEquals(2.0, m.get("n_test"));
        assertEquals(1.0, m.get("n_train"));
        assertEquals(0.3, m.get("correct_test_mean"), 1e-12);
        assertEquals(0.3, m.get("correct_test_sem"), 1e-12); // sd of {0.6, 0} = 0.4243, over sqrt(2)
        assertEquals(0.4, m.get("correct_train_mean"), 1e-12);
        assertTrue(m.get("correct_train_sem").isNaN(), "one item says nothing about spread");
        assertEquals(1.0 / 3, m.get("correct_all_mean"), 1e-12);
        assertEquals(0.0, m.get("skipped"));
    }

    @Test
    void probIsTheTeacherForcedProbabilityOfTheTargetAndTheEndOfTurn(@TempDir Path dir) throws Exception {
        Path base = DefaultModel.locate();
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json")) {
            Files.copy(base.resolve(f), dir.resolve(f));
        }
        ChatTemplateFile.install(dir, ChatSerialization.JINJA_TEMPLATE, ChatSerialization.END_OF_TURN);
        try (LanguageModel lm = LanguageModel.load(dir); LocalTextModel model = new LocalTextModel(lm)) {
            EvalItem q = item("regression_ood", new Exact("8"), FunctionRole.TEST, 0, 1);
            EvalRunner.ItemResult r = new EvalRunner(model, 0).run(q, 0);
            String prompt = FunctionChats.prompt(q.messages());
            long[] promptIds = lm.tokenizer().encode(prompt);
            long[] all = lm.tokenizer().encode(prompt + "8" + ChatSerialization.END_OF_TURN);
            assertEquals(promptIds.length + 2, all.length, "the digit and the end-of-text token");
            Double[] lp = lm.logProbs(prompt + "8" + ChatSerialization.END_OF_TURN).logprobs();
            double expected = Math.exp(lp[all.length - 2] + lp[all.length - 1]);
            assertEquals(expected, r.prob(), 1e-6);
            assertTrue(r.prob() > 0 && r.prob() < 1);
            assertEquals(1, r.replies().size());
            assertFalse(r.replies().get(0).contains(ChatSerialization.END_OF_TURN), "the reply ends at the end of the turn");
            assertNull(r.skipped());
            // a prompt longer than the model's positions is skipped with the reason, not fatal
            EvalItem huge = new EvalItem("regression_ood", List.of(ChatMessage.user("1 ".repeat(400))), new Exact("8"), "add_5",
                    FunctionRole.TEST, 0, 1);
            EvalRunner.ItemResult s = new EvalRunner(model, 0).run(huge, 0);
            assertNotNull(s.skipped());
            assertTrue(s.skipped().contains("positions"), s.skipped());
            // a prompt that leaves fewer than 100 positions gets a shorter reply budget, not a refusal
            EvalItem longish = new EvalItem("regression_ood", List.of(ChatMessage.user("1 ".repeat(110))), new Exact("8"),
                    "add_5", FunctionRole.TEST, 0, 1);
            assertNull(new EvalRunner(model, 0).run(longish, 0).skipped());
        }
    }
}
