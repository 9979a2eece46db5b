package io.github.promptscope.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A hook's view of one activation of a padded batch, as Java floats. Every name except the
 * attention pattern is read as [text][pos][i], where {@code i} runs over everything after the
 * position axis (d_model, d_mlp, or head * d_head for {@code attn.hook_z}); a "neuron" is one
 * {@code i}. The pattern, and anything else, can be edited through {@link #data()}.
 *
 * <p>The values are copied out of the native tensor only when first read, and written back only
 * when something was set, so a hook that just looks costs one copy and changes nothing.
 */
public final class ActivationEdit {

    private final HookName name;
    private final NDArray source;
    private final long[] shape;
    private final int[] lengths;
    private final int positions;
    private final int width;
    private float[] data;
    private boolean changed;

    ActivationEdit(HookName name, NDArray source, int[] lengths) {
        this.name = name;
        this.source = source;
        this.shape = source.getShape().getShape();
        this.lengths = lengths;
        this.positions = (int) shape[1];
        this.width = (int) (source.size() / Math.max(1, shape[0] * shape[1]));
    }

    public HookName name() {
        return name;
    }

    /** The padded batch shape, as documented on {@link HookName.Point}. */
    public long[] shape() {
        return shape.clone();
    }

    /** How many texts the batch holds. */
    public int texts() {
        return (int) shape[0];
    }

    /** How many real (non-padding) positions text {@code text} has. */
    public int length(int text) {
        return lengths[text];
    }

    /** The size of one position's vector ([pos][width] per text). */
    public int width() {
        requireRows();
        return width;
    }

    public float get(int text, int pos, int i) {
        return values()[offset(text, pos, i)];
    }

    public void set(int text, int pos, int i, float value) {
        values()[offset(text, pos, i)] = value;
        changed = true;
    }

    /** Neuron {@code i} at each text's real positions, [text][pos]. */
    public float[][] neuron(int i) {
        float[][] out = new float[texts()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = new float[lengths[b]];
            for (int t = 0; t < lengths[b]; t++) {
                out[b][t] = get(b, t, i);
            }
        }
        return out;
    }

    /** Replaces neuron {@code i} at each text's real positions with {@code values[text][pos]}. */
    public void setNeuron(int i, float[][] values) {
        if (values.length != texts()) {
            throw new IllegalArgumentException(name + ": values cover " + values.length + " texts, the batch has " + texts());
        }
        for (int b = 0; b < values.length; b++) {
            if (values[b].length != lengths[b]) {
                throw new IllegalArgumentException(name + ": text " + b + " has " + lengths[b] + " positions, values give "
                        + values[b].length);
            }
            for (int t = 0; t < lengths[b]; t++) {
                set(b, t, i, values[b][t]);
            }
        }
    }

    /** Sets neuron {@code i} to 0 at every position (padding included: it is masked anyway). */
    public void zeroNeuron(int i) {
        // stores +0 (multiplying by 0 would leave -0 for negative values and NaN for infinities)
        forNeuron(i, v -> 0f);
    }

    public void scaleNeuron(int i, float factor) {
        forNeuron(i, v -> v * factor);
    }

    /** Multiplies the whole activation by {@code factor}. */
    public void scale(float factor) {
        float[] v = values();
        for (int k = 0; k < v.length; k++) {
            v[k] *= factor;
        }
        changed = true;
    }

    /** A copy of the whole padded activation, row-major in {@link #shape()} order, for reading. */
    public float[] copy() {
        return values().clone();
    }

    /**
     * The whole padded activation, row-major in {@link #shape()} order, for any edit the methods
     * above do not cover (the pattern's [batch][head][query][key] included). Writes are kept.
     */
    public float[] data() {
        changed = true;
        return values();
    }

    /** The activation to pass on: the original tensor untouched, or a new one holding the edits. */
    NDArray result() {
        if (!changed) {
            return source;
        }
        NDArray edited = source.getManager().create(data, new Shape(shape));
        return source.getDataType() == DataType.FLOAT32 ? edited : edited.toType(source.getDataType(), false);
    }

    private void forNeuron(int i, java.util.function.DoubleUnaryOperator f) {
        float[] v = values();
        checkIndex(i);
        for (int row = 0; row < shape[0] * positions; row++) {
            v[row * width + i] = (float) f.applyAsDouble(v[row * width + i]);
        }
        changed = true;
    }

    private float[] values() {
        if (data == null) {
            data = source.toType(DataType.FLOAT32, false).toFloatArray();
        }
        return data;
    }

    private int offset(int text, int pos, int i) {
        requireRows();
        if (text < 0 || text >= shape[0] || pos < 0 || pos >= positions) {
            throw new IndexOutOfBoundsException(name + ": [" + text + "][" + pos + "] is outside [" + shape[0] + "][" + positions + "]");
        }
        checkIndex(i);
        return (text * positions + pos) * width + i;
    }

    private void checkIndex(int i) {
        requireRows();
        if (i < 0 || i >= width) {
            throw new IndexOutOfBoundsException(name + ": neuron " + i + " is outside 0.." + (width - 1));
        }
    }

    private void requireRows() {
        if (name.isPattern()) {
            throw new UnsupportedOperationException(name + " is [batch, head, query, key], not [text][pos][i]; edit it through data()");
        }
    }
}
