package io.github.promptscope.neurons;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of the all-at-once simulation prompt for a model of a given context: the prefix
 * (system message, few-shot examples, the explanation, {@code "\nActivations: \n<start>\n"}) encoded
 * whole, then one line per excerpt token encoded piece by piece: the token, a tab, the value
 * ({@code unknown} when the simulator asks) and a newline. {@link AllAtOnceSimulator} runs it; the
 * neurons model's simulation documents ({@link SimulationDocuments}) are written with it, values
 * revealed, so what the model was trained on is byte for byte what it is asked.
 *
 * <p>Where the prompt would exceed the positions, the system message is dropped, then few-shot
 * examples from the end (then the system message again, with one example fewer, ...) until a chunk
 * of {@link #MIN_LINES_PER_CHUNK} lines fits, and the lines are split into chunks that each follow
 * the same prefix.
 */
final class SimulationLayout {

    /** The fewest target lines a chunk must hold before few-shot examples are dropped to make room. */
    static final int MIN_LINES_PER_CHUNK = 16;

    private final TextTokenizer tokenizer;
    private final int positions;
    private final List<FewShotExample> examples;
    private final long[] tab;
    private final long[] unknown;
    private final long[] newline;

    SimulationLayout(TextTokenizer tokenizer, int positions, List<FewShotExample> examples) {
        this.tokenizer = tokenizer;
        this.positions = positions;
        this.examples = List.copyOf(examples);
        this.tab = tokenizer.encode("\t");
        this.unknown = tokenizer.encode(RecordFormat.UNKNOWN);
        this.newline = tokenizer.encode("\n");
    }

    /** A line's ids up to and including its tab: the simulator reads the value distribution at the tab. */
    long[] lineHead(String token) {
        return TokenIds.concat(tokenizer.encode(token), tab);
    }

    /** What follows a line's tab: the value ({@code unknown} for null), and a newline unless it is the last. */
    long[] lineTail(Integer value, boolean last) {
        long[] v = value == null ? unknown : tokenizer.encode(Integer.toString(value));
        return last ? v : TokenIds.concat(v, newline);
    }

    AllAtOnceSimulator.Layout of(String explanation, List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("cannot simulate an empty excerpt");
        }
        List<long[]> lines = new ArrayList<>();
        List<Integer> slotInLine = new ArrayList<>();
        int longest = 0;
        for (int t = 0; t < tokens.size(); t++) {
            long[] head = lineHead(tokens.get(t));
            slotInLine.add(head.length - 1);
            long[] line = TokenIds.concat(head, lineTail(null, t == tokens.size() - 1));
            lines.add(line);
            longest = Math.max(longest, line.length);
        }
        int room = Math.min(MIN_LINES_PER_CHUNK, tokens.size()) * longest;
        int k = examples.size();
        boolean system = true;
        long[] prefix = prefix(explanation, k, system);
        while (prefix.length + room > positions && (k > 0 || system)) {
            if (system) {
                system = false;
            } else {
                k--;
                system = true;
            }
            prefix = prefix(explanation, k, system);
        }
        if (prefix.length + longest > positions) {
            throw new IllegalArgumentException("the simulation prompt needs " + (prefix.length + longest)
                    + " positions even without few-shot examples; the model has " + positions);
        }
        List<long[]> chunks = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        int t = 0;
        while (t < lines.size()) {
            firsts.add(t);
            List<Integer> chunkSlots = new ArrayList<>();
            long[] chunk = new long[0];
            while (t < lines.size() && prefix.length + chunk.length + lines.get(t).length <= positions) {
                chunkSlots.add(chunk.length + slotInLine.get(t));
                chunk = TokenIds.concat(chunk, lines.get(t));
                t++;
            }
            chunks.add(chunk);
            slots.add(chunkSlots.stream().mapToInt(Integer::intValue).toArray());
        }
        return new AllAtOnceSimulator.Layout(k, system, prefix, chunks, slots,
                firsts.stream().mapToInt(Integer::intValue).toArray());
    }

    private long[] prefix(String explanation, int fewShot, boolean system) {
        return tokenizer.encode(SimulationPrompt.localPrefix(explanation, examples.subList(0, fewShot), system));
    }
}
