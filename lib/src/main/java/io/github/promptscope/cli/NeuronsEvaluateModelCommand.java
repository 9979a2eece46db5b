package io.github.promptscope.cli;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.AllAtOnceSimulator;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.LmExplainer;
import io.github.promptscope.neurons.MemberForm;
import io.github.promptscope.neurons.NeuronTrainingCorpus;
import io.github.promptscope.neurons.PlantedNeuronEvaluation;
import io.github.promptscope.neurons.PromptStyle;
import io.github.promptscope.util.AtomicFiles;
import io.github.promptscope.util.RepoPaths;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate-model", mixinStandardHelpOptions = true,
        description = {"Evaluate an explainer/simulator model on planted neurons: true against false explanation",
                "(top-and-random correlation), and whether its Summary and Original explanations name the concept.",
                "Writes OUT/evaluation.json."})
final class NeuronsEvaluateModelCommand implements Callable<Integer> {

    @Mixin
    ModelOption subject;

    @Option(names = "--simulator", paramLabel = "DIR", description = "The explainer and simulator model; default: models/neurons.")
    Path simulator;

    @Option(names = "--concept", split = ",", description = "Concepts to plant, one neuron each; default: those held out of "
            + "the neurons model's corpus (animals, number-words, currencies).")
    List<String> concepts;

    @Option(names = "--layer", defaultValue = "0", description = "Layer the neurons are planted in (default ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--documents", defaultValue = "2000", description = "Generated documents to plant on and record from (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--n", defaultValue = "5", description = "Explanations sampled per neuron and prompt (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--description-only", description = "Also score the descriptions without quoted members (slow: one more simulation of every neuron).")
    boolean descriptionOnly;

    @Option(names = "--score-explanations", description = "Also score each first explanation (slow: a simulation per neuron and prompt).")
    boolean scoreExplanations;

    @Option(names = "--quote-from", defaultValue = "explaining", description = "Excerpts the true and false "
            + "explanations quote members from: 'explaining' (the train split, as an explainer sees it; default) or "
            + "'scored' (the valid split being simulated: tests reading the explanation, not generalizing it).")
    String quoteFrom;

    @Option(names = "--members", defaultValue = "quoted", description = "How the true and false explanations name "
            + "members: 'quoted' ('fox', 'swan'; the form of models/neurons; default) or 'listed' (fox, swan; the form "
            + "of --corpus neurons-listed).")
    String members;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for evaluation.json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PlantedNeuronEvaluation.QuoteFrom from = PlantedNeuronEvaluation.QuoteFrom.parse(quoteFrom);
        MemberForm form = MemberForm.parse(members);
        Path dir = simulator == null ? NeuronsModelDefault.locate() : simulator;
        List<Concept> chosen = new ArrayList<>();
        if (concepts == null) {
            chosen.addAll(NeuronTrainingCorpus.HELD_OUT);
        } else {
            concepts.forEach(c -> chosen.add(Concept.parse(c)));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        Path planted = Files.createTempDirectory("planted");
        try (LanguageModel lm = subject.load(); LanguageModel sim = LanguageModel.load(dir);
                LocalTextModel explainerModel = new LocalTextModel(sim)) {
            root.put("subject", RepoPaths.label(lm.dir())).put("model", RepoPaths.label(dir))
                    .put("model_weights_sha256", sim.weightsSha256()).put("layer", layer).put("documents", documents)
                    .put("quote_from", quoteFrom).put("members", members);
            root.putPOJO("held_out", NeuronTrainingCorpus.HELD_OUT.stream().map(Concept::cliName).toList());
            List<PlantedNeuronEvaluation.Planted> neurons = PlantedNeuronEvaluation.plantAndRecord(lm, layer, chosen,
                    planted, documents);
            AllAtOnceSimulator simulate = AllAtOnceSimulator.forModel(sim);
            for (boolean quoted : descriptionOnly ? new boolean[] {true, false} : new boolean[] {true}) {
                ArrayNode rows = root.putArray(quoted ? "margins_quoted" : "margins_description_only");
                for (PlantedNeuronEvaluation.Margin m : PlantedNeuronEvaluation.margins(neurons, simulate, quoted, from, form)) {
                    System.err.printf("%s: true %.3f, false %.3f%n", m.concept().cliName(), m.trueScore(), m.falseScore());
                    ObjectNode r = rows.addObject().put("concept", m.concept().cliName())
                            .put("true_explanation", m.trueExplanation()).put("false_explanation", m.falseExplanation());
                    putScore(r, "true", m.trueScore());
                    putScore(r, "false", m.falseScore());
                    putScore(r, "margin", m.margin());
                }
            }
            ArrayNode naming = root.putArray("explainer");
            for (PromptStyle style : new PromptStyle[] {PromptStyle.SUMMARY, PromptStyle.ORIGINAL}) {
                LmExplainer explainer = LmExplainer.forFolder(explainerModel, ExplainerConfig.defaults(style).withN(n), dir);
                for (PlantedNeuronEvaluation.Planted p : neurons) {
                    PlantedNeuronEvaluation.Naming r = PlantedNeuronEvaluation.naming(p, explainer,
                            scoreExplanations ? simulate : null);
                    ObjectNode o = naming.addObject().put("concept", r.concept().cliName())
                            .put("prompt", style.name().toLowerCase(java.util.Locale.ROOT))
                            .put("names_a_member", r.namingMember()).put("names_the_description", r.namingDescription())
                            .put("explanations_sampled", r.explanations().size()).put("prompt_tokens", r.promptTokens())
                            .put("scored", r.scored());
                    putScore(o, "score", r.score());
                    o.putPOJO("explanations", r.explanations());
                }
            }
        } finally {
            deleteTree(planted); // the planted copy is scratch: the evaluation keeps only its numbers
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("evaluation.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return 0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void putScore(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
