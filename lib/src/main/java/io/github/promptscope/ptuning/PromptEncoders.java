package io.github.promptscope.ptuning;

import io.github.promptscope.lm.LanguageModel;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/** Builds the prompt encoder a {@link PTuningConfig} asks for, on a model and a task's human prompt. */
public final class PromptEncoders {

    private PromptEncoders() {}

    /**
     * A freshly initialised encoder (seeded by {@code cfg.seed()}), or the fixed human prompt for
     * {@link PTuningConfig.Design#HARD}.
     *
     * @param anchorIds the new design's or the hard prompt's p + q token ids; null to derive them
     *     (the human prompt's tokens, or random ids with {@code --init random})
     */
    public static PromptEncoder create(PTuningConfig cfg, LanguageModel model, String promptBefore,
            String promptBetween, long[] anchorIds) {
        Random rng = new Random(cfg.seed());
        int width = model.softPrompts().width();
        return switch (cfg.design()) {
            case ORIGINAL -> new OriginalEncoder(cfg.slots(), width, rng);
            case HARD -> {
                long[] ids = anchorIds != null ? anchorIds
                        : HumanPrompt.ids(model.tokenizer(), promptBefore, promptBetween, cfg.prefix(), cfg.infix());
                yield new FixedPrompt(ids, model.softPrompts().embeddingRows(ids));
            }
            case NEW -> {
                long[] ids = anchorIds != null ? anchorIds : switch (cfg.init()) {
                    case TEMPLATE -> HumanPrompt.ids(model.tokenizer(), promptBefore, promptBetween, cfg.prefix(), cfg.infix());
                    case RANDOM -> distinctRandomIds(cfg.slots(), vocabulary(model), rng);
                };
                yield new NewDesignEncoder(ids, model.softPrompts().embeddingRows(ids), cfg.mlp(), cfg.residual(),
                        cfg.zeroDelta(), rng);
            }
        };
    }

    /** The ids both the tokenizer and the embedding table know (random.sample(range(vocab_size)) in the reference). */
    private static int vocabulary(LanguageModel model) {
        return Math.min(model.tokenizer().vocabSize(), model.config().vocabSize());
    }

    private static long[] distinctRandomIds(int n, int vocab, Random rng) {
        Set<Long> ids = new LinkedHashSet<>();
        while (ids.size() < n) {
            ids.add((long) rng.nextInt(vocab));
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
