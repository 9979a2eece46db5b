package io.github.promptscope.cli;

import io.github.promptscope.functions.ExperimentFolder;
import io.github.promptscope.functions.FunctionsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Write an experiment folder: per finetune EXP/finetune_NN/ with finetune.json (the config with",
                "its dataset seed and names or pair), var_dict.json, train.jsonl and valid.jsonl (chats in the OpenAI",
                "fine-tuning format). Existing finetune folders are kept."})
final class FunctionsPrepareCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Experiment config (JSON), or a shipped one by name: functions, functions_large, mixture "
                    + "(data_utils/functions/).")
    String config;

    @Option(names = "--exp-path", required = true, paramLabel = "DIR", description = "The experiment folder to write.")
    Path expPath;

    @Option(names = "--n-finetunes", defaultValue = "1", paramLabel = "N",
            description = "Finetunes (name assignments; pairs for a mixture), default ${DEFAULT-VALUE}.")
    int nFinetunes;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED",
            description = "Seed of the names / pairs (the reference's --seed), default ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        FunctionsConfig base = FunctionsConfig.load(config);
        List<ExperimentFolder.Prepared> done = ExperimentFolder.prepare(base, expPath, nFinetunes, seed);
        for (ExperimentFolder.Prepared p : done) {
            FunctionsConfig c = p.config();
            String what = c.isMixture() ? "pair " + c.trainFunctions() : c.varDict().size() + " names";
            if (p.existed()) {
                System.out.println(p.dir() + ": exists, kept (" + what + ")");
            } else {
                System.out.printf("%s: %d training chats, %d validation chats, dataset seed %d, %s%n", p.dir(),
                        p.trainChats(), p.validChats(), c.seed(), what);
            }
        }
        return 0;
    }
}
