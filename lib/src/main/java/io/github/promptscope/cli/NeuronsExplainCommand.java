package io.github.promptscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.neurons.ExplainerConfig;
import io.github.promptscope.neurons.HighlightCutoff;
import io.github.promptscope.neurons.NeuronRecord;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a neuron from its 5 training excerpts (top[0], top[4], ... of its record) with one of the",
                "prompts of Bills et al. (original) and Lee et al. (summary, highlight, highlight-summary, avhs), on a",
                "local model or an OpenAI-compatible endpoint, and print JSON: the explanations, the completions, the",
                "tokens of the call and what the prompt shows (prompts are fitted to the explainer's context)."})
final class NeuronsExplainCommand implements Callable<Integer> {

    @Mixin
    NeuronRecordOption neuron;

    @Option(names = "--prompt", defaultValue = "summary", paramLabel = "NAME",
            description = "original|summary|highlight|highlight-summary|avhs|token-lookup (default ${DEFAULT-VALUE}).")
    String prompt;

    @Mixin
    ExplainerOption explainer;

    @Mixin
    ExplainerSampling sampling;

    @Override
    public Integer call() throws Exception {
        ExplainerChoice choice = ExplainerChoice.parse(prompt);
        ExplainerConfig config = sampling.config(choice);
        NeuronRecord record = neuron.read();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out;
        if (choice.style() == null) {
            List<String> explanations = choice.baseline().explain(record);
            out = mapper.createObjectNode().put("layer", record.id().layer()).put("neuron", record.id().neuron())
                    .put("prompt", choice.name());
            explanations.forEach(out.putArray("explanations")::add);
        } else {
            try (TextModel model = explainer.open()) {
                out = explainer.lmExplainer(model, config).run(record).toJson(mapper, record.id());
                out.put("cutoff", HighlightCutoff.of(record));
            } catch (RuntimeException e) {
                throw explainer.explain(e);
            }
        }
        System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return 0;
    }
}
