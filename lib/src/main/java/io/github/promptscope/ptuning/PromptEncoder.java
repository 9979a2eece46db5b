package io.github.promptscope.ptuning;

import java.util.List;

/**
 * Produces the p + q prompt vectors that replace the template's prompt positions (spec B1), and
 * takes their loss gradient back. One forward, then at most one backward for it; gradients
 * accumulate in the {@link Param}s until {@link #zeroGrad()}.
 */
public interface PromptEncoder {

    /** The prompt vectors, [p + q][width]. */
    double[][] forward();

    /** Accumulates d loss / d parameter from d loss / d prompt vector [p + q][width] of the last forward. */
    void backward(double[][] gradient);

    /** Every trainable tensor, in PyTorch's state_dict order. */
    List<Param> parameters();

    /**
     * The token ids whose frozen embeddings are the input (the new design), one per prompt slot;
     * null for the original encoder, whose inputs are a learned table.
     */
    long[] anchorIds();

    default void zeroGrad() {
        parameters().forEach(Param::zeroGrad);
    }

    /** The number of trainable numbers. */
    default long size() {
        return parameters().stream().mapToLong(Param::size).sum();
    }
}
