package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.neurons.NeuronExplainer;
import io.github.promptscope.neurons.NeuronPuzzle;
import io.github.promptscope.neurons.NeuronPuzzles;
import io.github.promptscope.neurons.PuzzleLoop;
import io.github.promptscope.neurons.PuzzleReport;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "puzzles", mixinStandardHelpOptions = true,
        description = {"Explain every neuron puzzle (hand-written sentences with hand-set activations and a known answer;",
                "PromptScope's own set in data_utils/neuron_puzzles.json, or --puzzles FILE in OpenAI's puzzles.json",
                "layout) and compare the first explanation with the answer: exact match, keyword recall, and the",
                "cosine of the explainer model's embeddings. Prints a table, then the same as JSON."})
final class NeuronsPuzzlesCommand implements Callable<Integer> {

    @Option(names = "--prompt", defaultValue = "summary", paramLabel = "NAME",
            description = "original|summary|highlight|highlight-summary|avhs (default ${DEFAULT-VALUE}).")
    String prompt;

    @Option(names = "--puzzles", paramLabel = "FILE", description = "Puzzles in OpenAI's puzzles.json layout; default: the shipped set.")
    Path puzzles;

    @Mixin
    ExplainerOption explainer;

    @Mixin
    ExplainerSampling sampling;

    @Override
    public Integer call() throws Exception {
        ExplainerChoice choice = ExplainerChoice.parse(prompt);
        List<NeuronPuzzle> all = puzzles == null ? NeuronPuzzles.shipped() : NeuronPuzzles.read(puzzles);
        try (TextModel model = explainer.open()) {
            NeuronExplainer e = choice.style() == null ? choice.baseline() : explainer.lmExplainer(model, sampling.config(choice));
            PuzzleReport report = new PuzzleLoop(e, model).run(all);
            System.out.print(report.toTable());
            ObjectMapper mapper = new ObjectMapper();
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
                    report.toJson(mapper).put("prompt", choice.name()).put("explainer", model.name())));
        } catch (RuntimeException e) {
            throw explainer.explain(e);
        }
        return 0;
    }
}
