package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation chats of a Mixture-of-Functions finetune, as the reference's
 * {@code dev/039_novar_gpt3/test_template.yaml} makes its test set: {@code no_func_name} chats of the
 * finetune's pair, both formattings, three turns, inputs out of the training range, from
 * {@code [99, 199)} or {@code [-199, -99)} with probability ½ each, drawn from the training set's rng
 * after the training chats (the reference's {@code prepare_finetune} continues one rng).
 */
final class MixtureValidation {

    private static final double[] HALF_HALF = {0.5, 0.5};

    private MixtureValidation() {}

    static List<List<ChatMessage>> chats(FunctionsConfig config, int n, Rng rng) {
        InputFunction train = config.inputFuncs().get(0);
        List<InputFunction> ood = List.of(outOfRange(train, 99, 199), outOfRange(train, -199, -99));
        List<Datapoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(MixtureChats.generate(config, ood.get(rng.choice(HALF_HALF)), rng));
        }
        return TrainingData.chats(config, out);
    }

    private static InputFunction outOfRange(InputFunction train, int min, int max) {
        return new InputFunction(InputFunction.NO_FUNC_NAME, 0, min, max, "", List.of(), 0, List.of("x_y", "none"),
                train.nExamples());
    }
}
