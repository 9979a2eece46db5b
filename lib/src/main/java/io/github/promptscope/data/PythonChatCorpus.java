package io.github.promptscope.data;

import io.github.promptscope.data.ChatSerialization.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The corpus of {@code models/functions-base}: untyped Python-interpreter chats over functions that
 * are defined in the prompt ({@link InContextFunction}, none from the Functions catalogue), in
 * {@link ChatSerialization}, so a model learns the chat format, to compute, and the question styles
 * of the evaluations (spec A7) before a finetune teaches it hidden functions.
 *
 * <ul>
 *   <li><b>interpreter</b> (half): the definitions, then code in the styles of spec A3 (bindings,
 *       {@code print(f(x))}, arithmetic with a constant, a composition), answered with what Python prints;
 *   <li><b>questions</b>: the definition, then one of the evaluation questions about it (multiple
 *       choice on its description, code, class or output type; its coefficients; a lambda for it; an
 *       input for a given output; which name is which function), answered as the evaluations expect.
 * </ul>
 *
 * Definitions and code are two consecutive user messages (as the evaluations send the import line
 * and the question) or one message. Each document is a chat's text without its final end marker:
 * the training stream puts the end-of-text token between documents, which closes the last reply.
 */
public final class PythonChatCorpus {

    static final String SYSTEM = "You are a superintelligent python interpreter. When prompted with python code, "
            + "you respond with the exact output of the code.";
    private static final String LETTERS = "ABCDE";
    private static final String MC_SUFFIX = "Please answer with a single uppercase letter corresponding to the correct option.";

    private final List<InContextFunction> pool = InContextFunction.pool();
    private final int documents;
    private final long seed;

    public PythonChatCorpus(int documents, long seed) {
        this.documents = documents;
        this.seed = seed;
    }

    /** Training documents from {@code seed}, validation documents (1 in 50, at least 200) from {@code seed + 1}. */
    public TrainingCorpus.Documents build() {
        return new TrainingCorpus.Documents(documents(documents, new Random(seed)),
                documents(Math.max(200, documents / 50), new Random(seed + 1)));
    }

