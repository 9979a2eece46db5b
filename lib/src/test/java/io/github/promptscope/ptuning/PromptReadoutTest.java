package io.github.promptscope.ptuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.lm.LanguageModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study's claim that an untrained new-design prompt reads back as its template tokens holds by
 * construction with the residual and a zero-initialised delta; with the reference's default init of
 * the last layer it is only approximate, and without the residual it does not hold at all.
 */
class PromptReadoutTest {

    private static LanguageModel model;

    @BeforeAll
    static void load() {
        model = TinyTasks.model();
    }

    private static PTuningConfig newDesign(boolean residual, boolean zeroDelta) {
        return PTuningConfig.defaults().withDesign(PTuningConfig.Design.NEW, PTuningConfig.Init.TEMPLATE, residual, 1)
                .withZeroDelta(zeroDelta);
    }

    private static List<SlotReadout> read(PromptEncoder enc) {
        return new PromptReadout(model.softPrompts(), model.tokenizer())
                .read(PTuningTrainer.toFloat(enc.forward()), enc.anchorIds(), 3);
    }

    @Test
    void anUntrainedResidualPromptWithAZeroDeltaReadsAsItsTemplateTokens() {
        PromptEncoder enc = PromptEncoders.create(newDesign(true, true), model, PTuningTrainerTest.BEFORE,
                PTuningTrainerTest.BETWEEN, null);
        long[] template = HumanPrompt.ids(model.tokenizer(), PTuningTrainerTest.BEFORE, PTuningTrainerTest.BETWEEN, 3, 3);
        List<SlotReadout> slots = read(enc);
        assertEquals(6, slots.size());
        StringBuilder pieces = new StringBuilder();
        for (SlotReadout s : slots) {
            assertEquals(template[s.slot()], s.l2().get(0).id(), "slot " + s.slot() + " by L2");
            assertEquals(template[s.slot()], s.cosine().get(0).id(), "slot " + s.slot() + " by cosine");
            assertEquals(1.0, s.cosineToInit(), 1e-6);
            assertEquals(3, s.l2().size());
            pieces.append(s.l2().get(0).piece()).append(' ');
        }
        assertEquals(1.0, PromptReadout.fractionStillInit(slots));
        assertEquals(1.0, PromptReadout.meanCosineToInit(slots), 1e-6);
        // the raw pieces are the vocabulary's strings: the byte-level BPE marks a leading space with "Ġ";
        // "question :" is read after a word boundary, as the layout encodes every part
        assertEquals("Ġquestion Ġ : Ġanswer Ġ : ", pieces.toString());
    }

    @Test
    void theReferencesDefaultInitMovesTheUntrainedPromptOffItsAnchors() {
        List<SlotReadout> withDelta = read(PromptEncoders.create(newDesign(true, false), model,
                PTuningTrainerTest.BEFORE, PTuningTrainerTest.BETWEEN, null));
        List<SlotReadout> noResidual = read(PromptEncoders.create(newDesign(false, true), model,
                PTuningTrainerTest.BEFORE, PTuningTrainerTest.BETWEEN, null));
        double withDeltaCos = PromptReadout.meanCosineToInit(withDelta);
        double noResidualCos = PromptReadout.meanCosineToInit(noResidual);
        System.out.printf("untrained mean cosine to the anchors: residual + default-init delta %.3f (still nearest %.2f),"
                + " no residual %.3f (still nearest %.2f)%n", withDeltaCos, PromptReadout.fractionStillInit(withDelta),
                noResidualCos, PromptReadout.fractionStillInit(noResidual));
        assertTrue(withDeltaCos < 0.999, "a random delta moves the prompt: " + withDeltaCos);
        assertTrue(noResidualCos < withDeltaCos, "without the residual the anchor is only the LSTM's input");
    }

    @Test
    void aTemplateOfTheWrongLengthIsAnErrorListingItsTokens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptEncoders.create(
                newDesign(true, true), model, "the", PTuningTrainerTest.BETWEEN, null));
        assertTrue(e.getMessage().contains("--template p=3"), e.getMessage());
        assertTrue(e.getMessage().contains("encodes to 1 token [\" the\"]"), e.getMessage());
    }
}
