package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated program, run by a real Python interpreter with the hidden functions defined, prints
 * exactly the assistant message (spec A3: targets are {@code str(f(x))}); and the lambda evaluator
 * agrees with Python's {@code eval} on the catalogue and on random expressions.
 */
class PythonExactnessTest {

    static final long[] POINTS = LambdaAnswer.POINTS;

    @TempDir
    Path dir;

    static FunctionsConfig resolved(String shipped, long seed) {
        FunctionsConfig c = FunctionsConfig.shipped(shipped);
        return c.forFinetune(seed, VariableNames.assign(c.allFunctions(), new Rng(seed)));
    }

    private int check(String label, FunctionsConfig config, List<List<ChatMessage>> chats)
            throws IOException, InterruptedException {
        Path file = dir.resolve(label + ".jsonl");
        ChatFiles.write(file, chats);
        Path varDict = dir.resolve(label + "-var_dict.json");
        PythonCheck.writeJson(varDict, config.varDict());
        Path catalogue = dir.resolve("catalogue.json");
        PythonCheck.writeJson(catalogue, PythonCheck.catalogue());
        String out = PythonCheck.run(dir, List.of("--chats", file.toString(), "--var-dict", varDict.toString(),
                "--catalogue", catalogue.toString()));
        return PythonCheck.checks(out);
    }

    @Test
    void trainingProgramsPrintTheirTargets() throws Exception {
        PythonCheck.assumePython();
        FunctionsConfig functions = resolved("functions", 0);
        List<Datapoint> points = TrainingData.generate(functions, 4000, new Rng(1));
        Map<String, Integer> kinds = new HashMap<>();
        points.forEach(p -> kinds.merge(p.generator(), 1, Integer::sum));
        for (String kind : List.of("single_function", "False", "chain", "add_subtract")) {
            assertTrue(kinds.getOrDefault(kind, 0) > 400, kind + ": " + kinds); // 2000 / 667 expected
        }
        FunctionsConfig large = resolved("functions_large", 3);
        List<Datapoint> largePoints = TrainingData.generate(large, 2000, new Rng(2));
        assertEquals(4000, check("functions", functions, TrainingData.chats(functions, points)));
        assertEquals(2000, check("large", large, TrainingData.chats(large, largePoints)));
    }

    @Test
    void evalTemplatesWithProgramTargetsPrintTheirTargets() throws Exception {
        PythonCheck.assumePython();
        for (String shipped : List.of("functions", "functions_large")) {
            FunctionsConfig config = resolved(shipped, 2);
            List<List<ChatMessage>> chats = new ArrayList<>();
            for (String template : List.of("regression_ood", "add_subtract_int_ood", "add_subtract_function_ood",
                    "function_composition_ood", "regression_ID", "augmentations")) {
                for (EvalItem item : EvalTemplates.build(config, template, 100, 300)) {
                    List<ChatMessage> chat = new ArrayList<>(item.messages());
                    chat.add(ChatMessage.assistant(((ExactAnswer) item.answer()).target()));
                    chats.add(chat);
                }
            }
            assertEquals(1800, check(shipped + "-evals", config, chats));
        }
    }

    @Test
    void aPreparedFolderChecksWithItsOwnFunctionsModule() throws Exception {
        PythonCheck.assumePython();
        ObjectNode json = FunctionsConfig.shipped("functions_large").json().deepCopy();
        ((ObjectNode) json.get("dataset")).put("n_samples", 1000).put("n_valid", 5);
        Path exp = dir.resolve("exp");
        ExperimentFolder.prepare(FunctionsConfig.parse(json, "test"), exp, 1, 0);
        Path ft = exp.resolve("finetune_01");
        String out = PythonCheck.run(dir, List.of("--chats", ft.resolve(ExperimentFolder.TRAIN).toString(),
                "--functions-py", ft.resolve(ExperimentFolder.FUNCTIONS_PY).toString()));
        assertEquals(1000, PythonCheck.checks(out));
    }

    @Test
    void hiddenImportsStillComputeTheSameValues() throws Exception {
        PythonCheck.assumePython();
        FunctionsConfig functions = resolved("functions", 5);
        ObjectNode json = functions.json().deepCopy();
        ((ObjectNode) json.get("dataset")).put("hide_imports", true);
        FunctionsConfig hidden = FunctionsConfig.parse(json, "test");
        List<List<ChatMessage>> chats = new ArrayList<>();
        for (Datapoint p : TrainingData.generate(hidden, 500, new Rng(9))) {
            String code = p.prompt().get(0).content();
            assertTrue(!code.startsWith("from functions"), code);
            // the script needs the names imported; add the line back in front for the check only
            chats.add(List.of(ChatMessage.user("from functions import *\n\n" + code), ChatMessage.assistant(p.target())));
        }
        assertEquals(500, check("hidden", hidden, chats));
    }

    @Test
    void lambdaEvaluatorAgreesWithPythonEval() throws Exception {
        PythonCheck.assumePython();
        List<String> sources = new ArrayList<>(PythonCheck.catalogue().values());
        Rng rng = new Rng(11);
        for (int i = 0; i < 400; i++) {
            sources.add(RandomLambdas.lambda(rng));
        }
        sources.addAll(List.of("lambda n: n+5", "(lambda x: x // 3)", "lambda n: 3*n+2", "lambda n: -n % 2",
                "lambda n: n * 7/4", "lambda n: n if n > -2 else -2", "lambda n: 1 < n <= 4", "lambda n: -2**2 + n",
                "lambda n: 2**-1 * n", "lambda n: n // 0", "lambda n: 07 + n", "lambda n: 1_000 + n", "lambda n: .5 + n",
                "lambda n: 5. * n", "lambda n: 1e2 + n", "lambda n: n ** 0.5", "lambda n: max(n)", "lambda n: y",
                "lambda n: n +", "lambda n: int(n / 3)", "lambda n: float(n) % -3", "lambda n: abs(n) // -4",
                "lambda n: (n >= 3) + 0", "lambda n: not n % 2", "lambda n: n % 2 == 0 or n", "lambda n: min(n, 2, -1)"));
        StringBuilder lines = new StringBuilder();
        int compared = 0;
        ObjectMapper json = new ObjectMapper();
        for (String s : sources) {
            ObjectNode line = json.createObjectNode().put("source", s);
            ObjectNode values = line.putObject("values");
            PyLambda f = null;
            try {
                f = PyLambda.parse(s);
            } catch (PyError e) {
                // every point reads "error", as Python's eval raises
            }
            for (long n : POINTS) {
                String v;
                try {
                    v = f == null ? "error" : f.apply(n).str();
                } catch (PyError e) {
                    v = e.beyondSubset() ? "skip" : "error"; // Python has a value we cannot represent
                }
                if (!v.equals("skip")) {
                    values.put(Long.toString(n), v);
                    compared++;
                }
            }
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Path file = dir.resolve("lambdas.jsonl");
        Files.writeString(file, lines);
        String out = PythonCheck.run(dir, List.of("--lambdas", file.toString()));
        assertEquals(compared, PythonCheck.checks(out));
        assertTrue(compared > sources.size() * POINTS.length * 8 / 10, compared + " of " + sources.size() * POINTS.length);
    }
}
