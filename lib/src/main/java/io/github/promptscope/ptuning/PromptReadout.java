package io.github.promptscope.ptuning;

import io.github.promptscope.lm.SoftPrompts;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.util.Correlation;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads prompt vectors through the vocabulary (the study's interpretation, spec B3 "--print_topk"):
 * per slot the k nearest input embeddings by L2 distance and by cosine similarity. The reference's
 * cosine variant is computed over the vocabulary axis ({@code dim=0}) and takes the smallest values,
 * so it ranks nothing meaningful; this one is over the hidden dimension and takes the largest.
 */
public final class PromptReadout {

    private final SoftPrompts soft;
    private final TextTokenizer tokenizer;

    public PromptReadout(SoftPrompts soft, TextTokenizer tokenizer) {
        this.soft = soft;
        this.tokenizer = tokenizer;
    }

    /**
     * @param prompt the prompt vectors, [p + q][width]
     * @param initIds the anchor token of each slot, or null (original encoder)
     */
    public List<SlotReadout> read(float[][] prompt, long[] initIds, int k) {
        float[][] anchors = initIds == null ? null : soft.embeddingRows(initIds);
        List<SlotReadout> out = new ArrayList<>();
        for (int s = 0; s < prompt.length; s++) {
            List<SlotReadout.Token> l2 = tokens(soft.nearestTokens(prompt[s], k, SoftPrompts.Distance.L2));
            List<SlotReadout.Token> cos = tokens(soft.nearestTokens(prompt[s], k, SoftPrompts.Distance.COSINE));
            out.add(new SlotReadout(s, initIds == null ? -1 : initIds[s], l2, cos,
                    anchors == null ? Double.NaN : Correlation.cosine(prompt[s], anchors[s])));
        }
        return out;
    }

    /** The fraction of slots whose nearest token (L2) is still their anchor; NaN without anchors. */
    public static double fractionStillInit(List<SlotReadout> slots) {
        if (slots.isEmpty() || slots.get(0).initId() < 0) {
            return Double.NaN;
        }
        return slots.stream().filter(SlotReadout::nearestIsInit).count() / (double) slots.size();
    }

    /** The mean over slots of the cosine between each vector and its anchor's embedding; NaN without anchors. */
    public static double meanCosineToInit(List<SlotReadout> slots) {
        return slots.stream().mapToDouble(SlotReadout::cosineToInit).average().orElse(Double.NaN);
    }

    private List<SlotReadout.Token> tokens(long[] ids) {
        List<SlotReadout.Token> out = new ArrayList<>();
        for (long id : ids) {
            out.add(new SlotReadout.Token(id, tokenizer.decode(new long[] {id}), tokenizer.vocabularyPiece(id)));
        }
        return out;
    }
}
