package io.github.promptscope.ptuning;

import java.util.List;

/**
 * The untuned human prompt (spec B6's fourth arm): its tokens' own embeddings in the prompt slots,
 * which is the same input as the tokens themselves, so every metric and readout runs unchanged.
 */
final class FixedPrompt implements PromptEncoder {

    private final long[] ids;
    private final double[][] rows;

    FixedPrompt(long[] ids, float[][] embeddingRows) {
        this.ids = ids.clone();
        this.rows = new double[embeddingRows.length][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = new double[embeddingRows[s].length];
            for (int j = 0; j < rows[s].length; j++) {
                rows[s][j] = embeddingRows[s][j];
            }
        }
    }

    @Override
    public double[][] forward() {
        double[][] out = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            out[s] = rows[s].clone();
        }
        return out;
    }

    @Override
    public void backward(double[][] gradient) {
        // nothing trains
    }

    @Override
    public List<Param> parameters() {
        return List.of();
    }

    @Override
    public long[] anchorIds() {
        return ids.clone();
    }
}
