package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Fits an explanation prompt into a model's context, leaving room for the explanation. The
 * reference (OpenAI's and Lee et al.'s explainers, 4K mode) drops the last excerpt of one more
 * few-shot example each time the prompt is too long; a 4K model rarely needs more. A small local
 * model does (the default model has 256 positions and Original's system message alone takes 182 of
 * them), so after the reference's step come, in order: few-shot examples dropped from the end, the
 * system message dropped, then the target excerpts cut to the window of tokens around each one's
 * largest activation (the widest window that fits, at least {@value #MIN_WINDOW} tokens), keeping
 * as many excerpts as can keep such a window, and last one excerpt cut below that. Every step is
 * reported in the {@link Shape}, and the prompt built is exactly {@link ExplanationPrompts}'s for
 * what is shown.
 */
public final class ExplanationFit {

    /** The narrowest window kept while more than one excerpt is shown. */
    public static final int MIN_WINDOW = 8;

    /**
     * What a fitted prompt shows.
     *
     * @param fewShotExamples worked examples kept (from the first)
     * @param fewShotExcerptsOmitted few-shot examples that lost their last excerpt (the reference's step)
     * @param systemMessage whether the system message is in
     * @param excerpts target excerpts shown (from the first)
     * @param windowTokens tokens shown of each excerpt around its largest activation; 0: whole excerpts
     */
    public record Shape(int fewShotExamples, int fewShotExcerptsOmitted, boolean systemMessage, int excerpts,
            int windowTokens) {}

    /** A prompt that fits, what it shows, and its length in the model's tokens (-1 when not counted). */
    public record Fitted(Prompt prompt, Shape shape, List<ActivationRecord> excerptsShown, int promptTokens) {}

    private final PromptStyle style;
    private final List<ActivationRecord> excerpts;
    private final double cutoff;
    private final List<FewShotExample> examples;
    private final PromptFormat format;

    public ExplanationFit(PromptStyle style, List<ActivationRecord> excerpts, double cutoff,
            List<FewShotExample> examples, PromptFormat format) {
        if (excerpts.isEmpty()) {
            throw new IllegalArgumentException("no excerpts to explain");
        }
        this.style = style;
        this.excerpts = List.copyOf(excerpts);
        this.cutoff = cutoff;
        this.examples = List.copyOf(examples);
        this.format = format;
    }

    /** The whole prompt, unfitted (a chat prompt, or a model whose context is not known). */
    public Fitted whole() {
        Shape full = new Shape(examples.size(), 0, true, excerpts.size(), 0);
        return new Fitted(build(full), full, excerpts, -1);
    }

    /**
     * The first shape in the order above whose prompt takes at most {@code budget} tokens.
     *
     * @param counter the model's token count of a prompt's text
     * @param budget the context's positions less the tokens reserved for the explanation
     */
    public Fitted fit(ToIntFunction<String> counter, int budget) {
        if (format == PromptFormat.CHAT) {
            throw new IllegalStateException("a chat prompt is counted as the template renders its messages; use fitChat");
        }
        return fitCounted(p -> counter.applyAsInt(p.text()), budget);
    }

    /**
     * {@link #fit} for a CHAT prompt: the same order of shapes, each counted as the model's chat
     * template renders its messages ({@code TextModel.chatPromptTokens}).
     */
    public Fitted fitChat(ToIntFunction<List<io.github.promptscope.backend.ChatMessage>> counter, int budget) {
        if (format != PromptFormat.CHAT) {
            throw new IllegalStateException("fitChat fits CHAT prompts; a " + format + " prompt is counted as text: use fit");
        }
        return fitCounted(p -> counter.applyAsInt(p.chat()), budget);
    }

    private Fitted fitCounted(ToIntFunction<Prompt> counter, int budget) {
        List<Shape> order = new ArrayList<>();
        int omittable = (int) examples.stream().filter(e -> e.records().size() > 1).count();
        for (int omitted = 0; omitted <= omittable; omitted++) {
            order.add(new Shape(examples.size(), omitted, true, excerpts.size(), 0));
        }
        for (int k = examples.size() - 1; k >= 0; k--) {
            int omitted = (int) examples.subList(0, k).stream().filter(e -> e.records().size() > 1).count();
            order.add(new Shape(k, omitted, true, excerpts.size(), 0));
        }
        order.add(new Shape(0, 0, false, excerpts.size(), 0));
        for (Shape s : order) {
            int tokens = counter.applyAsInt(build(s));
            if (tokens <= budget) {
                return fitted(s, tokens);
            }
        }
        int longest = excerpts.stream().mapToInt(ActivationRecord::size).max().getAsInt();
        for (int shown = excerpts.size(); shown >= 1; shown--) {
            int floor = shown == 1 ? 1 : MIN_WINDOW;
            Fitted best = widestWindow(shown, floor, longest - 1, counter, budget);
            if (best != null) {
                return best;
            }
        }
        int smallest = counter.applyAsInt(build(new Shape(0, 0, false, 1, 1)));
        throw new IllegalArgumentException("the explanation prompt needs " + (smallest == Integer.MAX_VALUE
                ? "more tokens than the model accepts" : smallest + " tokens") + " even with one token of one excerpt"
                + " and no few-shot examples; the model leaves " + budget + " for the prompt (its context less"
                + " --max-tokens)");
    }

    /** Binary search for the widest window in [low, high] that fits with {@code shown} excerpts, or null. */
    private Fitted widestWindow(int shown, int low, int high, ToIntFunction<Prompt> counter, int budget) {
        Fitted best = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Shape s = new Shape(0, 0, false, shown, mid);
            int tokens = counter.applyAsInt(build(s));
            if (tokens <= budget) {
                best = fitted(s, tokens);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return best;
    }

    private Fitted fitted(Shape s, int tokens) {
        return new Fitted(build(s), s, shown(s), tokens);
    }

    private Prompt build(Shape s) {
        List<FewShotExample> kept = new ArrayList<>();
        int omitted = 0;
        for (FewShotExample e : examples.subList(0, s.fewShotExamples())) {
            if (omitted < s.fewShotExcerptsOmitted() && e.records().size() > 1) {
                int keep = e.records().size() - 1;
                e = new FewShotExample(e.records().subList(0, keep), e.explanation(), e.firstRevealed().subList(0, keep));
                omitted++;
            }
            kept.add(e);
        }
        return ExplanationPrompts.explanation(style, shown(s), cutoff, kept, format, s.systemMessage());
    }

    private List<ActivationRecord> shown(Shape s) {
        List<ActivationRecord> out = new ArrayList<>();
        for (ActivationRecord r : excerpts.subList(0, s.excerpts())) {
            out.add(s.windowTokens() == 0 ? r : window(r, s.windowTokens()));
        }
        return out;
    }

    /** The {@code width} tokens around the record's first largest activation (the whole record if shorter). */
    static ActivationRecord window(ActivationRecord r, int width) {
        if (width >= r.size()) {
            return r;
        }
        double[] a = r.activations();
        int peak = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[peak]) {
                peak = i;
            }
        }
        int start = Math.max(0, Math.min(peak - width / 2, r.size() - width));
        double[] kept = new double[width];
        System.arraycopy(a, start, kept, 0, width);
        return new ActivationRecord(r.tokens().subList(start, start + width), kept);
    }
}
