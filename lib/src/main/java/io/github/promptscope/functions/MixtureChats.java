package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mixture of Functions ({@code no_func_name}, spec A6): a pre-prompt, then (input, output) turns of
 * one function drawn from the finetune's pair, with no names and no system prompt. Formatting
 * {@code none} ({@code 37} -> {@code 40}) or {@code x_y} ({@code x = 37} -> {@code y = 40}).
 */
public final class MixtureChats {

    /** The reference's {@code latent_func_pre_prompts}. */
    public static final List<String> PRE_PROMPTS = List.of(
            "Please determine the function output based on the given input.",
            "Compute the output for the given input.",
            "Please map the input to the output.",
            "Please predict the next output based on the provided input.");

    private MixtureChats() {}

    public static Datapoint generate(FunctionsConfig config, InputFunction spec, Rng rng) {
        if (config.trainFunctions().isEmpty()) {
            throw new IllegalStateException("a Mixture-of-Functions config needs its pair in train_functions; "
                    + "functions prepare sets it per finetune");
        }
        FunctionDefinition f = FunctionCatalogue.get(rng.choice(config.trainFunctions()));
        String prePrompt = rng.choice(PRE_PROMPTS);
        String formatting = rng.choice(spec.formattings());
        boolean xy = formatting.equals("x_y");
        List<ChatMessage> turns = new ArrayList<>();
        turns.add(ChatMessage.user(prePrompt));
        for (int i = 0; i < spec.nExamples(); i++) {
            long x = rng.integers(spec.inputMin(), spec.inputMax());
            String y = f.apply(x).str();
            turns.add(ChatMessage.user(xy ? "x = " + x : Long.toString(x)));
            turns.add(ChatMessage.assistant(xy ? "y = " + y : y));
        }
        ChatMessage last = turns.remove(turns.size() - 1);
        return new Datapoint(turns, last.content(), f.key(), "", InputFunction.NO_FUNC_NAME,
                Map.of("formatting", formatting, "pre_prompt", prePrompt));
    }
}
