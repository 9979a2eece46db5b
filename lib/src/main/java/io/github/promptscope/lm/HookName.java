package io.github.promptscope.lm;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One named activation of a forward pass, printed as TransformerLens prints it
 * ({@code blocks.3.mlp.hook_post}). Build names with {@link Hooks}; {@link #parse} reads the
 * string form back (for JSON and notebooks). Whether a name exists in a given model (its layer
 * is in range, the model has learned positions or a gated MLP) is checked when a run asks for it.
 *
 * @param point which activation of a block (or of the whole model)
 * @param layer the block index, or -1 for the model-level points (embeddings, final norm)
 */
public record HookName(Point point, int layer) {

    /**
     * The hook points, each with the shape of its activation for a padded batch. {@code d_mlp} is
     * the MLP's intermediate size; {@code pos} is the padded length (per-text accessors cut it to
     * the text's own tokens).
     */
    public enum Point {
        /** Token embeddings [batch, pos, d_model]. */
        EMBED("hook_embed", false),
        /** Learned position embeddings [batch, pos, d_model]; GPT-2 only (Llama's positions are rotary). */
        POS_EMBED("hook_pos_embed", false),
        /** The block's input [batch, pos, d_model]; block 0's is embed (+ pos_embed). */
        RESID_PRE("hook_resid_pre", true),
        /** Attention probabilities after softmax [batch, head, query_pos, key_pos]; padding keys get 0. */
        ATTN_PATTERN("attn.hook_pattern", true),
        /** Per-head attention output before the output projection [batch, pos, head, d_head]. */
        ATTN_Z("attn.hook_z", true),
        /** The attention sublayer's output (after its output projection) [batch, pos, d_model]. */
        ATTN_OUT("hook_attn_out", true),
        /** resid_pre + attn_out [batch, pos, d_model]. */
        RESID_MID("hook_resid_mid", true),
        /**
         * The MLP's pre-activation [batch, pos, d_mlp]: GPT-2's {@code c_fc(x)} before GELU; for
         * Llama's SwiGLU the gate projection {@code gate_proj(x)} before SiLU.
         */
        MLP_PRE("mlp.hook_pre", true),
        /** Llama only: SwiGLU's linear branch {@code up_proj(x)} [batch, pos, d_mlp]. */
        MLP_PRE_LINEAR("mlp.hook_pre_linear", true),
        /**
         * The input of the MLP's output projection [batch, pos, d_mlp]: GPT-2's {@code gelu(c_fc(x))},
         * Llama's {@code silu(gate_proj(x)) * up_proj(x)}. These are the "neurons".
         */
        MLP_POST("mlp.hook_post", true),
        /** The MLP sublayer's output (after its output projection) [batch, pos, d_model]. */
        MLP_OUT("hook_mlp_out", true),
        /** resid_mid + mlp_out, the block's output [batch, pos, d_model]. */
        RESID_POST("hook_resid_post", true),
        /**
         * The final norm's output, weight and bias applied [batch, pos, d_model]: what the LM head
         * reads, and Hugging Face's last {@code hidden_states}.
         */
        LN_FINAL("ln_final.hook_normalized", false);

        private final String suffix;
        private final boolean perBlock;

        Point(String suffix, boolean perBlock) {
            this.suffix = suffix;
            this.perBlock = perBlock;
        }

        public boolean perBlock() {
            return perBlock;
        }

        /** The name's form, with {@code {L}} for the layer of per-block points. */
        public String template() {
            return perBlock ? "blocks.{L}." + suffix : suffix;
        }
    }

    private static final Pattern BLOCK = Pattern.compile("blocks\\.(\\d{1,9})\\.(.+)");

    public HookName {
        if (point == null) {
            throw new IllegalArgumentException("hook point is null");
        }
        if (point.perBlock && layer < 0) {
            throw new IllegalArgumentException(point.template() + ": layer must be >= 0, got " + layer);
        }
        if (!point.perBlock && layer != -1) {
            throw new IllegalArgumentException(point.suffix + " belongs to no block; its layer is -1, got " + layer);
        }
    }

    /** Reads a TransformerLens-style name such as {@code blocks.0.attn.hook_pattern} or {@code hook_embed}. */
    public static HookName parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("hook name is null");
        }
        Matcher m = BLOCK.matcher(name);
        String suffix = m.matches() ? m.group(2) : name;
        for (Point p : Point.values()) {
            if (p.suffix.equals(suffix) && p.perBlock == m.matches()) {
                return new HookName(p, m.matches() ? Integer.parseInt(m.group(1)) : -1);
            }
        }
        throw new IllegalArgumentException("unknown hook name '" + name + "'; the names are "
                + Arrays.stream(Point.values()).map(Point::template).collect(Collectors.joining(", ")));
    }

    /** The 4-d attention pattern, whose per-text form is [head][query][key] rather than [pos][width]. */
    public boolean isPattern() {
        return point == Point.ATTN_PATTERN;
    }

    @Override
    public String toString() {
        return point.perBlock ? "blocks." + layer + "." + point.suffix : point.suffix;
    }
}
