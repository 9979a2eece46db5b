package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatRequest;
import io.github.promptscope.backend.GeneratedText;
import io.github.promptscope.backend.Sampling;
import io.github.promptscope.backend.TextModel;
import io.github.promptscope.backend.TextModelException;
import io.github.promptscope.data.ChatSerialization;
import io.github.promptscope.util.Interrupts;
import io.github.promptscope.util.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Asks a model every evaluation item and judges the replies (spec A7, {@code compute_metrics}): per
 * item, {@code samples} replies at its temperature (at most 100 tokens, fewer when the model's
 * context ends sooner, ending at the end of the turn, each with a seed of its own), and the metrics averaged over them: {@code correct},
 * {@code abs_distance} (over the numeric replies), {@code TVD} = 1 - |0.5 - correct|, and {@code prob}
 * by teacher forcing ({@link ReplyProbability}) when the item has one exact target, else equal to
 * {@code correct} as in the spec. Works on any {@link TextModel}: the local model or an
 * OpenAI-compatible endpoint (chat for the replies, scoring for prob).
 */
public final class EvalRunner {

    /** The reply budget of {@code run_evals.py}. */
    public static final int MAX_TOKENS = 100;

    private final TextModel model;
    private final long seed;
    private final ReplyProbability probability;

    public EvalRunner(TextModel model, long seed) {
        this.model = model;
        this.seed = seed;
        this.probability = new ReplyProbability(model);
    }

    /**
     * One item's outcome. {@code skipped} is why it could not be asked (a prompt longer than the
     * model's positions), else null; its metrics are then NaN.
     */
    public record ItemResult(String template, String function, FunctionRole role, double correct, double prob,
            double absDistance, double tvd, List<String> replies, String skipped) {}

    /** Every item in order, with a progress bar. */
    public List<ItemResult> run(List<EvalItem> items, String label) {
        List<ItemResult> out = new ArrayList<>(items.size());
        long stride = seedStride(items);
        try (Progress bar = Progress.start(label, items.size(), 0)) {
            for (int i = 0; i < items.size(); i++) {
                Interrupts.check();
                out.add(run(items.get(i), i, stride));
                bar.update(i + 1, "");
            }
        }
        return out;
    }

    /**
     * Seeds per item: 64, or the largest sample count when that is more. Sample k of item i draws from
     * seed·1,000,003 + i·stride + k, so no two samples of a run share a seed: with a stride of 64 the
     * 128 samples of a {@code regression_ID_TVD} item reused the next item's first 64 seeds, and its
     * next item is the same question asked again, so half its replies were copies.
     */
    static long seedStride(List<EvalItem> items) {
        return Math.max(64, items.stream().mapToInt(EvalItem::samples).max().orElse(0));
    }

    /** One item; {@code index} picks its seeds (sample k of item i draws from seed·1,000,003 + i·{@link #seedStride} + k). */
    public ItemResult run(EvalItem item, int index) {
        return run(item, index, seedStride(List.of(item)));
    }

    private ItemResult run(EvalItem item, int index, long stride) {
        List<String> replies = new ArrayList<>();
        double correct = 0;
        double distance = 0;
        int numeric = 0;
        int budget = replyBudget(item);
        if (budget < 1) {
            return skipped(item, replies, "the prompt leaves no room for a reply in the model's "
                    + model.contextLength().getAsInt() + " positions");
        }
        try {
            for (int k = 0; k < item.samples(); k++) {
                Sampling s = Sampling.seeded(budget, item.temperature(), seed * 1_000_003L + index * stride + k)
                        .withStop(List.of(ChatSerialization.END_OF_TURN));
                GeneratedText reply = model.chat(new ChatRequest(item.messages(), s));
                replies.add(reply.text());
                correct += item.answer().correct(reply.text()) ? 1 : 0;
                double d = item.answer().absDistance(reply.text());
                if (!Double.isNaN(d)) {
                    distance += d;
                    numeric++;
                }
                if (item.temperature() == 0) {
                    // greedy replies repeat; one stands for all
                    correct *= item.samples();
                    distance *= item.samples();
                    numeric *= item.samples();
                    for (int r = 1; r < item.samples(); r++) {
                        replies.add(reply.text());
                    }
                    break;
                }
            }
            double meanCorrect = correct / item.samples();
            Optional<String> target = item.answer().exactTarget();
            double prob = target.isPresent() ? probability.of(item.messages(), target.get()) : meanCorrect;
            return new ItemResult(item.template(), item.function(), item.role(), meanCorrect, prob,
                    numeric == 0 ? Double.NaN : distance / numeric, 1 - Math.abs(0.5 - meanCorrect), replies, null);
        } catch (TextModelException e) {
            if (e.status() != 400) {
                throw e;
            }
            return skipped(item, replies, e.getMessage());
        }
    }

    /**
     * {@link #MAX_TOKENS}, or fewer when the model's context ends sooner: a small local model has
     * few positions, and a reply cut there is judged as it came rather than the item refused.
     */
    private int replyBudget(EvalItem item) {
        if (model.contextLength().isEmpty()) {
            return MAX_TOKENS;
        }
        OptionalInt prompt = model.promptTokens(FunctionChats.prompt(item.messages()));
        return prompt.isEmpty() ? MAX_TOKENS : Math.min(MAX_TOKENS, model.contextLength().getAsInt() - prompt.getAsInt());
    }

    private static ItemResult skipped(EvalItem item, List<String> replies, String why) {
        return new ItemResult(item.template(), item.function(), item.role(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, replies, why);
    }

    /** Why prob is NaN for this model, or null. */
    public String probNote() {
        return probability.unavailable();
    }
}
