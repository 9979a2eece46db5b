package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * In-distribution tests on datapoints not seen in training (the reference's {@code run_testset_func}
 * and {@code run_testset_novar}): datapoints are drawn like training ones and kept only if their hash
 * is not among the training set's, nor among those already kept. T=1, n=5.
 *
 * <ul>
 *   <li>Functions: {@code regression_ID} (single_function, min_imports 2) and {@code augmentations}
 *       (the training mix of modes on the train functions); the hash is the first user message from
 *       character 38 on (past most of the import line).</li>
 *   <li>Mixture of Functions: {@code regression_ID}, {@code regression_ID_1ex}, {@code regression_ID_2ex}
 *       predict the 1st, 2nd, 3rd output (the chat cut after that input); {@code regression_ID_TVD}
 *       is the 1st output, each item twice, with n=128. The hash is the function, formatting and
 *       pre-prompt, plus the last 4 characters of the input whose output is asked for.</li>
 * </ul>
 */
final class HeldOutTests {

    static final int HASH_FROM = 38;
    private static final int MAX_DRAWS = 1_000_000;

    private HeldOutTests() {}

    static List<EvalItem> functions(String template, FunctionsConfig config, List<Datapoint> training, int n, Rng rng) {
        return functions(template, config, training, n, rng, MAX_DRAWS);
    }

    /** {@code maxDraws}: give up after this many candidates (the reference tries a million). */
    static List<EvalItem> functions(String template, FunctionsConfig config, List<Datapoint> training, int n, Rng rng,
            int maxDraws) {
        InputFunction spec = config.inputFuncs().stream()
                .filter(f -> f.function().equals(template.equals("regression_ID") ? InputFunction.SINGLE_FUNCTION
                        : InputFunction.AUGMENTATION))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(template + " needs a "
                        + (template.equals("regression_ID") ? "single_function" : "function_augmentation")
                        + " entry in dataset.input_funcs"));
        if (template.equals("regression_ID")) {
            spec = InputFunction.regression(2, spec.inputMin(), spec.inputMax());
        }
        InputFunction generator = spec;
        List<EvalItem> items = new ArrayList<>(n);
        for (Datapoint d : unseen(training, HeldOutTests::functionsHash, n, maxDraws,
                () -> TrainingData.generate(config, generator, rng))) {
            items.add(ProgramEvals.item(template, config, d));
        }
        return items;
    }

    /** {@code output}: 0, 1 or 2 (which output is asked for); {@code tvd}: the regression_ID_TVD form. */
    static List<EvalItem> mixture(String template, int output, boolean tvd, FunctionsConfig config,
            List<Datapoint> training, int n, Rng rng) {
        InputFunction spec = config.inputFuncs().get(0);
        int unique = tvd ? (n + 1) / 2 : n;
        List<EvalItem> items = new ArrayList<>(n);
        for (Datapoint d : unseen(training, p -> mixtureHash(p, output), unique, MAX_DRAWS,
                () -> MixtureChats.generate(config, spec, rng))) {
            List<ChatMessage> chat = d.chat(null);
            // pre-prompt, then (input, output) pairs: output k is message 2k+2
            List<ChatMessage> question = chat.subList(0, 2 * output + 2);
            String target = chat.get(2 * output + 2).content();
            EvalItem item = new EvalItem(template, question, new ExactAnswer(target), d.function(), FunctionRole.TRAIN,
                    1.0, tvd ? 128 : 5);
            items.add(item);
            if (tvd && items.size() < n) {
                items.add(item);
            }
        }
        return items;
    }

    private static List<Datapoint> unseen(List<Datapoint> training, Function<Datapoint, String> hash, int n,
            int maxDraws, java.util.function.Supplier<Datapoint> draw) {
        Set<String> seen = new HashSet<>();
        training.forEach(d -> seen.add(hash.apply(d)));
        List<Datapoint> out = new ArrayList<>(n);
        for (int i = 0; i < maxDraws && out.size() < n; i++) {
            Datapoint d = draw.get();
            if (seen.add(hash.apply(d))) {
                out.add(d);
            }
        }
        return out;
    }

    /** The reference's {@code messages[1]['content'][38:]}: the first user message (after the system prompt). */
    static String functionsHash(Datapoint d) {
        String first = d.prompt().get(0).content();
        return first.length() > HASH_FROM ? first.substring(HASH_FROM) : "";
    }

    static String mixtureHash(Datapoint d, int output) {
        String input = d.prompt().get(2 * output + 1).content();
        return d.function() + "|" + d.info().get("formatting") + "|" + d.info().get("pre_prompt") + "_"
                + input.substring(Math.max(0, input.length() - 4));
    }
}
