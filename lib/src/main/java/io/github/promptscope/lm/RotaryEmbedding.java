package io.github.promptscope.lm;

import io.github.promptscope.lm.checkpoint.ModelConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Llama's rotary position embedding in the "rotate half" layout that Hugging Face checkpoints use.
 *
 * <p>Frequencies are computed in float32 exactly as {@code transformers} does (including the
 * llama3 and linear scalings), because a double-precision table drifts from the reference at long
 * positions by more than the parity tolerance.
 */
final class RotaryEmbedding {

    private final float[] invFreq; // [head_dim / 2]

    RotaryEmbedding(int headDim, ModelConfig.RopeScaling rope) {
        int half = headDim / 2;
        float[] f = new float[half];
        for (int i = 0; i < half; i++) {
            float exponent = (float) (2 * i) / (float) headDim;
            f[i] = 1.0f / (float) Math.pow(rope.theta(), exponent);
        }
        switch (rope.type()) {
            case "linear" -> {
                for (int i = 0; i < half; i++) {
                    f[i] = f[i] / (float) rope.factor();
                }
            }
            case "llama3" -> llama3(f, rope);
            default -> { }
        }
        this.invFreq = f;
    }

    /** Long wavelengths are slowed by {@code factor}, short ones kept, the band between blended. */
    private static void llama3(float[] f, ModelConfig.RopeScaling rope) {
        double oldContext = rope.originalMaxPositions();
        double lowFreqWavelen = oldContext / rope.lowFreqFactor();
        double highFreqWavelen = oldContext / rope.highFreqFactor();
        float factor = (float) rope.factor();
        for (int i = 0; i < f.length; i++) {
            float wavelen = (float) (2 * Math.PI) / f[i];
            float scaled = wavelen > lowFreqWavelen ? f[i] / factor : f[i];
            boolean medium = !(wavelen < highFreqWavelen) && !(wavelen > lowFreqWavelen);
            if (medium) {
                float smooth = (float) ((oldContext / wavelen - rope.lowFreqFactor())
                        / (rope.highFreqFactor() - rope.lowFreqFactor()));
                scaled = (1 - smooth) * scaled / factor + smooth * scaled;
            }
            f[i] = scaled;
        }
    }

    /** cos and sin tables for the given positions, each [batch, 1, pos, head_dim]. */
    NDList tables(NDManager manager, long[][] positions) {
        int batch = positions.length;
        int len = positions[0].length;
        int half = invFreq.length;
        int dim = 2 * half;
        float[] cos = new float[batch * len * dim];
        float[] sin = new float[batch * len * dim];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < len; t++) {
                int base = (b * len + t) * dim;
                float pos = positions[b][t];
                for (int i = 0; i < half; i++) {
                    float angle = invFreq[i] * pos;
                    float c = (float) Math.cos(angle);
                    float s = (float) Math.sin(angle);
                    cos[base + i] = c;
                    cos[base + half + i] = c;
                    sin[base + i] = s;
                    sin[base + half + i] = s;
                }
            }
        }
        Shape shape = new Shape(batch, 1, len, dim);
        return new NDList(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** {@code x * cos + rotate_half(x) * sin} for x of shape [batch, heads, pos, head_dim]. */
    static NDArray apply(NDArray x, NDList tables) {
        long half = x.getShape().get(3) / 2;
        NDArray x1 = x.get(":, :, :, :" + half);
        NDArray x2 = x.get(":, :, :, " + half + ":");
        NDArray rotated = x2.neg().concat(x1, 3);
        return x.mul(tables.get(0)).add(rotated.mul(tables.get(1)));
    }
}
