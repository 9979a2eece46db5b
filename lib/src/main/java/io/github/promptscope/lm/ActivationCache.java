package io.github.promptscope.lm;

import io.github.promptscope.lm.HookRegistry.Captured;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one hooked forward pass over a batch of texts produced, as Java arrays: each text's tokens,
 * the log-probability of each of its tokens, the logits after its last token, and the activations
 * at the hook names asked for (after any hooks ran on them, so an edit's effect shows downstream).
 * The batch was right-padded; every per-text accessor returns that text's real positions only.
 */
public final class ActivationCache {

    private final List<String> texts;
    private final List<TokenLogProbs> logProbs;
    private final float[][] lastLogits;
    private final Map<HookName, Captured> activations;

    ActivationCache(List<String> texts, List<TokenLogProbs> logProbs, float[][] lastLogits, Map<HookName, Captured> activations) {
        this.texts = List.copyOf(texts);
        this.logProbs = List.copyOf(logProbs);
        this.lastLogits = lastLogits;
        this.activations = Map.copyOf(activations);
    }

    /** How many texts the run had. */
    public int size() {
        return texts.size();
    }

    public String text(int text) {
        return texts.get(text);
    }

    public long[] tokens(int text) {
        return logProbs.get(text).tokens();
    }

    /** Each token as the tokenizer spells it (GPT-2's byte-level pieces decoded to text). */
    public List<String> tokenStrings(int text) {
        return logProbs.get(text).pieces();
    }

    /** ln p(token i | tokens before it) for each token of the text (null for the first). */
    public TokenLogProbs logProbs(int text) {
        return logProbs.get(text);
    }

    /** The next-token logits [vocab] after the text's last token. */
    public float[] lastLogits(int text) {
        return lastLogits[text].clone();
    }

    /** The names this cache holds. */
    public Set<HookName> names() {
        return activations.keySet();
    }

    /** The padded batch shape of an activation, as documented on {@link HookName.Point}. */
    public long[] shape(HookName name) {
        return captured(name).shape().clone();
    }

    /**
     * One text's activation at {@code name}, [pos][width] over its real positions. Width is the
     * product of the axes after pos: d_model, d_mlp, or head * d_head for {@code attn.hook_z}
     * (head-major, the order the output projection reads).
     */
    public float[][] get(HookName name, int text) {
        if (name.isPattern()) {
            throw new IllegalArgumentException(name + " is [head][query][key]; read it with pattern(name, text)");
        }
        Captured c = captured(name);
        int positions = (int) c.shape()[1];
        int width = (int) (c.data().length / (c.shape()[0] * positions));
        int len = length(text);
        float[][] out = new float[len][];
        for (int t = 0; t < len; t++) {
            int from = (text * positions + t) * width;
            out[t] = Arrays.copyOfRange(c.data(), from, from + width);
        }
        return out;
    }

    /** The same for a name in its string form, such as {@code "blocks.0.mlp.hook_post"}. */
    public float[][] get(String name, int text) {
        return get(HookName.parse(name), text);
    }

    /** One text's attention pattern [head][query][key] over its real positions; each row sums to 1. */
    public float[][][] pattern(HookName name, int text) {
        if (!name.isPattern()) {
            throw new IllegalArgumentException(name + " is not an attention pattern; read it with get(name, text)");
        }
        Captured c = captured(name);
        int heads = (int) c.shape()[1];
        int queries = (int) c.shape()[2];
        int keys = (int) c.shape()[3];
        int len = length(text);
        float[][][] out = new float[heads][len][];
        for (int h = 0; h < heads; h++) {
            for (int q = 0; q < len; q++) {
                int from = ((text * heads + h) * queries + q) * keys;
                out[h][q] = Arrays.copyOfRange(c.data(), from, from + len);
            }
        }
        return out;
    }

    private int length(int text) {
        if (text < 0 || text >= texts.size()) {
            throw new IndexOutOfBoundsException("text " + text + " is outside 0.." + (texts.size() - 1));
        }
        return logProbs.get(text).tokens().length;
    }

    private Captured captured(HookName name) {
        Captured c = activations.get(name);
        if (c == null) {
            throw new IllegalArgumentException(name + " was not cached; this run cached " + activations.keySet());
        }
        return c;
    }
}
