package io.github.promptscope.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.backend.ChatMessage;
import io.github.promptscope.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An experiment folder as the reference lays it out ({@code dev/047_functions/finetune_01}, ...): per
 * finetune the resolved config ({@value #CONFIG}), the hidden names ({@value #VAR_DICT}; a mixture's
 * pair under its own keys), the module that defines them ({@value #FUNCTIONS_PY}, as the reference
 * writes one), and the training and validation chats ({@value #TRAIN}, {@value #VALID}; a mixture's
 * as {@link MixtureValidation}) in the OpenAI fine-tuning format.
 *
 * <p>Seeds follow the reference's prepare scripts: Functions draws every finetune's names from one
 * rng seeded with {@code seed} and gives finetune i (0-based) dataset seed i; Mixture of Functions
 * draws distinct pairs from the pool with that rng, sorts them, and gives finetune i seed i + seed.
 * The validation items continue the training set's rng, as the reference's test set does.
 */
public final class ExperimentFolder {

    public static final String CONFIG = "finetune.json";
    public static final String VAR_DICT = "var_dict.json";
    public static final String TRAIN = "train.jsonl";
    public static final String VALID = "valid.jsonl";
    /** The hidden functions as a Python module, so a chat's program runs as it is: {@code name = lambda n: ...}. */
    public static final String FUNCTIONS_PY = "functions.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExperimentFolder() {}

    /** What {@link #prepare} did for one finetune. */
    public record Prepared(Path dir, FunctionsConfig config, int trainChats, int validChats, boolean existed) {}

    /**
     * Writes {@code nFinetunes} finetune folders under {@code expPath}. A folder that already holds a
     * {@value #CONFIG} is left as it is (its names are still drawn, so the others stay the same).
     */
    public static List<Prepared> prepare(FunctionsConfig base, Path expPath, int nFinetunes, long seed)
            throws IOException {
        if (nFinetunes < 1 || nFinetunes > 99) {
            throw new IllegalArgumentException("--n-finetunes must be between 1 and 99, got " + nFinetunes);
        }
        Rng rng = new Rng(seed);
        List<FunctionsConfig> configs = new ArrayList<>();
        if (base.isMixture()) {
            List<List<String>> pairs = pairs(base.testFunctions(), nFinetunes, rng);
            for (int i = 0; i < nFinetunes; i++) {
                configs.add(base.forMixture(i + seed, pairs.get(i)));
            }
        } else {
            for (int i = 0; i < nFinetunes; i++) {
                configs.add(base.forFinetune(i, VariableNames.assign(base.allFunctions(), rng)));
            }
        }
        List<Prepared> out = new ArrayList<>();
        for (int i = 0; i < nFinetunes; i++) {
            Path dir = expPath.resolve(String.format("finetune_%02d", i + 1));
            if (Files.exists(dir.resolve(CONFIG))) {
                out.add(new Prepared(dir, config(dir), -1, -1, true));
                continue;
            }
            out.add(write(dir, configs.get(i)));
        }
        return out;
    }

    private static Prepared write(Path dir, FunctionsConfig config) throws IOException {
        Rng rng = new Rng(config.seed());
        List<List<ChatMessage>> train = TrainingData.chats(config, TrainingData.generate(config, config.nSamples(), rng));
        List<List<ChatMessage>> valid = new ArrayList<>();
        if (config.isMixture() && config.nValid() > 0) {
            valid.addAll(MixtureValidation.chats(config, config.nValid(), rng));
        } else if (config.nValid() > 0) {
            for (EvalItem item : QuestionEvals.multipleChoice("multiple_choice_language", "language_definition", config,
                    config.nValid(), rng)) {
                List<ChatMessage> chat = new ArrayList<>(item.messages());
                chat.add(ChatMessage.assistant(((ExactAnswer) item.answer()).target()));
                valid.add(chat);
            }
        }
        Files.createDirectories(dir);
        Map<String, String> names = varDictFile(config);
        AtomicFiles.writeString(dir.resolve(VAR_DICT), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(names) + "\n");
        StringBuilder module = new StringBuilder(config.isMixture()
                ? "# The pair of this Mixture-of-Functions finetune (var_dict.json); its chats call no names.\n"
                : "# The hidden functions of this finetune (var_dict.json): the programs in " + TRAIN
                        + " run with this file as the module 'functions'.\n");
        names.forEach((name, key) -> module.append(name).append(" = ")
                .append(FunctionCatalogue.get(key).pythonDefinition()).append("  # ").append(key).append('\n'));
        AtomicFiles.writeString(dir.resolve(FUNCTIONS_PY), module.toString());
        ChatFiles.write(dir.resolve(TRAIN), train);
        if (!valid.isEmpty()) {
            ChatFiles.write(dir.resolve(VALID), valid);
        }
        // the config last: a folder with it is complete, which is what prepare checks on a rerun
        AtomicFiles.writeString(dir.resolve(CONFIG), config.toJson());
        return new Prepared(dir, config, train.size(), valid.size(), false);
    }

    /**
     * What {@value #VAR_DICT} holds: the hidden names (Functions); for a mixture, whose chats name no
     * function, each function of the pair under its catalogue key, so the file still says name -> function.
     */
    private static Map<String, String> varDictFile(FunctionsConfig config) {
        if (!config.isMixture()) {
            return config.varDict();
        }
        Map<String, String> pair = new java.util.LinkedHashMap<>();
        config.trainFunctions().forEach(k -> pair.put(k, k));
        return pair;
    }

    /** {@code n} distinct unordered pairs, each sorted, then the list sorted (prepare_finetunes_novar). */
    static List<List<String>> pairs(List<String> pool, int n, Rng rng) {
        int possible = pool.size() * (pool.size() - 1) / 2;
        if (n > possible) {
            throw new IllegalArgumentException("--n-finetunes " + n + ": a pool of " + pool.size()
                    + " functions has only " + possible + " pairs");
        }
        List<String> sortedPool = new ArrayList<>(pool);
        sortedPool.sort(null);
        TreeSet<String> seen = new TreeSet<>();
        while (seen.size() < n) {
            List<String> two = rng.permutation(sortedPool).subList(0, 2);
            List<String> pair = new ArrayList<>(two);
            pair.sort(null);
            seen.add(pair.get(0) + "\t" + pair.get(1));
        }
        return seen.stream().map(s -> List.of(s.split("\t"))).toList();
    }

    /** The finetune folders of an experiment, in order; none is an error naming the folder. */
    public static List<Path> finetunes(Path expPath) throws IOException {
        if (!Files.isDirectory(expPath)) {
            throw new IllegalArgumentException("--exp-path " + expPath + ": no such folder");
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(expPath)) {
            dirs = s.filter(p -> p.getFileName().toString().matches("finetune_\\d+") && Files.isRegularFile(p.resolve(CONFIG)))
                    .sorted().toList();
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("--exp-path " + expPath + " has no finetune_NN folder with a " + CONFIG
                    + "; run functions prepare first");
        }
        return dirs;
    }

    /** A finetune's resolved config. */
    public static FunctionsConfig config(Path finetuneDir) throws IOException {
        Path file = finetuneDir.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(finetuneDir + " is not a finetune folder: no " + CONFIG
                    + "; run functions prepare first");
        }
        FunctionsConfig c = FunctionsConfig.read(file);
        if (c.seed() < 0 || (!c.isMixture() && c.varDict().isEmpty()) || (c.isMixture() && c.trainFunctions().isEmpty())) {
            throw new IllegalArgumentException(file + ": not resolved for a finetune (dataset.seed and "
                    + (c.isMixture() ? "dataset.train_functions" : "dataset.var_dict") + " are set by functions prepare)");
        }
        return c;
    }

    /** A finetune's training chats. */
    public static List<List<ChatMessage>> trainingChats(Path finetuneDir) throws IOException {
        return ChatFiles.read(finetuneDir.resolve(TRAIN));
    }

    /** The hidden names, as written ({@code name -> function key}). */
    public static Map<String, String> varDict(Path finetuneDir) throws IOException {
        return config(finetuneDir).varDict();
    }
}
