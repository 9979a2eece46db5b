package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mixture-of-Functions eval templates (spec A7, {@code eval_templates_func_novar}): after a context of
 * a pre-prompt and inputs with redacted outputs, ask which functions (classes, definitions) could have
 * produced them, which values y could take, the largest or smallest, and how many functions there
 * were. The pool is the config's {@code test_functions}, the trained pair its {@code train_functions}.
 */
final class MixtureEvals {

    static final String REDACTED = "<redacted>";
    private static final String ALL_THAT_APPLY =
            "Please choose all that apply. Answer with a list of uppercase letters and nothing else.";

    private MixtureEvals() {}

    /** function_class, language_definition, python_definition: every pair function's letter. T=1, n=5. */
    static List<EvalItem> multipleChoice(String attribute, FunctionsConfig config, int n, Rng rng) {
        List<String> options = new ArrayList<>();
        config.testFunctions().forEach(k -> options.add(FunctionCatalogue.get(k).attribute(attribute)));
        options.sort(null);
        String q = attribute.equals("function_class")
                ? "Which of the following function classes could I have chosen above?\n"
                : "Which of the following functions could I have chosen above?\n";
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> shown = rng.permutation(options);
            List<ChatMessage> m = context(config, 3, rng);
            Set<Character> target = new TreeSet<>();
            config.trainFunctions().forEach(k ->
                    target.add(QuestionEvals.letter(shown.indexOf(FunctionCatalogue.get(k).attribute(attribute))).charAt(0)));
            m.add(ChatMessage.user(q + "\n" + QuestionEvals.lettered(shown) + "\n\n" + ALL_THAT_APPLY));
            items.add(item(attribute, m, new LetterSetAnswer(target), 1.0, 5));
        }
        return items;
    }

    /** The distinct values the pool takes at x; the pair's are the target. T=1, n=5. */
    static List<EvalItem> values(FunctionsConfig config, int n, Rng rng) {
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<ChatMessage> m = new ArrayList<>();
            long x = namedRedactedCall(config, rng, m);
            TreeSet<Long> pool = new TreeSet<>();
            config.testFunctions().forEach(k -> pool.add(FunctionCatalogue.get(k).apply(x).asLong()));
            List<Long> shown = rng.permutation(pool);
            Set<Character> target = new TreeSet<>();
            config.trainFunctions().forEach(k ->
                    target.add(QuestionEvals.letter(shown.indexOf(FunctionCatalogue.get(k).apply(x).asLong())).charAt(0)));
            m.add(ChatMessage.user("In the above task, what are the values that y could take?\n\n"
                    + QuestionEvals.lettered(shown) + "\n\n" + ALL_THAT_APPLY));
            items.add(item("values", m, new LetterSetAnswer(target), 1.0, 5));
        }
        return items;
    }

    /** The largest or smallest value (½ each) over the pair at x, as an integer. T=1, n=5. */
    static List<EvalItem> maxMin(FunctionsConfig config, int n, Rng rng) {
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<ChatMessage> m = new ArrayList<>();
            long x = namedRedactedCall(config, rng, m);
            boolean max = rng.coin();
            long target = max ? Long.MIN_VALUE : Long.MAX_VALUE;
            for (String k : config.trainFunctions()) {
                long y = FunctionCatalogue.get(k).apply(x).asLong();
                target = max ? Math.max(target, y) : Math.min(target, y);
            }
            m.add(ChatMessage.user("In the above task, what is the " + (max ? "largest" : "smallest")
                    + " value that y could take? Answer with a single integer and nothing else."));
            items.add(item("max_min", m, new ExactAnswer(Long.toString(target)), 1.0, 5));
        }
        return items;
    }

    /** Options 1-5 permuted; the target is the letter of the pair's size. T=0, n=1. */
    static List<EvalItem> numberOfFunctions(FunctionsConfig config, int n, Rng rng) {
        List<EvalItem> items = new ArrayList<>(n);
        int size = new LinkedHashSet<>(config.trainFunctions()).size();
        for (int i = 0; i < n; i++) {
            List<ChatMessage> m = context(config, 3, rng);
            List<Integer> shown = rng.permutation(List.of(1, 2, 3, 4, 5));
            m.add(ChatMessage.user("How many different functions could I have chosen from in the above task?\n\n"
                    + QuestionEvals.lettered(shown) + "\n\nAnswer with an uppercase letter and nothing else."));
            items.add(item("number_of_functions", m, new ExactAnswer(QuestionEvals.letter(shown.indexOf(size))), 0.0, 1));
        }
        return items;
    }

    /**
     * Appends a pre-prompt, {@code x = X} and {@code y = <redacted>} to {@code m} (drawing the pre-prompt,
     * then X) and returns X: the opening the values and max-min questions ask about.
     */
    private static long namedRedactedCall(FunctionsConfig config, Rng rng, List<ChatMessage> m) {
        m.add(ChatMessage.user(rng.choice(MixtureChats.PRE_PROMPTS)));
        long x = rng.integers(config.eval().inputMin(), config.eval().inputMax());
        m.add(ChatMessage.user("x = " + x));
        m.add(ChatMessage.assistant("y = " + REDACTED));
        return x;
    }

    /** Pre-prompt, then {@code k} inputs each answered with a redacted output. */
    private static List<ChatMessage> context(FunctionsConfig config, int k, Rng rng) {
        List<ChatMessage> m = new ArrayList<>(List.of(ChatMessage.user(rng.choice(MixtureChats.PRE_PROMPTS))));
        for (int i = 0; i < k; i++) {
            long x = rng.integers(config.eval().inputMin(), config.eval().inputMax());
            m.add(ChatMessage.user(Long.toString(x)));
            m.add(ChatMessage.assistant(REDACTED));
        }
        return m;
    }

    private static EvalItem item(String template, List<ChatMessage> m, AnswerCheck answer, double t, int samples) {
        return new EvalItem(template, m, answer, "", FunctionRole.TEST, t, samples);
    }
}
