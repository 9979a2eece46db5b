package io.github.promptscope.lm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TokenizerBuilder;
import io.github.promptscope.util.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masked training with targets apart from the inputs (the neuron simulator's documents show
 * {@code unknown} where a value is trained): the loss is on the targets, and targets equal to the
 * inputs change nothing, not even the corpus hash.
 */
class MaskedTargetsTest {

    private static final Gpt2Init.Shape TINY = new Gpt2Init.Shape(2, 32, 2, 128);
    private static final int VOCAB = 200;

    @TempDir
    static Path shared;

    @BeforeAll
    static void model() throws Exception {
        System.setProperty("promptscope.progress", "off");
        TokenizerBuilder.byteLevel().words(List.of("unknown")).build().write(shared.resolve("tok"));
        Gpt2Init.create(shared.resolve("init"), TINY, shared.resolve("tok"), 3);
    }

    /** Random rows of 12-30 ids, every third position on average trained. */
    private static List<long[]> ids(int n, long seed) {
        Random rng = new Random(seed);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] row = new long[12 + rng.nextInt(19)];
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextInt(VOCAB);
            }
            out.add(row);
        }
        return out;
    }

    private static List<boolean[]> masks(List<long[]> ids, long seed) {
        Random rng = new Random(seed);
        List<boolean[]> out = new ArrayList<>();
        for (long[] row : ids) {
            boolean[] m = new boolean[row.length];
            for (int k = 1; k < row.length; k++) {
                m[k] = rng.nextInt(3) == 0;
            }
            m[row.length - 1] = true;
            out.add(m);
        }
        return out;
    }

    /** The ids with every trained position replaced by another id. */
    private static List<long[]> otherTargets(List<long[]> ids, List<boolean[]> masks) {
        List<long[]> out = new ArrayList<>();
        for (int e = 0; e < ids.size(); e++) {
            long[] t = ids.get(e).clone();
            for (int k = 0; k < t.length; k++) {
                if (masks.get(e)[k]) {
                    t[k] = (t[k] + 1 + k % 7) % VOCAB;
                }
            }
            out.add(t);
        }
        return out;
    }

    private static TrainerConfig config(int batch) {
        return TrainerConfig.defaults().withBatch(batch, 128).withLearningRate(3e-3, 3e-4, 1).withSchedule(10, 0, 64);
    }

    @Test
    void targetsEqualToTheInputsLeaveBatchesHashAndWeightsBitIdentical(@TempDir Path a, @TempDir Path b) throws Exception {
        List<long[]> ids = ids(8, 1);
        List<boolean[]> masks = masks(ids, 2);
        List<long[]> copies = ids.stream().map(long[]::clone).toList();
        MaskedSequences plain = MaskedSequences.ofTokens(ids, masks, 128, 0, "rows");
        MaskedSequences same = MaskedSequences.ofTokens(ids, masks, copies, 128, 0, "rows");
        assertArrayEquals(plain.fingerprint(), same.fingerprint(), "the corpus hash a checkpoint is tied to");
        Batch x = plain.rows(List.of(0, 3, 5));
        Batch y = same.rows(List.of(0, 3, 5));
        assertArrayEquals(x.targets(), y.targets());
        assertArrayEquals(x.weights(), y.weights());
        MaskedSequences valid = MaskedSequences.ofTokens(ids(4, 3), masks(ids(4, 3), 4), 128, 0, "valid");
        // 2 steps of 4 rows each
        Trainer.Report ra = TrainingRecipe.continueMasked(shared.resolve("init"), "init", 128, plain, valid, config(4), a,
                Integer.MAX_VALUE);
        Trainer.Report rb = TrainingRecipe.continueMasked(shared.resolve("init"), "init", 128, same, valid, config(4), b,
                Integer.MAX_VALUE);
        assertEquals(2, ra.steps());
        assertEquals(ra.finalTrainLoss(), rb.finalTrainLoss(), 0.0);
        assertEquals(ra.validationLoss(), rb.validationLoss(), 0.0);
        assertEquals(Hashes.sha256OfFiles(List.of(a.resolve("model.safetensors"))),
                Hashes.sha256OfFiles(List.of(b.resolve("model.safetensors"))), "every weight");
        assertEquals(Files.readString(a.resolve("training.json")).replaceAll("\"(wallSeconds|tokensPerSecond)\".*", ""),
                Files.readString(b.resolve("training.json")).replaceAll("\"(wallSeconds|tokensPerSecond)\".*", ""),
                "the same report and corpus_sha256");
    }

    @Test
    void theLossIsOnTheTargetsNotTheInputs(@TempDir Path out) throws Exception {
        List<long[]> ids = ids(8, 5);
        List<boolean[]> masks = masks(ids, 6);
        List<long[]> targets = otherTargets(ids, masks);
        double onTargets = 0;
        double onInputs = 0;
        int n = 0;
        try (LanguageModel lm = LanguageModel.load(shared.resolve("init"))) {
            for (int e = 0; e < ids.size(); e++) {
                float[][] lp = lm.nextTokenLogProbs(ids.get(e)); // [position][vocab]: the next token after each position
                for (int k = 1; k < ids.get(e).length; k++) {
                    if (masks.get(e)[k]) {
                        onTargets -= lp[k - 1][(int) targets.get(e)[k]];
                        onInputs -= lp[k - 1][(int) ids.get(e)[k]];
                        n++;
                    }
                }
            }
        }
        onTargets /= n;
        onInputs /= n;
        MaskedSequences set = MaskedSequences.ofTokens(ids, masks, targets, 128, 0, "rows");
        assertTrue(set.fingerprint().length > MaskedSequences.ofTokens(ids, masks, 128, 0, "rows").fingerprint().length,
                "targets apart from the inputs are part of the corpus hash");
        // one step over all 8 rows: the reported loss is computed before the update
        Trainer.Report r = TrainingRecipe.continueMasked(shared.resolve("init"), "init", 128, set, set, config(8), out,
                Integer.MAX_VALUE);
        assertEquals(1, r.steps());
        System.out.printf("masked loss on targets %.5f (trainer %.5f), on inputs %.5f, %d trained tokens%n", onTargets,
                r.finalTrainLoss(), onInputs, n);
        assertEquals(onTargets, r.finalTrainLoss(), 1e-4);
        assertTrue(Math.abs(onTargets - onInputs) > 1e-3, "the two losses are told apart: " + onTargets + " vs " + onInputs);
    }

    @Test
    void targetsOfAnotherLengthAreAnErrorNamingTheExample() {
        List<long[]> ids = ids(3, 7);
        List<long[]> targets = new ArrayList<>(ids);
        targets.set(1, new long[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaskedSequences.ofTokens(ids, masks(ids, 8), targets, 128, 0, "corpus"));
        assertTrue(e.getMessage().startsWith("corpus, example 2: "), e.getMessage());
    }
}
