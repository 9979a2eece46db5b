package io.github.promptscope.neurons;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.util.Correlation;

/**
 * Mean-pooled last hidden state cosine (spec neurons.md 7.4 a): each explanation is run through the
 * local model alone and its final-norm outputs ({@code ln_final.hook_normalized}, Hugging Face's
 * last {@code hidden_states}) are averaged over its tokens.
 */
final class AdaCsMeanHiddenState implements AdaCsSubstitute {

    private final LanguageModel model;

    AdaCsMeanHiddenState(LanguageModel model) {
        this.model = model;
    }

    @Override
    public double similarity(String explanation, String reference) {
        return Correlation.cosine(embed(explanation), embed(reference));
    }

    @Override
    public String name() {
        return "mean_hidden_state_cosine";
    }

    /** The mean of the last hidden state over the text's tokens, [d_model]. */
    double[] embed(String text) {
        float[][] states = model.hiddenStates(text, model.config().numLayers());
        if (states.length == 0) {
            throw new IllegalArgumentException("cannot embed an explanation with no tokens: \"" + text + "\"");
        }
        double[] mean = new double[states[0].length];
        for (float[] row : states) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= states.length;
        }
        return mean;
    }
}
