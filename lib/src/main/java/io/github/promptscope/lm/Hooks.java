package io.github.promptscope.lm;

import io.github.promptscope.lm.HookName.Point;
import io.github.promptscope.lm.checkpoint.ModelConfig;
import io.github.promptscope.lm.checkpoint.ModelConfig.Architecture;

import java.util.ArrayList;
import java.util.List;

/** Factories for {@link HookName}s (see {@link Point} for each activation's shape), and which exist in a model. */
public final class Hooks {

    private Hooks() {}

    public static HookName embed() {
        return new HookName(Point.EMBED, -1);
    }

    public static HookName posEmbed() {
        return new HookName(Point.POS_EMBED, -1);
    }

    public static HookName residPre(int layer) {
        return new HookName(Point.RESID_PRE, layer);
    }

    public static HookName attnPattern(int layer) {
        return new HookName(Point.ATTN_PATTERN, layer);
    }

    public static HookName attnZ(int layer) {
        return new HookName(Point.ATTN_Z, layer);
    }

    public static HookName attnOut(int layer) {
        return new HookName(Point.ATTN_OUT, layer);
    }

    public static HookName residMid(int layer) {
        return new HookName(Point.RESID_MID, layer);
    }

    public static HookName mlpPre(int layer) {
        return new HookName(Point.MLP_PRE, layer);
    }

    public static HookName mlpPreLinear(int layer) {
        return new HookName(Point.MLP_PRE_LINEAR, layer);
    }

    public static HookName mlpPost(int layer) {
        return new HookName(Point.MLP_POST, layer);
    }

    public static HookName mlpOut(int layer) {
        return new HookName(Point.MLP_OUT, layer);
    }

    public static HookName residPost(int layer) {
        return new HookName(Point.RESID_POST, layer);
    }

    public static HookName lnFinal() {
        return new HookName(Point.LN_FINAL, -1);
    }

    /** Every hook point of a model with this config, in the order a forward pass reaches them. */
    public static List<HookName> all(ModelConfig config) {
        List<HookName> out = new ArrayList<>();
        for (Point p : Point.values()) {
            if (!p.perBlock() && exists(p, config)) {
                if (p == Point.LN_FINAL) {
                    continue; // after the blocks
                }
                out.add(new HookName(p, -1));
            }
        }
        for (int l = 0; l < config.numLayers(); l++) {
            for (Point p : Point.values()) {
                if (p.perBlock() && exists(p, config)) {
                    out.add(new HookName(p, l));
                }
            }
        }
        out.add(lnFinal());
        return out;
    }

    /** Throws, naming the hook, when {@code name} does not exist in a model with this config. */
    static void check(HookName name, ModelConfig config) {
        if (name.point().perBlock() && name.layer() >= config.numLayers()) {
            throw new IllegalArgumentException(name + ": layer " + name.layer() + " is out of range; this model has layers 0.."
                    + (config.numLayers() - 1));
        }
        if (!exists(name.point(), config)) {
            String why = name.point() == Point.POS_EMBED
                    ? "this model's positions are rotary, it has no position embedding"
                    : "only gated (Llama) MLPs have a linear branch";
            throw new IllegalArgumentException(name + " does not exist in this " + config.architecture() + " model: " + why);
        }
    }

    private static boolean exists(Point p, ModelConfig config) {
        boolean gpt2 = config.architecture() == Architecture.GPT2;
        return switch (p) {
            case POS_EMBED -> gpt2;
            case MLP_PRE_LINEAR -> !gpt2;
            default -> true;
        };
    }
}
