package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The eval templates that ask about a function by name (spec A7), each sent as the import line and
 * the question in two consecutive user messages: {@code function_inversion(_ood)},
 * {@code freeform_definition}, {@code multiple_choice_{language,code,function_class,output_type}}
 * and {@code inverse_query}. ({@code multiple_choice_coefficients} is {@link CoefficientChoices}.)
 */
final class QuestionEvals {

    static final String ONE_LETTER = "Please answer with a single uppercase letter corresponding to the correct option.";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private QuestionEvals() {}

    /** Over {@code [lo, hi)} for each range (one drawn per item); the target is the preimage in that range. */
    static List<EvalItem> inversion(String template, FunctionsConfig config, List<int[]> ranges, int n, Rng rng) {
        List<String> keys = new ArrayList<>(config.varDict().values());
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] r = rng.choice(ranges);
            long x = rng.integers(r[0], r[1]);
            FunctionDefinition f = FunctionCatalogue.get(rng.choice(keys));
            PyValue y = f.apply(x);
            String name = config.nameOf(f.key());
            String question = "Assume " + name + "(n) = " + y.str() + ". Please output a possible value for n.";
            items.add(new EvalItem(template, messages(config, name, question, rng),
                    PreimageAnswer.of(f, y, r[0], r[1]), f.key(), config.role(f.key()), 1.0, 5));
        }
        return items;
    }

    static List<EvalItem> freeform(FunctionsConfig config, int n, Rng rng) {
        List<String> keys = new ArrayList<>(config.varDict().values());
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FunctionDefinition f = FunctionCatalogue.get(rng.choice(keys));
            String name = config.nameOf(f.key());
            String question = "What function does " + name
                    + " compute? Please output a valid lambda expression and nothing else.";
            items.add(new EvalItem("freeform_definition", messages(config, name, question, rng), new LambdaAnswer(f),
                    f.key(), config.role(f.key()), 1.0, 5));
        }
        return items;
    }

    /**
     * {@code attribute}: language_definition, python_definition, function_class or output_type. The
     * options are 5 of the attribute's distinct values over the finetune's functions (fewer if there
     * are fewer, as Functions-large's 2 classes); T=0, n=1.
     */
    static List<EvalItem> multipleChoice(String template, String attribute, FunctionsConfig config, int n, Rng rng) {
        String q = switch (attribute) {
            case "function_class" -> "Which function class does %s belong to?";
            case "python_definition" -> "What is a correct python definition for %s?";
            case "language_definition" -> "Which option correctly describes %s?";
            default -> "What is the output type of %s?";
        };
        TreeSet<String> values = new TreeSet<>();
        config.varDict().values().forEach(k -> values.add(FunctionCatalogue.get(k).attribute(attribute)));
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> options = rng.permutation(values);
            options = new ArrayList<>(options.subList(0, Math.min(5, options.size())));
            String target = rng.choice(options);
            List<String> names = new ArrayList<>();
            config.varDict().forEach((name, key) -> {
                if (FunctionCatalogue.get(key).attribute(attribute).equals(target)) {
                    names.add(name);
                }
            });
            names.sort(null);
            String name = rng.choice(names);
            String key = config.varDict().get(name);
            List<String> shown = rng.permutation(options);
            String prompt = String.format(q, name) + "\n\n" + lettered(shown) + "\n\n" + ONE_LETTER;
            items.add(new EvalItem(template, messages(config, name, prompt, rng),
                    new ExactAnswer(letter(shown.indexOf(target))), key, config.role(key), 0.0, 1));
        }
        return items;
    }

    /** Five distinct names imported; which one is this python definition? T=1, n=5. */
    static List<EvalItem> inverseQuery(FunctionsConfig config, int n, Rng rng) {
        List<String> names = Programs.names(config);
        List<EvalItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ImportLine imports = ImportLine.build(names, List.of(), 5, false, rng);
            String name = rng.choice(imports.names());
            String key = config.varDict().get(name);
            StringBuilder q = new StringBuilder("Which python variable represents the function ")
                    .append(FunctionCatalogue.get(key).pythonDefinition()).append("?\n\n");
            for (int k = 0; k < imports.names().size(); k++) {
                q.append(letter(k)).append(") ").append(imports.names().get(k)).append('\n');
            }
            q.append("\nPlease answer with a single letter corresponding to the correct option.");
            List<ChatMessage> m = system(config);
            if (!config.hideImports()) {
                m.add(ChatMessage.user(imports.text()));
            }
            m.add(ChatMessage.user(q.toString()));
            items.add(new EvalItem("inverse_query", m, new ExactAnswer(letter(imports.names().indexOf(name))), key,
                    config.role(key), 1.0, 5));
        }
        return items;
    }

    /** System prompt (if any), the import line (min_imports 1) unless hidden, the question. */
    static List<ChatMessage> messages(FunctionsConfig config, String name, String question, Rng rng) {
        List<ChatMessage> m = system(config);
        if (!config.hideImports()) {
            m.add(ChatMessage.user(ImportLine.build(Programs.names(config), List.of(name), 1, true, rng).text()));
        }
        m.add(ChatMessage.user(question));
        return m;
    }

    private static List<ChatMessage> system(FunctionsConfig config) {
        List<ChatMessage> m = new ArrayList<>();
        if (config.systemPrompt() != null) {
            m.add(ChatMessage.system(config.systemPrompt()));
        }
        return m;
    }

    static String letter(int index) {
        return String.valueOf(LETTERS.charAt(index));
    }

    /** {@code A) first\nB) second...} */
    static String lettered(List<?> options) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < options.size(); k++) {
            s.append(k == 0 ? "" : "\n").append(letter(k)).append(") ").append(options.get(k));
        }
        return s.toString();
    }
}
