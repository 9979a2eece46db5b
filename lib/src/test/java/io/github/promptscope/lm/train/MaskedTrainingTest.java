package io.github.promptscope.lm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.data.ChatSerialization.Segment;
import io.github.promptscope.data.ChatSerialization.Turn;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.checkpoint.SafetensorsFile;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loss-masked finetuning on chats, on a tiny random-weight GPT-2: only assistant tokens count, it learns, it resumes. */
class MaskedTrainingTest {

    private static final Gpt2Init.Shape TINY = new Gpt2Init.Shape(2, 32, 2, 128);

    @TempDir
    static Path shared;

    @BeforeAll
    static void model() throws Exception {
        System.setProperty("promptscope.progress", "off");
        TokenizerBuilder.byteLevel().words(List.of("print", "from", "functions", "import", "user", "assistant", "system"))
                .build().write(shared.resolve("tok"));
        Gpt2Init.create(shared.resolve("init"), TINY, shared.resolve("tok"), 3);
    }

    /** Interpreter chats for a hidden add-7 function called {@code pyalvt}. */
    private static List<List<Segment>> chats(int n, long seed) {
        Random rng = new Random(seed);
        List<List<Segment>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int x = rng.nextInt(40);
            out.add(ChatSerialization.segments(List.of(new Turn("user", "from functions import pyalvt"),
                    new Turn("user", "print(pyalvt(" + x + "))"), new Turn("assistant", Integer.toString(x + 7)))));
        }
        return out;
    }

    private static TrainerConfig config() {
        return TrainerConfig.defaults().withBatch(8, 128).withLearningRate(3e-3, 3e-4, 5).withSchedule(10, 0, 64);
    }

    @Test
    void onlyTheAssistantTokensAndTheirEndMarkerAreTrained() throws Exception {
        try (TextTokenizer tok = TextTokenizer.load(shared.resolve("tok"))) {
            List<Segment> a = ChatSerialization.segments(List.of(new Turn("system", "Be exact."),
                    new Turn("user", "print(1 + 41)"), new Turn("assistant", "42")));
            List<Segment> b = ChatSerialization.segments(List.of(new Turn("system", "Be exact."),
                    new Turn("user", "print(40 + 2)"), new Turn("assistant", "42")));
            MaskedSequences set = MaskedSequences.tokenize(tok, List.of(a, b), 128, 0, "test chats");
            long[] reply = tok.encode("42" + ChatSerialization.END_OF_TURN);
            assertEquals(3, reply.length, "two digits and the end-of-text token");
            for (int e = 0; e < 2; e++) {
                long[] ids = set.ids(e);
                boolean[] trained = set.trained(e);
                String text = (e == 0 ? a : b).stream().map(Segment::text).reduce("", String::concat);
                assertArrayEquals(tok.encode(text), ids, "the whole text, tokenized as inference tokenizes it");
                int count = 0;
                for (int i = 0; i < ids.length; i++) {
                    boolean tail = i >= ids.length - reply.length;
                    assertEquals(tail, trained[i], "token " + i + " of chat " + e);
                    count += trained[i] ? 1 : 0;
                }
                assertEquals(3, count);
                assertArrayEquals(reply, java.util.Arrays.copyOfRange(ids, ids.length - 3, ids.length));
            }
            assertFalse(java.util.Arrays.equals(set.ids(0), set.ids(1)), "the inputs differ");
            // The batch scores the same targets for both chats: the reply, and nothing of the user's text.
            Batch batch = set.rows(List.of(0, 1));
            int len = batch.inputs()[0].length;
            for (int r = 0; r < 2; r++) {
                List<Long> scored = new ArrayList<>();
                for (int j = 0; j < len; j++) {
                    if (batch.weights()[r * len + j] == 1f) {
                        scored.add(batch.targets()[r * len + j]);
                    }
                }
                assertEquals(List.of(reply[0], reply[1], reply[2]), scored);
            }
        }
    }

    @Test
    void theTrainingLossIsTheMeanOverAssistantTokensOnly(@TempDir Path out) throws Exception {
        List<List<Segment>> eight = chats(8, 1);
        double expected;
        double everyToken;
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            double sum = 0;
            double all = 0;
            int n = 0;
            int m = 0;
            MaskedSequences set = MaskedSequences.tokenize(lm.tokenizer(), eight, 128, 0, "chats");
            for (int e = 0; e < eight.size(); e++) {
                String text = eight.get(e).stream().map(Segment::text).reduce("", String::concat);
                Double[] lp = lm.logProbs(text).logprobs();
                boolean[] trained = set.trained(e);
                assertEquals(trained.length, lp.length);
                for (int i = 1; i < lp.length; i++) {
                    all -= lp[i];
                    m++;
                    if (trained[i]) {
                        sum -= lp[i];
                        n++;
                    }
                }
            }
            expected = sum / n;
            everyToken = all / m;
        }
        // one batch of all 8 chats: one step, whose reported loss was computed before the update
        Trainer.Report r = TrainingRecipe.finetune(shared.resolve("init"), "init", eight, chats(4, 2), 0, config(), out,
                Integer.MAX_VALUE, "chats", "valid");
        assertEquals(1, r.steps());
        assertEquals(expected, r.finalTrainLoss(), 1e-4);
        assertTrue(Math.abs(everyToken - expected) > 1e-3, "the all-token mean is told apart at this tolerance: " + everyToken + " vs " + expected);
    }

    @Test
    void aTinyFinetuneLowersTheMaskedLossAndSavesAModelFolder(@TempDir Path out) throws Exception {
        List<List<Segment>> valid = chats(16, 9);
        Trainer.Report r = TrainingRecipe.finetune(shared.resolve("init"), "init", chats(400, 5), valid, 0, config(),
                out, Integer.MAX_VALUE, "chats", "valid");
        assertEquals(50, r.steps());
        double before = maskedLoss(shared.resolve("init"), valid);
        double after = maskedLoss(out, valid);
        assertEquals(after, r.validationLoss(), 1e-4);
        assertTrue(after < before - 1.0, "masked validation loss " + after + " should fall well below " + before);
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
        assertTrue(Files.isRegularFile(out.resolve("training_log.jsonl")));
        assertTrue(Files.readString(out.resolve("continued_from.json")).contains("\"examples\" : 400"));
    }

    @Test
    void anInterruptedFinetuneResumesToTheSameWeights(@TempDir Path a, @TempDir Path b) throws Exception {
        List<List<Segment>> train = chats(120, 6);
        List<List<Segment>> valid = chats(8, 7);
        TrainingRecipe.finetune(shared.resolve("init"), "init", train, valid, 0, config(), a, Integer.MAX_VALUE, "chats", "valid");
        Trainer.Report partial = TrainingRecipe.finetune(shared.resolve("init"), "init", train, valid, 0, config(), b, 7, "chats", "valid");
        assertEquals(7, partial.steps());
        Trainer.Report resumed = TrainingRecipe.finetune(shared.resolve("init"), "init", train, valid, 0, config(), b,
                Integer.MAX_VALUE, "chats", "valid");
        assertTrue(resumed.resumed());
        assertEquals(15, resumed.steps());
        String name = "transformer.h.1.mlp.c_fc.weight";
        float[] wa = weights(a, name);
        float[] wb = weights(b, name);
        assertArrayEquals(wa, wb, 0f);
        assertEquals(io.github.promptscope.util.Hashes.sha256OfFiles(List.of(a.resolve("model.safetensors"))),
                io.github.promptscope.util.Hashes.sha256OfFiles(List.of(b.resolve("model.safetensors"))), "every weight");
        assertNotEquals(weights(shared.resolve("init"), name)[0], wa[0], "training changed the weights");
    }

    /**
     * The same chats, config and seed finetuned twice from the same model in one process (so at the
     * same PyTorch thread count) give the same log and bit-identical weights.
     */
    @Test
    void twoFinetunesOfTheSameChatsAndSeedAreIdentical(@TempDir Path a, @TempDir Path b) throws Exception {
        List<List<Segment>> train = chats(120, 6);
        List<List<Segment>> valid = chats(8, 7);
        TrainerConfig cfg = config().withSchedule(10, 5, 64);
        Trainer.Report ra = TrainingRecipe.finetune(shared.resolve("init"), "init", train, valid, 0, cfg, a,
                Integer.MAX_VALUE, "chats", "valid");
        Trainer.Report rb = TrainingRecipe.finetune(shared.resolve("init"), "init", train, valid, 0, cfg, b,
                Integer.MAX_VALUE, "chats", "valid");
        assertEquals(ra.finalTrainLoss(), rb.finalTrainLoss(), 0.0);
        assertEquals(ra.validationLoss(), rb.validationLoss(), 0.0);
        assertEquals(lossColumns(a), lossColumns(b), "loss, grad_norm and validation_loss of every logged step");
        assertEquals(io.github.promptscope.util.Hashes.sha256OfFiles(List.of(a.resolve("model.safetensors"))),
                io.github.promptscope.util.Hashes.sha256OfFiles(List.of(b.resolve("model.safetensors"))));
        // the thread count the result holds for is part of the record
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(a.resolve("training.json").toFile());
        assertEquals(io.github.promptscope.lm.Engines.threads(), summary.path("pytorch_threads").asInt(-1));
    }

    /** Each logged step's loss, gradient norm and validation loss (timings left out). */
    private static List<String> lossColumns(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("training_log.jsonl"))) {
            com.fasterxml.jackson.databind.JsonNode e = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            out.add(e.path("step").asInt() + " " + e.path("loss").asDouble() + " " + e.path("grad_norm").asDouble() + " "
                    + e.path("validation_loss").asDouble());
        }
        return out;
    }

    @Test
    void aChatLongerThanThePositionsIsAnErrorNamingIt() throws Exception {
        try (TextTokenizer tok = TextTokenizer.load(shared.resolve("tok"))) {
            List<Segment> long1 = ChatSerialization.segments(List.of(new Turn("user", "1".repeat(200)), new Turn("assistant", "1")));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MaskedSequences.tokenize(tok, List.of(chats(1, 0).get(0), long1), 128, 0, "train.jsonl"));
            assertTrue(e.getMessage().startsWith("train.jsonl, example 2: "), e.getMessage());
        }
    }

    @Test
    void aValidationChatLongerThanThePositionsIsLeftOutATrainingOneIsAnError(@TempDir Path a, @TempDir Path b,
            @TempDir Path c) throws Exception {
        List<Segment> tooLong = ChatSerialization.segments(List.of(new Turn("user", "1".repeat(200)), new Turn("assistant", "1")));
        List<List<Segment>> valid = chats(4, 2);
        List<List<Segment>> withLong = new java.util.ArrayList<>(valid);
        withLong.add(1, tooLong);
        Trainer.Report plain = TrainingRecipe.finetune(shared.resolve("init"), "init", chats(8, 1), valid, 0, config(), a,
                Integer.MAX_VALUE, "chats", "valid");
        Trainer.Report filtered = TrainingRecipe.finetune(shared.resolve("init"), "init", chats(8, 1), withLong, 0, config(), b,
                Integer.MAX_VALUE, "chats", "valid");
        assertEquals(plain.validationLoss(), filtered.validationLoss(), 1e-9, "the long validation chat counts for nothing");
        List<List<Segment>> train = new java.util.ArrayList<>(chats(8, 1));
        train.add(3, tooLong);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRecipe.finetune(
                shared.resolve("init"), "init", train, valid, 0, config(), c, Integer.MAX_VALUE, "train.jsonl", "valid"));
        assertTrue(e.getMessage().startsWith("train.jsonl, example 4: "), e.getMessage());
    }

    private static float[] weights(Path dir, String name) {
        SafetensorsFile f = new SafetensorsFile(dir.resolve("model.safetensors"));
        return f.readFloats(f.entries().get(name));
    }

    private static double maskedLoss(Path model, List<List<Segment>> chats) {
        double sum = 0;
        int n = 0;
        try (LanguageModel lm = LanguageModel.load(model)) {
            MaskedSequences set = MaskedSequences.tokenize(lm.tokenizer(), chats, 128, 0, "chats");
            for (int e = 0; e < chats.size(); e++) {
                String text = chats.get(e).stream().map(Segment::text).reduce("", String::concat);
                Double[] lp = lm.logProbs(text).logprobs();
                boolean[] trained = set.trained(e);
                for (int i = 1; i < lp.length; i++) {
                    if (trained[i]) {
                        sum -= lp[i];
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }
}
