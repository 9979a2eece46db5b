package io.github.promptscope.neurons;

import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;

import java.util.Arrays;
import java.util.List;

/**
 * Simulation documents laid out exactly as {@link AllAtOnceSimulator} asks
 * ({@link SimulationReveal#QUOTED_TOKENS_UNKNOWN}): the input ids are the simulator's prompt for one
 * chunk, every value {@code unknown}, and the position that predicts a trained line's value (its tab,
 * where the simulator reads the distribution over 0..10) is trained to produce the value's first token
 * in place of {@code unknown}'s. Documents with values revealed in the context let a model copy the
 * values of earlier lines, which the simulator never shows: a model trained on them had margins near 0
 * at inference (issue #13).
 *
 * <p>Where the tokenizer spells 10 as "1" then "0", only the "1" is trained here: the simulator reads
 * p(10) as p("1") times p("0" | "1") from a second pass whose context ends in "1", which this layout
 * cannot hold without leaving the simulator's first-pass prompt. The "0" after a "1" stays what the
 * starting model learned from revealed-value documents.
 */
final class AskedLayoutDocuments {

    private final TextTokenizer tokenizer;
    /** The ids of {@code unknown} as the layout writes them after a tab. */
    private final long[] unknown;

    /** @param layout the layout the documents' prompts are built with */
    AskedLayoutDocuments(TextTokenizer tokenizer, SimulationLayout layout) {
        this.tokenizer = tokenizer;
        this.unknown = layout.lineTail(null, true);
    }

    /**
     * Chunk {@code chunk} of the simulator's prompt {@code l} for {@code tokens}, trained at the lines
     * whose value is not null (a null value is context only, as in the other layouts).
     */
    NeuronTrainingCorpus.Example document(AllAtOnceSimulator.Layout l, List<String> tokens, Integer[] values,
            int chunk) {
        long[] ids = TokenIds.concat(l.prefix(), l.chunks().get(chunk));
        long[] targets = ids.clone();
        boolean[] trained = new boolean[ids.length];
        int from = l.firstTokens()[chunk];
        int[] slots = l.slots().get(chunk);
        for (int i = 0; i < slots.length; i++) {
            Integer v = values[from + i];
            if (v == null) {
                continue;
            }
            // position slot predicts the token after the tab: the first token of `unknown` in the input
            int at = l.prefix().length + slots[i] + 1;
            if (at + unknown.length > ids.length
                    || !Arrays.equals(Arrays.copyOfRange(ids, at, at + unknown.length), unknown)) {
                throw new IllegalStateException("line " + (from + i) + " ('" + tokens.get(from + i)
                        + "') has no `unknown` after its tab in the simulator's layout");
            }
            targets[at] = tokenizer.encode(Integer.toString(v))[0];
            trained[at] = true;
        }
        return new NeuronTrainingCorpus.Example(ids, trained, targets);
    }
}
