package io.github.promptscope.ptuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The study's new design (NewPromptEncoder): no learned table; the input is the LM's frozen input
 * embedding of p + q anchor tokens (the human prompt's, or random vocabulary ids), then the same
 * BiLSTM, one or two linear layers, and optionally the input added back (prompt = anchor + delta).
 *
 * <p>With the residual, {@code zeroDelta} starts the last linear layer at zero so every prompt vector
 * starts exactly at its anchor's embedding, and an untrained prompt's nearest token is its anchor
 * token by construction. The reference keeps nn.Linear's default init there, so its untrained prompt
 * is the anchor plus a random delta of about the anchor's size; {@code zeroDelta = false} reproduces that.
 * The first step still moves the prompt: the last layer's gradient is the LSTM output times the loss
 * gradient, nonzero, and the LSTM's gradient follows from the second step on.
 */
final class NewDesignEncoder implements PromptEncoder {

    private final long[] anchorIds;
    private final double[][] anchors;
    private final BiLstm lstm;
    private final PromptMlp mlp;
    private final boolean residual;

    NewDesignEncoder(long[] anchorIds, float[][] anchorRows, int mlpLayers, boolean residual, boolean zeroDelta,
            Random rng) {
        if (anchorIds.length != anchorRows.length) {
            throw new IllegalArgumentException(anchorIds.length + " anchor ids for " + anchorRows.length + " rows");
        }
        this.anchorIds = anchorIds.clone();
        this.anchors = new double[anchorRows.length][];
        for (int s = 0; s < anchorRows.length; s++) {
            anchors[s] = new double[anchorRows[s].length];
            for (int j = 0; j < anchorRows[s].length; j++) {
                anchors[s][j] = anchorRows[s][j];
            }
        }
        int width = anchors[0].length;
        this.lstm = new BiLstm("lstm_head", width, rng);
        this.mlp = new PromptMlp(width, mlpLayers, rng);
        this.residual = residual;
        if (residual && zeroDelta) {
            mlp.last().zero();
        }
    }

    @Override
    public double[][] forward() {
        double[][] out = mlp.forward(lstm.forward(anchors));
        if (residual) {
            for (int s = 0; s < out.length; s++) {
                for (int j = 0; j < out[s].length; j++) {
                    out[s][j] += anchors[s][j];
                }
            }
        }
        return out;
    }

    @Override
    public void backward(double[][] gradient) {
        // the anchors are frozen: the residual path's gradient stops there
        lstm.backward(mlp.backward(gradient));
    }

    @Override
    public List<Param> parameters() {
        List<Param> out = new ArrayList<>(lstm.parameters());
        out.addAll(mlp.parameters());
        return out;
    }

    @Override
    public long[] anchorIds() {
        return anchorIds.clone();
    }

    /** The anchors' embeddings, [p + q][width] (copies). */
    double[][] anchorRows() {
        double[][] out = new double[anchors.length][];
        for (int s = 0; s < anchors.length; s++) {
            out[s] = anchors[s].clone();
        }
        return out;
    }
}
