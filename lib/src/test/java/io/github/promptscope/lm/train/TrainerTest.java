package io.github.promptscope.lm.train;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.TokenLogProbs;
import io.github.promptscope.lm.checkpoint.SafetensorsFile;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.data.TrainingCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training a tiny GPT-2 on the task corpus: it learns, it saves, it resumes exactly. */
class TrainerTest {

    private static final Gpt2Init.Shape TINY = new Gpt2Init.Shape(2, 32, 2, 64);
    private static TrainingCorpus.Documents docs;

    @TempDir
    static Path shared;

    @BeforeAll
    static void corpus() throws Exception {
        System.setProperty("promptscope.progress", "off");
        docs = new TrainingCorpus(TrainingCorpus.Spec.defaults().withDocuments(3000)
                .withTasks(List.of("add_two", "double_one", "antonyms"))).build();
        TokenizerBuilder.byteLevel().words(TrainingRecipe.frequentWords(docs.train())).build().write(shared.resolve("tok"));
        Gpt2Init.create(shared.resolve("init"), TINY, shared.resolve("tok"), 7);
    }

    private static TrainerConfig config(int steps) {
        return TrainerConfig.defaults().withSteps(steps).withBatch(8, 32).withLearningRate(3e-3, 3e-4, 5)
                .withSchedule(10, 10, 16);
    }

    @Test
    void lossFallsAndTheSavedModelLoadsWithTheSameNumbers(@TempDir Path out) throws Exception {
        Trainer.Report report;
        double before;
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            Trainer trainer = new Trainer(lm, config(60), out);
            report = trainer.train(docs.train(), docs.validation());
            before = Math.log(lm.config().vocabSize()); // an untrained model is near uniform
            TokenLogProbs trained = lm.logProbs(docs.validation().get(0));
            try (LanguageModel saved = LanguageModel.load(out)) {
                TokenLogProbs reloaded = saved.logProbs(docs.validation().get(0));
                for (int i = 1; i < trained.logprobs().length; i++) {
                    assertEquals(trained.logprobs()[i], reloaded.logprobs()[i], 1e-5);
                }
            }
        }
        assertTrue(report.validationLoss() < before - 2.0,
                "validation loss " + report.validationLoss() + " should fall well below ln(V) = " + before);
        JsonNode log = new ObjectMapper().readTree(Files.readAllLines(out.resolve("training_log.jsonl")).get(0));
        assertTrue(log.has("loss") && log.has("lr") && log.has("tokens_per_second"));
        assertTrue(Files.isRegularFile(out.resolve("training.json")));
        assertTrue(Files.isRegularFile(out.resolve("tokenizer.json")));
        assertTrue(Files.isRegularFile(out.resolve("config.json")));
    }

    @Test
    void continuedTrainingKeepsTheTokenizerLowersTheLossOnTheNewCorpusAndNamesItsStart(@TempDir Path first,
            @TempDir Path continued) throws Exception {
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            new Trainer(lm, config(30), first).train(docs.train(), docs.validation());
        }
        TrainingCorpus.Spec more = TrainingCorpus.Spec.defaults().withDocuments(3000)
                .withTasks(List.of("add_two", "double_one", "antonyms", "negation"));
        TrainingCorpus.Documents extended = new TrainingCorpus(more).build();
        List<String> negations = extended.validation().stream().filter(d -> d.contains(" not ") && d.length() < 100).limit(16).toList();
        double startLoss = meanLoss(first, negations);
        TrainingRecipe.continueFrom(more, first, "first", config(30), continued.resolve("out"), 30);
        Path out = continued.resolve("out");
        double endLoss = meanLoss(out, negations);
        assertTrue(endLoss < startLoss - 0.1, "loss on the new task's documents " + endLoss + " should fall below " + startLoss);
        assertEquals(Files.readString(first.resolve("tokenizer.json")), Files.readString(out.resolve("tokenizer.json")));
        JsonNode from = new ObjectMapper().readTree(out.resolve("continued_from.json").toFile());
        assertEquals("first", from.get("from").asText());
        assertEquals(io.github.promptscope.util.Hashes.sha256OfFiles(List.of(first.resolve("model.safetensors"))),
                from.get("from_weights_sha256").asText());
    }

    private static double meanLoss(Path model, List<String> texts) throws Exception {
        assertFalse(texts.isEmpty());
        double sum = 0;
        int n = 0;
        try (LanguageModel lm = LanguageModel.load(model)) {
            for (String t : texts) {
                Double[] lp = lm.logProbs(t).logprobs();
                for (int i = 1; i < lp.length; i++) {
                    sum -= lp[i];
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void anInterruptedRunResumesToTheSameWeights(@TempDir Path a, @TempDir Path b) throws Exception {
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            new Trainer(lm, config(30), a).train(docs.train(), docs.validation());
        }
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            Trainer.Report partial = new Trainer(lm, config(30), b).trainUntil(docs.train(), docs.validation(), 20);
            assertEquals(20, partial.steps());
        }
        assertTrue(Files.isRegularFile(b.resolve("checkpoint/trainer_state.json")));
        Trainer.Report resumed;
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            resumed = new Trainer(lm, config(30), b).train(docs.train(), docs.validation());
        }
        assertTrue(resumed.resumed());
        float[] wa = new SafetensorsFile(a.resolve("model.safetensors")).readFloats(
                new SafetensorsFile(a.resolve("model.safetensors")).entries().get("transformer.h.1.mlp.c_fc.weight"));
        float[] wb = new SafetensorsFile(b.resolve("model.safetensors")).readFloats(
                new SafetensorsFile(b.resolve("model.safetensors")).entries().get("transformer.h.1.mlp.c_fc.weight"));
        assertArrayEquals(wa, wb, 1e-5f);
        assertFalse(java.util.Arrays.equals(wa, new SafetensorsFile(shared.resolve("init/model.safetensors"))
                .readFloats(new SafetensorsFile(shared.resolve("init/model.safetensors")).entries()
                        .get("transformer.h.1.mlp.c_fc.weight"))), "training changed the weights");
    }
}
