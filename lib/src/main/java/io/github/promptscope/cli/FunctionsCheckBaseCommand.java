package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.functions.BaseModelCheck;
import io.github.promptscope.functions.EvalRunner;
import io.github.promptscope.metrics.MeanSem;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.Hashes;
import io.github.promptscope.util.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check-base", mixinStandardHelpOptions = true,
        description = {"Does a model read Python-interpreter chats? Greedy exact match and the probability of the right "
                + "reply on held-out chats of the python-chats corpus (functions defined in the prompt), per question style."})
final class FunctionsCheckBaseCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "models/functions-base", paramLabel = "DIR",
            description = "Checkpoint folder (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--chats", defaultValue = "300", description = "Held-out chats (default ${DEFAULT-VALUE}).")
    int chats;

    @Option(names = "--corpus-seed", defaultValue = "0", description = "Seed the corpus was built with (default ${DEFAULT-VALUE}).")
    long corpusSeed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the summary here as JSON (atomically).")
    Path out;

    /** Whether the reply has the shape its question asks for: a value, a letter, a lambda. */
    private static boolean wellFormed(EvalRunner.ItemResult r) {
        String reply = r.replies().isEmpty() ? "" : r.replies().get(0);
        return switch (r.template()) {
            case "interpreter", "function_inversion" -> reply.matches("-?\\d+(\\.\\d+)?|True|False");
            case "freeform_definition" -> reply.startsWith("lambda n: ");
            default -> reply.matches("[A-E]");
        };
    }

    @Override
    public Integer call() throws Exception {
        if (chats < 1) {
            throw new IllegalArgumentException("--chats must be at least 1, got " + chats);
        }
        if (!Files.isRegularFile(model.resolve("model.safetensors"))) {
            throw new IllegalArgumentException("--model " + model + ": no model.safetensors there");
        }
        List<EvalRunner.ItemResult> results;
        try (LocalTextModel tm = LocalTextModel.load(model)) {
            results = BaseModelCheck.run(tm, chats, corpusSeed);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("model", RepoPaths.label(model));
        root.put("weights_sha256", Hashes.sha256OfFiles(List.of(model.resolve("model.safetensors"))));
        root.put("chats", chats);
        root.put("corpus_seed", corpusSeed);
        root.put("skipped", results.stream().filter(r -> r.skipped() != null).count());
        root.put("decoding", "greedy, at most 100 tokens, exact match; prob = P(reply + end of turn) by teacher forcing; "
                + "well_formed = the reply is a value (interpreter, inversion), a letter (choices) or starts with 'lambda n: '");
        Map<String, List<EvalRunner.ItemResult>> byKind = results.stream().filter(r -> r.skipped() == null)
                .collect(Collectors.groupingBy(EvalRunner.ItemResult::template, TreeMap::new, Collectors.toList()));
        ObjectNode kinds = root.putObject("by_kind");
        byKind.put("all", results.stream().filter(r -> r.skipped() == null).toList());
        System.out.printf("%-32s %5s %16s %8s %8s%n", "kind", "n", "exact match", "prob", "format");
        for (Map.Entry<String, List<EvalRunner.ItemResult>> e : byKind.entrySet()) {
            MeanSem c = MeanSem.of(e.getValue().stream().mapToDouble(EvalRunner.ItemResult::correct).toArray());
            MeanSem p = MeanSem.of(e.getValue().stream().mapToDouble(EvalRunner.ItemResult::prob).toArray());
            MeanSem f = MeanSem.of(e.getValue().stream().mapToDouble(r -> wellFormed(r) ? 1 : 0).toArray());
            kinds.putObject(e.getKey()).put("n", c.n()).put("correct_mean", c.mean()).put("correct_sem", c.sem())
                    .put("prob_mean", p.mean()).put("prob_sem", p.sem()).put("well_formed", f.mean());
            System.out.printf("%-32s %5d %8.3f ± %.3f %8.3f %8.3f%n", e.getKey(), c.n(), c.mean(), c.sem(), p.mean(), f.mean());
        }
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            AtomicFiles.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        }
        return 0;
    }
}
