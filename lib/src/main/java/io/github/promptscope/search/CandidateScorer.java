package io.github.promptscope.search;

import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.lm.ContinuationScore;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.lm.PromptScores;
import io.github.promptscope.lm.tokenizer.TextTokenizer;
import io.github.promptscope.lm.tokenizer.TokenIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores candidate prompts (token ids) on a batch of rows: the loss is the token-weighted mean
 * cross-entropy of the outputs, the accuracy the fraction of rows whose whole output greedy
 * decoding reproduces (spec 1.4). With the prompt before the input, each prompt's keys and values
 * are computed once for the whole batch ({@link LanguageModel#scoreUnderPrompts}).
 */
final class CandidateScorer {

    /** Loss and accuracy of one candidate on one batch. */
    record Score(double loss, double accuracy, int correct) {}

    private final LanguageModel model;
    private final TextTokenizer tok;
    private final long[] preprefix;
    private final boolean prefixBeforeInput;
    private final int maxLength;
    private final long[] allowed;
    private long tokensScored;
    private long candidatesAsked;
    private long candidatesComputed;
    /**
     * Token ids by the identity of the string they came from: each input and output is tokenized
     * once per search (of up to {@link TokenCache#ROWS} rows), not once per step (a 500 KB input
     * tokenized on every scoring call took 280 s for 3 rows). Inputs are kept cut to the longest
     * tail any prompt leaves room for.
     */
    private final TokenCache<String> contextIds = new TokenCache<>(TokenCache.ROWS);
    private final TokenCache<String> targetIds = new TokenCache<>(TokenCache.ROWS);

    /**
     * @param rowOutputs the outputs of the rows the search iterates over; with the answer mask on,
     *        their first tokens are the tokens every output position may take
     */
    CandidateScorer(LanguageModel model, IPromptConfig cfg, List<String> rowOutputs) {
        this.model = model;
        this.tok = model.tokenizer();
        this.preprefix = cfg.preprefix().isEmpty() ? new long[0] : tok.encode(cfg.preprefix());
        this.prefixBeforeInput = cfg.prefixBeforeInput();
        this.maxLength = cfg.maxLength();
        this.allowed = cfg.maskPossibleAnswers() ? answerTokens(rowOutputs, cfg.maskAllAnswerTokens()) : null;
    }

    /**
     * The answer mask's vocabulary, as the reference builds it ({@code possible_answer_ids}, spec
     * 1.1/1.4): the first token of each output, nothing else. The scorers restrict every output
     * position to these ids, so a later token of a multi-token output that is no output's first
     * token is scored at a logit of -1e10, as in the reference; the mask is meant for one-token
     * answers (sentiment's " positive" / " negative"). {@code maskAllAnswerTokens} opens every
     * token of every output instead.
     */
    private long[] answerTokens(List<String> outputs, boolean everyToken) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String o : new LinkedHashSet<>(outputs)) { // each distinct output once, in first-seen order
            long[] y = tok.encode(PromptLayout.stripOutput(o));
            for (int i = 0; i < (everyToken ? y.length : Math.min(1, y.length)); i++) {
                ids.add(y[i]);
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The ids the answer mask leaves open at every output position; null when the mask is off. */
    long[] allowedAnswers() {
        return allowed == null ? null : allowed.clone();
    }

    long tokensScored() {
        return tokensScored;
    }

    /** Candidates asked for and distinct candidates actually scored, over this scorer's life. */
    long candidatesAsked() {
        return candidatesAsked;
    }

    long candidatesComputed() {
        return candidatesComputed;
    }

    /**
     * One score per candidate, in order. Each distinct prompt is scored once: a step's mutations
     * and fresh samples repeat prompts (and the population), and a repeat's score is the same
     * number, since a prompt's row in the scoring batch does not depend on the other prompts in it.
     */
    List<Score> score(List<long[]> candidates, List<DataRows.Row> batch) {
        List<long[]> targets = new ArrayList<>();
        for (DataRows.Row r : batch) {
            targets.add(target(r));
        }
        Map<List<Long>, Integer> slot = new HashMap<>();
        List<long[]> distinct = new ArrayList<>();
        int[] slotOf = new int[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            long[] c = candidates.get(i);
            slotOf[i] = slot.computeIfAbsent(PromptPool.key(c), k -> {
                distinct.add(c);
                return distinct.size() - 1;
            });
        }
        List<Score> scored = prefixBeforeInput ? before(distinct, batch, targets) : after(distinct, batch, targets);
        requireFinite(scored, distinct);
        candidatesAsked += candidates.size();
        candidatesComputed += distinct.size();
        List<Score> scores = new ArrayList<>(candidates.size());
        for (int s : slotOf) {
            scores.add(scored.get(s));
        }
        return scores;
    }

    /**
     * A NaN loss cannot be ranked: sorting by it would print a confident top 10 of noise. Weights are
     * checked finite at load, so a NaN here means the activations overflowed (or a soft prompt diverged).
     */
    private void requireFinite(List<Score> scores, List<long[]> candidates) {
        for (int i = 0; i < scores.size(); i++) {
            if (Double.isNaN(scores.get(i).loss())) {
                throw new IllegalStateException("the loss of prompt \"" + tok.decode(candidates.get(i))
                        + "\" is NaN: the model's outputs are not finite numbers (its activations overflow), so no"
                        + " prompt can be ranked; check the model with `promptscope logprobs`");
            }
        }
    }

    /** {@code [preprefix][prompt][". " + x][y]}: prompts share nothing, but each prompt is shared by the batch. */
    private List<Score> before(List<long[]> candidates, List<DataRows.Row> batch, List<long[]> targets) {
        List<long[]> contexts = new ArrayList<>();
        for (DataRows.Row r : batch) {
            contexts.add(context(r, candidates.get(0).length));
        }
        List<long[]> prompts = candidates.stream().map(c -> TokenIds.concat(preprefix, c)).toList();
        PromptScores s = model.scoreUnderPrompts(prompts, contexts, targets, allowed);
        List<Score> out = new ArrayList<>();
        for (int p = 0; p < prompts.size(); p++) {
            out.add(new Score(s.loss(p), s.accuracy(p), s.correct(p)));
            for (int i = 0; i < batch.size(); i++) {
                tokensScored += prompts.get(p).length + contexts.get(i).length + targets.get(i).length;
            }
        }
        return out;
    }

    /** {@code [x][preprefix][prompt][y]}, the sentiment layout: scored pair by pair. */
    private List<Score> after(List<long[]> candidates, List<DataRows.Row> batch, List<long[]> targets) {
        List<long[]> prefixes = new ArrayList<>();
        List<long[]> conts = new ArrayList<>();
        for (long[] c : candidates) {
            long[] tail = TokenIds.concat(preprefix, c);
            for (int i = 0; i < batch.size(); i++) {
                long[] x = cutLeft(inputIds(batch.get(i).input(), ""), maxLength - tail.length - targets.get(i).length);
                prefixes.add(TokenIds.concat(x, tail));
                conts.add(targets.get(i));
            }
        }
        List<ContinuationScore> scores = model.scoreTokens(prefixes, conts, allowed);
        List<Score> out = new ArrayList<>();
        int k = 0;
        for (int p = 0; p < candidates.size(); p++) {
            double nll = 0;
            long tokens = 0;
            int correct = 0;
            for (int i = 0; i < batch.size(); i++, k++) {
                nll -= scores.get(k).sum();
                tokens += conts.get(k).length;
                correct += scores.get(k).greedy() ? 1 : 0;
                tokensScored += prefixes.get(k).length + conts.get(k).length;
            }
            out.add(new Score(tokens == 0 ? 0 : nll / tokens, (double) correct / batch.size(), correct));
        }
        return out;
    }

    /** The output's ids, tokenized once per search. */
    long[] target(DataRows.Row r) {
        return targetIds.get(r.output(), tok::encode);
    }

    /**
     * {@code tok(". " + x)} as scored after a prompt of {@code promptLength} tokens: its last tokens,
     * as many as {@code maxLength} leaves after the preprefix, the prompt and the row's output.
     */
    long[] context(DataRows.Row r, int promptLength) {
        long[] ids = inputIds(r.input(), PromptLayout.BEFORE_INPUT);
        return cutLeft(ids, maxLength - preprefix.length - promptLength - target(r).length);
    }

    /**
     * {@code tok(lead + input)}, tokenized once per search and kept no longer than a scored sequence
     * ({@code maxLength}): every later cut keeps a shorter tail of the same ids. One scorer places
     * inputs one way only, so {@code lead} is the same for every call.
     */
    private long[] inputIds(String input, String lead) {
        return contextIds.get(input, x -> cutLeft(tok.encode(lead + x), maxLength));
    }

    /** Keeps the last {@code room} tokens (at least one), as the reference truncates from the left. */
    private static long[] cutLeft(long[] ids, int room) {
        int keep = Math.max(1, room);
        return ids.length <= keep ? ids : java.util.Arrays.copyOfRange(ids, ids.length - keep, ids.length);
    }
}
