package io.github.promptscope.neurons;

import io.github.promptscope.backend.ScoredText;
import io.github.promptscope.backend.ScoredText.Alternative;
import io.github.promptscope.backend.ScoredText.ScoredToken;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's all-at-once simulator as OpenAI ran it (spec neurons.md 3.1): the simulation prompt is
 * sent as text to a completions endpoint with {@code echo}, {@code logprobs=15} and no new tokens,
 * and at each target line the value distribution is read from the top alternatives the endpoint
 * returns for the token where {@code unknown} stands: the entries that are exactly "0".."10",
 * exponentiated and renormalized. The prompt is the text {@link AllAtOnceSimulator} encodes (same
 * fitting and chunks, laid out with {@code layoutTokenizer} and the endpoint's context), so a served
 * PromptScope model gives the local simulation up to the top-15 truncation.
 *
 * <p>Where the endpoint spells 10 as "1" then "0" (no "10" among the alternatives but a "1"), p(10)
 * is p("1") times p("0" | ..."1"), which a second echo request (the prompt cut at the slot, then
 * "10") scores exactly, as the local simulator's second pass does; p(1) keeps the rest of p("1").
 * A slot where no returned token starts (the tab folded into a token) or where none of 0..10 is
 * among the alternatives gets expected value 0, as OpenAI's parser gives a folded line.
 */
public final class EndpointSimulator implements NeuronSimulator {

    /** The alternatives asked for at every token, as OpenAI's scorer asked ({@code logprobs=15}). */
    public static final int TOP_LOGPROBS = 15;

    private final TextModel endpoint;
    private final List<FewShotExample> examples;
    private final SimulationLayout layout;

    /**
     * @param layoutTokenizer counts the prompt's tokens to fit it into {@code positions} (the served
     *     model's tokenizer, or an estimate of the endpoint's)
     * @param positions the endpoint's context length ({@link Integer#MAX_VALUE}: send every prompt whole)
     */
    public EndpointSimulator(TextModel endpoint, List<FewShotExample> examples, TextTokenizer layoutTokenizer,
            int positions) {
        this.endpoint = endpoint;
        this.examples = List.copyOf(examples);
        this.layout = new SimulationLayout(layoutTokenizer, positions, examples);
    }

    @Override
    public List<Simulation> simulate(String explanation, List<List<String>> excerpts) {
        return NeuronSimulator.eachExcerpt(excerpts, tokens -> simulateOne(explanation, tokens));
    }

    private Simulation simulateOne(String explanation, List<String> tokens) {
        AllAtOnceSimulator.Layout l = layout.of(explanation, tokens);
        String prefix = SimulationPrompt.localPrefix(explanation, examples.subList(0, l.fewShotExamples()),
                l.systemMessage());
        double[][] probabilities = new double[tokens.size()][];
        int[] firsts = l.firstTokens();
        for (int c = 0; c < firsts.length; c++) {
            int end = c + 1 < firsts.length ? firsts[c + 1] : tokens.size();
            StringBuilder text = new StringBuilder(prefix);
            int[] slots = new int[end - firsts[c]];
            for (int t = firsts[c]; t < end; t++) {
                text.append(tokens.get(t)).append('\t');
                slots[t - firsts[c]] = text.length();
                text.append(RecordFormat.UNKNOWN);
                if (t < tokens.size() - 1) {
                    text.append('\n');
                }
            }
            List<double[]> chunk = distributions(text.toString(), slots);
            for (int s = 0; s < slots.length; s++) {
                probabilities[firsts[c] + s] = chunk.get(s);
            }
        }
        double[] ev = new double[tokens.size()];
        for (int t = 0; t < ev.length; t++) {
            ev[t] = Simulation.expectedValue(probabilities[t]);
        }
        return new Simulation(tokens, ev, probabilities);
    }

    /** p(value) for value 0..10 at each slot (a char offset of {@code text}), normalized over the 11 values. */
    private List<double[]> distributions(String text, int[] slots) {
        ScoredText scored = endpoint.score(text, TOP_LOGPROBS);
        Map<Integer, ScoredToken> byOffset = new HashMap<>();
        boolean anyAlternatives = false;
        for (ScoredToken t : scored.tokens()) {
            byOffset.putIfAbsent(t.offset(), t);
            anyAlternatives |= !t.top().isEmpty();
        }
        if (!anyAlternatives) {
            throw new IllegalStateException(endpoint.name() + " returned no top logprobs for the echoed prompt; the"
                    + " simulator reads the value distribution from logprobs=" + TOP_LOGPROBS + " with echo");
        }
        List<double[]> out = new ArrayList<>();
        for (int slot : slots) {
            ScoredToken at = byOffset.get(slot);
            out.add(at == null ? zero() : distribution(at.top(), text, slot));
        }
        return out;
    }

    private double[] distribution(List<Alternative> top, String text, int slot) {
        double[] p = new double[11];
        boolean ten = false;
        for (Alternative a : top) {
            int v = value(a.text());
            if (v >= 0 && p[v] == 0) {
                p[v] = Math.exp(a.logprob());
                ten |= v == 10;
            }
        }
        if (!ten && p[1] > 0) {
            double zeroAfterOne = zeroAfterOne(text, slot);
            p[10] = p[1] * zeroAfterOne;
            p[1] = p[1] * (1 - zeroAfterOne);
        }
        double total = 0;
        for (double x : p) {
            total += x;
        }
        if (total == 0) {
            return zero();
        }
        for (int v = 0; v <= 10; v++) {
            p[v] /= total;
        }
        return p;
    }

    /**
     * p("0" | the prompt up to the slot, then "1"): the second digit of a 10 the endpoint spells as
     * two tokens; 0 where it spells "10" as one token (which was then not among the top alternatives).
     */
    private double zeroAfterOne(String text, int slot) {
        List<ScoredToken> tokens = endpoint.score(text.substring(0, slot) + "10", 0).tokens();
        ScoredToken last = tokens.get(tokens.size() - 1);
        boolean split = last.text().equals("0") && last.offset() == slot + 1 && last.logprob() != null;
        return split ? Math.exp(last.logprob()) : 0;
    }

    /** The value 0..10 a token spells exactly, or -1. */
    private static int value(String token) {
        for (int v = 0; v <= 10; v++) {
            if (token.equals(Integer.toString(v))) {
                return v;
            }
        }
        return -1;
    }

    private static double[] zero() {
        double[] p = new double[11];
        p[0] = 1;
        return p;
    }
}
