package io.github.promptscope.neurons;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One explainer call for one neuron: the explanations as parsed, the completions as the model wrote
 * them, the prompt sent and what it shows, and the tokens it cost as the model counted them (Lee et
 * al.'s tokens per neuron are prompt plus completion of one call).
 *
 * @param completionTokens new tokens over all sampled explanations
 * @param wholePromptTokens the unfitted prompt's tokens (the reference's 4K prompt, what Lee et al.'s
 *     tokens per neuron count) when the model can count it, else -1; equals promptTokens when nothing was cut
 */
public record ExplainerRun(PromptStyle style, String model, List<String> explanations, List<String> completions,
        ExplanationFit.Fitted prompt, int promptTokens, int completionTokens, int wholePromptTokens) {

    public ExplainerRun {
        explanations = List.copyOf(explanations);
        completions = List.copyOf(completions);
    }

    /** Prompt and completion tokens: Lee et al.'s {@code usage.total_tokens}. */
    public int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** What {@code neurons explain} prints for this run, under {@code id}. */
    public ObjectNode toJson(ObjectMapper mapper, NeuronId id) {
        ObjectNode o = mapper.createObjectNode();
        if (id != null) {
            o.put("layer", id.layer());
            o.put("neuron", id.neuron());
        }
        o.put("prompt", PromptStyles.cliName(style));
        o.put("explainer", model);
        explanations.forEach(o.putArray("explanations")::add);
        completions.forEach(o.putArray("completions")::add);
        o.put("prompt_tokens", promptTokens);
        o.put("completion_tokens", completionTokens);
        o.put("total_tokens", totalTokens());
        if (wholePromptTokens >= 0) {
            o.put("whole_prompt_tokens", wholePromptTokens);
        }
        ExplanationFit.Shape s = prompt.shape();
        ObjectNode shown = o.putObject("shown");
        shown.put("excerpts", s.excerpts());
        shown.put("window_tokens", s.windowTokens());
        shown.put("few_shot_examples", s.fewShotExamples());
        shown.put("few_shot_excerpts_omitted", s.fewShotExcerptsOmitted());
        shown.put("system_message", s.systemMessage());
        return o;
    }
}
