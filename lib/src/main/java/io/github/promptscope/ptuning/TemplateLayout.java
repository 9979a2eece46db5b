package io.github.promptscope.ptuning;

import io.github.promptscope.data.tuning.TuningExample;
import io.github.promptscope.lm.SoftSequence;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import java.util.Arrays;

/**
 * The template (p, q) of spec B1 as token positions:
 * <pre>
 *   [p prompt vectors] encode(query)[:maxQuery] [q prompt vectors] | encode(answer)[:maxAnswer] EOS
 *                                                                    ^ targets (teacher-forced)
 * </pre>
 * The loss and every metric read the targets: the answer tokens plus a final end-of-sequence token.
 *
 * <p>The reference ({@code dataset.py}, GPTPTuneCollator) builds its ids from strings:
 * {@code encode("[PROMPT]"*p + " ") + encode(query)[:512] + encode(" " + "[PROMPT]"*q) + encode(answer)[:64]},
 * labels {@code answer + [eos]}. With rinna's sentencepiece tokenizer every one of those encodes starts
 * at a word boundary: sentencepiece's dummy prefix gives the first word its "▁" piece, the form the
 * model saw that word in inside running text (each encode may also append {@code </s>}; spec B1,
 * unverified). A byte-level BPE marks the word boundary as a leading space that belongs to the word
 * ("Ġanswer"), and our word-level tokenizers ({@code models/tuning}) only have whole-word tokens in that
 * spaced form, since their corpus writes every word after a space. So each part (prompt text, query,
 * answer) is encoded as {@link #encodePart}: with one leading space unless it already starts with
 * whitespace, the byte-level counterpart of the dummy prefix. Nothing else is added between parts and
 * no special tokens are appended; the strings themselves are used as given.
 *
 * <p>One more limit than the reference: the whole sequence must fit the model's context
 * ({@code n_positions}; 256 for the shipped models), so the query keeps at most
 * {@code n_positions - p - q - answer - 1} tokens as well as {@code maxQuery}.
 */
public final class TemplateLayout {

    private final TextTokenizer tokenizer;
    private final int prefix;
    private final int infix;
    private final int maxQuery;
    private final int maxAnswer;
    private final long eos;
    private final int maxPositions;

    public TemplateLayout(TextTokenizer tokenizer, PTuningConfig cfg, long eos, int maxPositions) {
        this.tokenizer = tokenizer;
        this.prefix = cfg.prefix();
        this.infix = cfg.infix();
        this.maxQuery = cfg.maxQuery();
        this.maxAnswer = cfg.maxAnswer();
        this.eos = eos;
        this.maxPositions = maxPositions;
    }

    /** The answer's target ids: its first maxAnswer tokens, then EOS. */
    public long[] targets(TuningExample ex) {
        long[] answer = encodePart(tokenizer, ex.answer());
        long[] out = Arrays.copyOf(answer, Math.min(answer.length, maxAnswer) + 1);
        out[out.length - 1] = eos;
        return out;
    }

    /** The example with its answer as targets (training, teacher-forced evaluation). */
    public SoftSequence scored(TuningExample ex) {
        long[] targets = targets(ex);
        return SoftSequence.builder().soft(0, prefix).tokens(query(ex, targets.length)).soft(prefix, infix)
                .targets(targets).build();
    }

    /** The example up to where the answer starts (greedy generation). */
    public SoftSequence prompt(TuningExample ex) {
        return SoftSequence.builder().soft(0, prefix).tokens(query(ex, targets(ex).length)).soft(prefix, infix).build();
    }

    /**
     * One part of the layout as the model saw text: after a word boundary, a leading space (the
     * counterpart of sentencepiece's dummy prefix), unless the part already starts with whitespace or
     * is empty. A part that starts with its own space is encoded as written.
     */
    public static long[] encodePart(TextTokenizer tokenizer, String text) {
        boolean spaced = text.isEmpty() || Character.isWhitespace(text.charAt(0));
        return tokenizer.encode(spaced ? text : " " + text);
    }

    private long[] query(TuningExample ex, int targetCount) {
        long[] q = encodePart(tokenizer, ex.query());
        int room = maxPositions - prefix - infix - targetCount;
        if (room < 1) {
            throw new IllegalArgumentException("the answer \"" + ex.answer() + "\" (" + (targetCount - 1)
                    + " tokens + EOS) and " + (prefix + infix) + " prompt vectors leave no room for the query in the model's "
                    + maxPositions + " positions");
        }
        return Arrays.copyOf(q, Math.min(q.length, Math.min(maxQuery, room)));
    }
}
