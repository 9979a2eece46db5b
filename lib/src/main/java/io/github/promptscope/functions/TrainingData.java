package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The training set of one finetune (the reference's {@code get_dataset}): each datapoint picks an
 * input function with {@code input_func_probs}, then that generator builds it. Not deduplicated, as
 * in the reference ({@code unique_samples: False}).
 */
public final class TrainingData {

    private TrainingData() {}

    public static List<Datapoint> generate(FunctionsConfig config, int n, Rng rng) {
        List<Datapoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            InputFunction spec = config.inputFuncs().get(rng.choice(config.inputFuncProbs()));
            out.add(generate(config, spec, rng));
        }
        return out;
    }

    /** One datapoint from one generator. */
    public static Datapoint generate(FunctionsConfig config, InputFunction spec, Rng rng) {
        return switch (spec.function()) {
            case InputFunction.SINGLE_FUNCTION -> RegressionPrograms.generate(config, spec, rng);
            case InputFunction.AUGMENTATION -> AugmentationPrograms.generate(config, spec, rng);
            default -> MixtureChats.generate(config, spec, rng);
        };
    }

    /** The chats as the training file holds them. */
    public static List<List<ChatMessage>> chats(FunctionsConfig config, List<Datapoint> datapoints) {
        return datapoints.stream().map(d -> d.chat(config.systemPrompt())).toList();
    }
}
