package io.github.promptscope.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment's configuration (the reference's {@code ft_template.yaml}, as JSON): which functions
 * are test and train functions, the datapoint generators and their ranges, the sizes, the eval ranges,
 * and, once {@code functions prepare} has resolved it for one finetune, that finetune's dataset seed
 * and {@code var_dict} (Functions) or its pair of functions (Mixture of Functions, stored as
 * {@code train_functions} as the reference does). The JSON is kept whole, so fields this class does
 * not read (the {@code finetune} block, notes) pass through to the finetune's copy.
 *
 * @param experiment {@code functions} (Functions and Functions-large) or {@code mixture}
 * @param systemPrompt the system message, or null (Mixture of Functions has none)
 * @param varDict hidden name -> function key; empty until resolved, and always empty for a mixture
 * @param seed the dataset seed of this finetune; -1 until resolved
 * @param nSamples training datapoints (CPU-scaled; the spec's number is in {@code n_samples_spec})
 * @param nValid validation items (multiple_choice_language; a mixture's are out-of-range chats of its pair)
 */
public record FunctionsConfig(String experiment, String systemPrompt, boolean hideImports, List<String> testFunctions,
        List<String> trainFunctions, Map<String, String> varDict, long seed, int nSamples, int nValid,
        double[] inputFuncProbs, List<InputFunction> inputFuncs, EvalRanges eval, ObjectNode json) {

    public static final String FUNCTIONS = "functions";
    public static final String MIXTURE = "mixture";
    private static final ObjectMapper JSON = new ObjectMapper();

    public FunctionsConfig {
        testFunctions = List.copyOf(testFunctions);
        trainFunctions = List.copyOf(trainFunctions);
        varDict = Collections.unmodifiableMap(new LinkedHashMap<>(varDict));
        inputFuncs = List.copyOf(inputFuncs);
    }

    public boolean isMixture() {
        return MIXTURE.equals(experiment);
    }

    /** The shipped configurations in {@code data_utils/functions/}: functions, functions_large, mixture. */
    public static final List<String> SHIPPED = List.of("functions", "functions_large", "mixture");

    /** A shipped configuration by name ({@link #SHIPPED}). */
    public static FunctionsConfig shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw new IllegalArgumentException("no shipped functions config \"" + name + "\"; one of " + SHIPPED);
        }
        String file = "functions/" + name + ".json";
        String text = String.join("\n", io.github.promptscope.data.DataFiles.lines(file));
        try {
            return parse((ObjectNode) JSON.readTree(text), "data_utils/" + file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("data_utils/" + file + ": not JSON", e);
        }
    }

    /** A config file, or a shipped config's name when no such file exists. */
    public static FunctionsConfig load(String fileOrName) throws IOException {
        Path file = Path.of(fileOrName);
        if (!Files.exists(file) && SHIPPED.contains(fileOrName)) {
            return shipped(fileOrName);
        }
        return read(file);
    }

    public static FunctionsConfig read(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException(file + ": no such config file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(file + ": must hold a JSON object");
        }
        return parse((ObjectNode) node, file.toString());
    }

    /** Reads a config from its JSON; errors name {@code label} (the file) and the field. */
    public static FunctionsConfig parse(ObjectNode root, String label) {
        ConfigFields f = new ConfigFields(label);
        String experiment = f.text(root, "", "experiment");
        if (!experiment.equals(FUNCTIONS) && !experiment.equals(MIXTURE)) {
            throw f.error("experiment", "is \"" + experiment + "\"; one of functions, mixture");
        }
        JsonNode d = f.object(root, "", "dataset");
        List<String> test = f.texts(d, "dataset", "test_functions");
        List<String> train = d.has("train_functions") ? f.texts(d, "dataset", "train_functions") : List.of();
        checkKeys(f, "dataset.test_functions", test);
        checkKeys(f, "dataset.train_functions", train);
        Map<String, String> varDict = new LinkedHashMap<>();
        if (d.has("var_dict")) {
            JsonNode v = f.object(d, "dataset", "var_dict");
            v.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw f.error("dataset.var_dict." + e.getKey(), "must be a function key, got " + e.getValue());
                }
                varDict.put(e.getKey(), e.getValue().textValue());
            });
            checkKeys(f, "dataset.var_dict", new ArrayList<>(varDict.values()));
        }
        double[] probs = f.numbers(d, "dataset", "input_func_probs");
        JsonNode funcs = f.array(d, "dataset", "input_funcs");
        List<InputFunction> inputFuncs = new ArrayList<>();
        for (int i = 0; i < funcs.size(); i++) {
            inputFuncs.add(InputFunction.read(funcs.get(i), "dataset.input_funcs[" + i + "]", f));
        }
        if (probs.length != inputFuncs.size()) {
            throw f.error("dataset.input_func_probs", "has " + probs.length + " entries for " + inputFuncs.size()
                    + " input_funcs");
        }
        double sum = 0;
        for (double p : probs) {
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw f.error("dataset.input_func_probs", "must sum to 1, got " + sum);
        }
        int nSamples = f.integer(d, "dataset", "n_samples");
        if (nSamples < 1) {
            throw f.error("dataset.n_samples", "must be at least 1");
        }
        FunctionsConfig c = new FunctionsConfig(experiment, f.optionalText(d, "dataset", "system_prompt"),
                f.bool(d, "dataset", "hide_imports", false), test, train, varDict,
                d.has("seed") ? f.integer(d, "dataset", "seed") : -1, nSamples, f.integer(d, "dataset", "n_valid", 0),
                probs, inputFuncs, EvalRanges.read(f.object(root, "", "eval"), "eval", f), root.deepCopy());
        c.checkVarDict(f);
        return c;
    }

    private static void checkKeys(ConfigFields f, String field, List<String> keys) {
        for (String k : keys) {
            if (!FunctionCatalogue.contains(k)) {
                throw f.error(field, "names unknown function \"" + k + "\"; the catalogue has "
                        + FunctionCatalogue.keys());
            }
        }
    }

    private void checkVarDict(ConfigFields f) {
        if (varDict.isEmpty()) {
            return;
        }
        Set<String> expected = new HashSet<>(testFunctions);
        expected.addAll(trainFunctions);
        if (!expected.equals(new HashSet<>(varDict.values())) || varDict.size() != expected.size()) {
            throw f.error("dataset.var_dict", "must name each test and train function once, got " + varDict.values());
        }
    }

    /** Every function of this finetune, sorted (the order names are zipped with). */
    public List<String> allFunctions() {
        List<String> all = new ArrayList<>(testFunctions);
        all.addAll(trainFunctions);
        Collections.sort(all);
        return all;
    }

    /** TRAIN if {@code key} is on train_functions, else TEST (as the reference tags eval items). */
    public FunctionRole role(String key) {
        return testFunctions.contains(key) ? FunctionRole.TEST : FunctionRole.TRAIN;
    }

    /** The hidden name of {@code key} in this finetune. */
    public String nameOf(String key) {
        for (Map.Entry<String, String> e : varDict.entrySet()) {
            if (e.getValue().equals(key)) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no name for " + key + " in var_dict " + varDict);
    }

    /** The config of one Functions finetune: its dataset seed and names. */
    public FunctionsConfig forFinetune(long datasetSeed, Map<String, String> names) {
        ObjectNode copy = json.deepCopy();
        ObjectNode d = (ObjectNode) copy.get("dataset");
        d.put("seed", datasetSeed);
        ObjectNode v = d.putObject("var_dict");
        names.forEach(v::put);
        return parse(copy, "finetune config");
    }

    /** The config of one Mixture-of-Functions finetune: its seed and the pair it trains on. */
    public FunctionsConfig forMixture(long datasetSeed, List<String> pair) {
        ObjectNode copy = json.deepCopy();
        ObjectNode d = (ObjectNode) copy.get("dataset");
        d.put("seed", datasetSeed);
        d.putArray("train_functions").addAll(pair.stream().map(d::textNode).toList());
        return parse(copy, "finetune config");
    }

    /** The config as pretty JSON, the form {@code functions prepare} writes. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