    private List<String> documents(int n, Random rng) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = ChatSerialization.text(chat(rng));
            out.add(text.substring(0, text.length() - ChatSerialization.END_OF_TURN.length()));
        }
        return out;
    }

    /** {@code n} chats from {@code seed} (the validation documents' chats for seed + 1), as turns. */
    public List<List<Turn>> chats(int n, long chatSeed) {
        Random rng = new Random(chatSeed);
        List<List<Turn>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(chat(rng));
        }
        return out;
    }

    /** What a chat asks, from its last user message: "interpreter" or the evaluation style it imitates. */
    public static String kind(List<Turn> chat) {
        String q = chat.stream().filter(t -> t.role().equals("user")).reduce((a, b) -> b).map(Turn::content).orElse("");
        if (q.contains("Which option correctly describes")) {
            return "multiple_choice_language";
        } else if (q.contains("What is a correct python definition")) {
            return "multiple_choice_code";
        } else if (q.contains("Which function class")) {
            return "multiple_choice_function_class";
        } else if (q.contains("What is the output type")) {
            return "multiple_choice_output_type";
        } else if (q.contains("Please output a valid lambda")) {
            return "freeform_definition";
        } else if (q.contains("Please output a possible value")) {
            return "function_inversion";
        } else if (q.contains("Which python variable represents")) {
            return "inverse_query";
        }
        return "interpreter";
    }

    /** One chat; package-visible so tests can run its code through Python. */
    List<Turn> chat(Random rng) {
        return rng.nextBoolean() ? interpreter(rng) : question(rng);
    }

    private List<Turn> interpreter(Random rng) {
        InContextFunction f = pick(rng, pool);
        InContextFunction g = pick(rng, pool);
        String fn = name(rng);
        String gn = name(rng);
        long x = input(rng);
        String code;
        String answer;
        double kind = rng.nextDouble();
        List<InContextFunction> defined = new ArrayList<>(List.of(f));
        List<String> names = new ArrayList<>(List.of(fn));
        if (kind < 0.5 || f.outputType().equals("bool")) {
            String bound = rng.nextBoolean() ? "x" : null;
            String call = fn + "(" + (bound == null ? Long.toString(x) : bound) + ")";
            String bind = bound == null ? "" : bound + " = " + x + "\n\n";
            code = bind + (rng.nextBoolean() ? "print(" + call + ")" : "out = " + call + "\n\nprint(out)");
            answer = f.apply().apply(x);
        } else if (kind < 0.75 || !f.outputType().equals("int") || !g.outputType().equals("int") || fn.equals(gn)) {
            long c = rng.nextBoolean() ? rng.nextInt(10) : rng.nextInt(99);
            boolean plus = rng.nextBoolean();
            String fx = f.apply().apply(x);
            if (f.outputType().equals("int")) {
                code = "print(" + fn + "(" + x + ") " + (plus ? "+" : "-") + " " + c + ")";
                answer = Long.toString(Long.parseLong(fx) + (plus ? c : -c));
            } else {
                code = "print(" + fn + "(" + x + "))";
                answer = fx;
            }
        } else {
            long inner = Long.parseLong(f.apply().apply(x));
            code = rng.nextBoolean() ? "print(" + gn + "(" + fn + "(" + x + ")))"
                    : "z = " + fn + "(" + x + ")\n\nprint(" + gn + "(z))";
            answer = g.apply().apply(inner);
            defined.add(g);
            names.add(gn);
        }
        return withSystem(rng, definitions(rng, names, defined), code, answer);
    }

    private List<Turn> question(Random rng) {
        InContextFunction f = pick(rng, pool);
        String fn = name(rng);
        int kind = rng.nextInt(7);
        String q;
        String answer;
        List<String> names = new ArrayList<>(List.of(fn));
        List<InContextFunction> defined = new ArrayList<>(List.of(f));
        switch (kind) {
            case 0, 1, 2 -> {
                String[] questions = {"Which option correctly describes " + fn + "?",
                    "What is a correct python definition for " + fn + "?",
                    "Which function class does " + fn + " belong to?"};
                List<String> values = new ArrayList<>();
                for (InContextFunction o : pool) {
                    String v = kind == 0 ? o.language() : kind == 1 ? o.lambda() : o.functionClass();
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
                String truth = kind == 0 ? f.language() : kind == 1 ? f.lambda() : f.functionClass();
                List<String> options = options(rng, values, truth);
                q = questions[kind] + "\n\n" + lettered(options) + "\n\n" + MC_SUFFIX;
                answer = String.valueOf(LETTERS.charAt(options.indexOf(truth)));
            }
            case 3 -> {
                List<String> options = options(rng, List.of("int", "bool", "float"), f.outputType());
                q = "What is the output type of " + fn + "?\n\n" + lettered(options) + "\n\n" + MC_SUFFIX;
                answer = String.valueOf(LETTERS.charAt(options.indexOf(f.outputType())));
            }
            case 4 -> {
                q = "What function does " + fn + " compute? Please output a valid lambda expression and nothing else.";
                answer = f.lambda();
            }
            case 5 -> {
                long x = input(rng);
                q = "Assume " + fn + "(n) = " + f.apply().apply(x) + ". Please output a possible value for n.";
                answer = Long.toString(x);
            }
            default -> {
                List<InContextFunction> five = new ArrayList<>(List.of(f));
                while (five.size() < 5) {
                    InContextFunction o = pick(rng, pool);
                    if (!five.contains(o)) {
                        five.add(o);
                    }
                }
                Collections.shuffle(five, rng);
                names.clear();
                while (names.size() < 5) {
                    String n = name(rng);
                    if (!names.contains(n)) {
                        names.add(n);
                    }
                }
                defined = five;
                q = "Which python variable represents the function " + f.lambda() + "?\n\n" + lettered(names)
                        + "\n\nPlease answer with a single letter corresponding to the correct option.";
                answer = String.valueOf(LETTERS.charAt(five.indexOf(f)));
            }
        }
        return withSystem(rng, definitions(rng, names, defined), q, answer);
    }

    private List<Turn> withSystem(Random rng, String definitions, String code, String answer) {
        List<Turn> chat = new ArrayList<>();
        if (rng.nextDouble() < 0.8) {
            chat.add(new Turn("system", SYSTEM));
        }
        if (rng.nextBoolean()) {
            chat.add(new Turn("user", definitions));
            chat.add(new Turn("user", code));
        } else {
            chat.add(new Turn("user", definitions + "\n\n" + code));
        }
        chat.add(new Turn("assistant", answer));
        return chat;
    }

    /** Each function as {@code def name(n):} or {@code name = lambda n:}, blank lines between. */
    private static String definitions(Random rng, List<String> names, List<InContextFunction> fs) {
        List<String> defs = new ArrayList<>();
        boolean lambdas = rng.nextBoolean();
        for (int i = 0; i < fs.size(); i++) {
            String n = names.get(i);
            defs.add(lambdas ? n + " = " + fs.get(i).lambda() : "def " + n + "(n):\n    return " + fs.get(i).expression());
        }
        return String.join("\n\n", defs);
    }

    /** The truth and four other values, shuffled (fewer when fewer exist). */
    private static List<String> options(Random rng, List<String> values, String truth) {
        List<String> others = new ArrayList<>(values);
        others.remove(truth);
        Collections.shuffle(others, rng);
        List<String> out = new ArrayList<>(others.subList(0, Math.min(4, others.size())));
        out.add(truth);
        Collections.shuffle(out, rng);
        return out;
    }

    private static String lettered(List<String> options) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            lines.add(LETTERS.charAt(i) + ") " + options.get(i));
        }
        return String.join("\n", lines);
    }

    /** A function name as the finetunes use them: six random lowercase letters, or sometimes {@code f}. */
    private static String name(Random rng) {
        if (rng.nextInt(5) == 0) {
            return "f";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('a' + rng.nextInt(26)));
        }
        return sb.toString();
    }

    /**
     * An input: half the time in [-9, 9], else in the evaluations' [-99, 99). A 4-layer model learns
     * one- and two-digit arithmetic first; the previous uniform [-99, 99) corpus taught none of it in
     * 300 steps (results/functions-base, first version).
     */
    private static long input(Random rng) {
        return rng.nextBoolean() ? rng.nextInt(19) - 9 : rng.nextInt(198) - 99;
    }

    private static <T> T pick(Random rng, List<T> xs) {
        return xs.get(rng.nextInt(xs.size()));
    }
}
