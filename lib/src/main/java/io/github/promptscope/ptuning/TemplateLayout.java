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
 * labels {@code answer + [eos]}. With rinna's sentencepiece tokenizer the " " after the prefix prompts
 * and before the infix ones become word-boundary pieces ("▁") of their own, and each encode may append
 * {@code </s>} (spec B1, unverified). A GPT-2 byte-level tokenizer has no such piece: a lone space is a
 * token of its own ("Ġ", id 220 in GPT-2) that carries no meaning, and a word's leading space belongs
 * to the word ("Ġanswer"). So here each part is encoded alone, nothing is added between them and no
 * special tokens are appended; a space the answer should start with is the data's to give
 * (the user's strings are used as given).
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
        long[] answer = tokenizer.encode(ex.answer());
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

    private long[] query(TuningExample ex, int targetCount) {
        long[] q = tokenizer.encode(ex.query());
        int room = maxPositions - prefix - infix - targetCount;
        if (room < 1) {
            throw new IllegalArgumentException("the answer \"" + ex.answer() + "\" (" + (targetCount - 1)
                    + " tokens + EOS) and " + (prefix + infix) + " prompt vectors leave no room for the query in the model's "
                    + maxPositions + " positions");
        }
        return Arrays.copyOf(q, Math.min(q.length, Math.min(maxQuery, room)));
    }
}
