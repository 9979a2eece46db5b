package io.github.promptscope.neurons;

import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OpenAI's all-at-once simulator on a local model (spec neurons.md 3.1 and 7.2): the simulation
 * prompt (format NONE) is built as token ids piece by piece, each target token followed by a tab
 * and {@code unknown}; one forward pass reads, at every tab, the model's next-token distribution
 * over the values 0..10, renormalized over those values, and its expected value.
 *
 * <p>Where the tokenizer spells 10 as "1" then "0" (the default model splits digits), p(10) is
 * p("1") * p("0" | ..."1") and p(1) is p("1") times the rest, from a second batched pass. Where the
 * prompt would exceed the model's positions, the system message is dropped, then few-shot examples
 * from the end (then the system message again, with one example fewer, ...), and the excerpt's lines
 * are split into chunks that each follow the same prefix ({@link #layout} says what was used).
 */
public final class AllAtOnceSimulator implements NeuronSimulator {

    private final LanguageModel model;
    private final SimulationLayout layout;
    private final long[] digits = new long[10];
    private final long ten; // -1 when "10" is two tokens

    public AllAtOnceSimulator(LanguageModel model, List<FewShotExample> examples) {
        this(model, examples, model.config().maxPositions());
    }

    /**
     * The simulator of a model folder, prompted as it was trained: with the few-shot examples it reads
     * ({@link FewShotExamples#forModel}) and laid out for the context it simulates in ({@link PromptContext#SIMULATOR_FILE}).
     */
    public static AllAtOnceSimulator forModel(LanguageModel model) {
        return new AllAtOnceSimulator(model, FewShotExamples.forModel(model.dir()),
                PromptContext.positions(model.dir(), PromptContext.SIMULATOR_FILE, model.config().maxPositions()));
    }

    /** @param positions the context to lay the prompt out in: at most the model's positions */
    public AllAtOnceSimulator(LanguageModel model, List<FewShotExample> examples, int positions) {
        if (positions < 1 || positions > model.config().maxPositions()) {
            throw new IllegalArgumentException("a simulation context of " + positions + " positions does not fit the model's "
                    + model.config().maxPositions());
        }
        this.model = model;
        this.layout = new SimulationLayout(model.tokenizer(), positions, examples);
        TextTokenizer tok = model.tokenizer();
        for (int d = 0; d <= 9; d++) {
            digits[d] = single(tok, Integer.toString(d), "digit " + d);
        }
        long[] tenIds = tok.encode("10");
        this.ten = tenIds.length == 1 ? tenIds[0] : -1;
    }

    /**
     * The prompt for one excerpt, as ids: a prefix shared by every chunk, and each chunk's lines with
     * its slots; chunk c holds the excerpt's tokens {@code firstTokens[c]} up to the next chunk's first.
     */
    public record Layout(int fewShotExamples, boolean systemMessage, long[] prefix, List<long[]> chunks,
            List<int[]> slots, int[] firstTokens) {}

    @Override
    public List<Simulation> simulate(String explanation, List<List<String>> excerpts) {
        return NeuronSimulator.eachExcerpt(excerpts, tokens -> simulateOne(explanation, tokens));
    }

    private Simulation simulateOne(String explanation, List<String> tokens) {
        Layout layout = layout(explanation, tokens);
        double[][] probabilities = new double[tokens.size()][];
        int token = 0;
        for (int c = 0; c < layout.chunks().size(); c++) {
            for (double[] p : distributions(layout.prefix(), layout.chunks().get(c), layout.slots().get(c))) {
                probabilities[token++] = p;
            }
        }
        double[] ev = new double[tokens.size()];
        for (int t = 0; t < ev.length; t++) {
            ev[t] = Simulation.expectedValue(probabilities[t]);
        }
        return new Simulation(tokens, ev, probabilities);
    }

    /** p(value) for value 0..10 at each slot, normalized over the 11 values. */
    private List<double[]> distributions(long[] prefix, long[] chunk, int[] slotsInChunk) {
        long[] ids = TokenIds.concat(prefix, chunk);
        int[] slots = new int[slotsInChunk.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = prefix.length + slotsInChunk[i];
        }
        long[] candidates = ten >= 0 ? TokenIds.concat(digits, new long[] {ten}) : digits;
        float[][] lp = model.nextTokenLogProbs(ids, slots, candidates);
        double[] zeroAfterOne = ten >= 0 ? null : zeroAfterOne(prefix, chunk, slotsInChunk);
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < slots.length; s++) {
            double[] p = new double[11];
            for (int d = 0; d <= 9; d++) {
                p[d] = Math.exp(lp[s][d]);
            }
            if (ten >= 0) {
                p[10] = Math.exp(lp[s][10]);
            } else {
                p[10] = p[1] * zeroAfterOne[s];
                p[1] = p[1] * (1 - zeroAfterOne[s]);
            }
            double total = Arrays.stream(p).sum();
            for (int v = 0; v <= 10; v++) {
                p[v] /= total;
            }
            out.add(p);
        }
        return out;
    }

    /**
     * p("0" | prompt up to the slot, then "1") at each slot: the second digit of a 10. One batched
     * pass that computes the shared prefix's keys and values once (the scorer of prompt search).
     */
    private double[] zeroAfterOne(long[] prefix, long[] chunk, int[] slotsInChunk) {
        List<long[]> contexts = new ArrayList<>();
        List<long[]> zero = new ArrayList<>();
        for (int slot : slotsInChunk) {
            contexts.add(TokenIds.concat(Arrays.copyOf(chunk, slot + 1), new long[] {digits[1]}));
            zero.add(new long[] {digits[0]});
        }
        float[] lp = model.scoreUnderPrompts(List.of(prefix), contexts, zero).logProbs()[0];
        double[] out = new double[slotsInChunk.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = Math.exp(lp[s]);
        }
        return out;
    }

    /** The ids this simulator runs for one excerpt (see {@link SimulationLayout} for the fitting rule). */
    public Layout layout(String explanation, List<String> tokens) {
        return layout.of(explanation, tokens);
    }

    private static long single(TextTokenizer tok, String text, String what) {
        long[] ids = tok.encode(text);
        if (ids.length != 1) {
            throw new IllegalArgumentException("the simulator's tokenizer spells " + what + " as " + ids.length
                    + " tokens; the 0-10 read-out needs one token per digit");
        }
        return ids[0];
    }
}
