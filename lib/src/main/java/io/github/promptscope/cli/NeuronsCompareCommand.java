package io.github.promptscope.cli;

import io.github.promptscope.backend.LocalTextModel;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.experiments.ComparisonSimulator;
import io.github.promptscope.experiments.NeuronComparison;
import io.github.promptscope.experiments.NeuronComparisonTables;
import io.github.promptscope.lm.DefaultModel;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.neurons.CalibrationMethod;
import io.github.promptscope.neurons.Concept;
import io.github.promptscope.plots.Tables;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.util.RepoPaths;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Lee et al.'s comparison of explainer prompts on neurons with known answers: plants one neuron per",
                "concept into a copy of the model, adds a few real neurons, explains each with every prompt (--n samples),",
                "scores the explanations with the LM simulator and the lexical one, and writes one record per (neuron,",
                "prompt) to --out (resumable: records already written are skipped). Prints prompt x score x embedding",
                "similarity x tokens per neuron beside Lee et al.'s numbers."})
final class NeuronsCompareCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the records go, e.g. results/neurons.")
    Path out;

    @Mixin
    ModelOption model;

    @Mixin
    ExplainerOption explainer;

    @Mixin
    SimulatorOption simulator;

    @Option(names = "--concepts", split = ",", defaultValue = "numbers,colours,countries",
            description = "Concepts to plant, one neuron each: numbers, colours, countries, plurals, punctuation (default ${DEFAULT-VALUE}).")
    List<String> concepts;

    @Option(names = "--prompts", split = ",", defaultValue = "original,summary,highlight,highlight-summary,avhs,token-lookup",
            description = "Prompts compared (default: all, ${DEFAULT-VALUE}).")
    List<String> prompts;

    @Option(names = "--n", defaultValue = "5", description = "Explanations sampled per neuron and prompt, 1..20 (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plant-layer", defaultValue = "0", description = "Layer the concept neurons are planted into (default ${DEFAULT-VALUE}).")
    int plantLayer;

    @Option(names = "--real-layer", defaultValue = "1", description = "Layer of the real neurons (default ${DEFAULT-VALUE}).")
    int realLayer;

    @Option(names = "--real-neurons", defaultValue = "0-1",
            description = "Real neurons of --real-layer compared too: 0-1, 5 or 1,3; none for no real neurons (default ${DEFAULT-VALUE}).")
    String realNeurons;

    @Option(names = "--documents", defaultValue = "2000",
            description = "Documents of the generated corpus to plant on and take excerpts from (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--calibration", defaultValue = "linear",
            description = "Calibration before r-squared: none, linear, percentile-matching (default ${DEFAULT-VALUE}).")
    String calibration;

    @Override
    public Integer call() throws Exception {
        System.setProperty("promptscope.progress", "off");
        List<Concept> parsed = concepts.stream().map(NeuronsCompareCommand::concept).toList();
        CalibrationMethod method = CalibrationMethod.parse(calibration, "--calibration");
        int[] real = realNeurons.strip().equalsIgnoreCase("none") ? new int[0]
                : IndexList.parse("--real-neurons", realNeurons, "neuron index", "0-1");
        try (LanguageModel subject = model.load(); SimulatorOption.Opened sim = simulator.open(DefaultModel::locate);
                TextModel writer = explainer.open()) {
            String label = writer instanceof LocalTextModel local ? RepoPaths.label(local.model().dir()) : writer.name();
            String sha = writer instanceof LocalTextModel local ? local.model().weightsSha256() : "";
            NeuronComparison comparison = NeuronComparison.of(subject).concepts(parsed).plantLayer(plantLayer)
                    .realNeurons(realLayer, real).prompts(prompts).n(n).seed(seed).documents(documents).calibration(method)
                    .explainer(writer, label, sha)
                    .simulators(List.of(sim.simulator(), ComparisonSimulator.lexical()));
            SweepReport report;
            try {
                report = comparison.run(RecordStore.at(out));
            } catch (RuntimeException e) {
                throw simulator.explain(explainer.explain(e));
            }
            System.out.printf("%d records written, %d skipped (already recorded), %d failed%n", report.ran().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " "
                    + f.config().method() + ": " + f.error().message()));
            for (Table t : NeuronComparisonTables.all(out)) {
                System.out.println(Tables.toText(t));
            }
            System.out.println(Tables.toText(NeuronComparisonTables.lee()));
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    /** Concept.parse names the plant command's singular --concept; this command's flag is --concepts. */
    private static Concept concept(String name) {
        try {
            return Concept.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^--concept ", "--concepts "), e);
        }
    }
}
