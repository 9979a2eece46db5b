package io.github.promptscope.ptuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * THUDM's P-tuning prompt encoder, as the Japanese study copies it: a learned Embedding(p + q, width)
 * over the indices 0 .. p+q-1 (N(0, 1) like nn.Embedding; random placeholders, THUDM issue #2), a
 * 2-layer BiLSTM, then Linear-ReLU-Linear.
 */
final class OriginalEncoder implements PromptEncoder {

    private final Param embedding;
    private final BiLstm lstm;
    private final PromptMlp mlp;

    OriginalEncoder(int slots, int width, Random rng) {
        embedding = new Param("embedding.weight", slots, width).normal(rng);
        lstm = new BiLstm("lstm_head", width, rng);
        mlp = new PromptMlp(width, 2, rng);
    }

    @Override
    public double[][] forward() {
        int width = embedding.cols();
        double[][] x = new double[embedding.rows()][width];
        for (int s = 0; s < x.length; s++) {
            System.arraycopy(embedding.value, s * width, x[s], 0, width);
        }
        return mlp.forward(lstm.forward(x));
    }

    @Override
    public void backward(double[][] gradient) {
        double[][] dx = lstm.backward(mlp.backward(gradient));
        int width = embedding.cols();
        for (int s = 0; s < dx.length; s++) {
            for (int j = 0; j < width; j++) {
                embedding.grad[s * width + j] += dx[s][j];
            }
        }
    }

    @Override
    public List<Param> parameters() {
        List<Param> out = new ArrayList<>();
        out.add(embedding);
        out.addAll(lstm.parameters());
        out.addAll(mlp.parameters());
        return out;
    }

    @Override
    public long[] anchorIds() {
        return null;
    }
}
