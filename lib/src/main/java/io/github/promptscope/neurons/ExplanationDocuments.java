package io.github.promptscope.neurons;

import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Explanation documents of the neurons model's corpus: the prompt {@link LmExplainer} sends for a
 * synthetic neuron's top excerpts (Summary, Highlight or Original, without few-shot examples, fitted by {@link ExplanationFit} to the model's context less the explainer's 60 tokens,
 * as the explainer fits it), then the explanation as the few-shot examples write it (one space, the
 * explanation, a period) and the newline the explainer stops at. Only the explanation is trained.
 *
 * <p>The neuron fires on a concept's tokens (raw activation 3-5, about what a planted neuron gives)
 * and is slightly negative elsewhere; the highlight cutoff is taken from excerpts as written, as
 * {@link HighlightCutoff} takes it from a record's random excerpts. The explanation names the
 * concept and quotes the members that occur in the excerpts shown, most frequent first, so a concept
 * the model never saw can still be named by its members.
 *
 * <p>With {@code anyWords} ({@code train --corpus neurons-short}), {@link #ANY_WORDS_SHARE} of the
 * documents are for a made-up neuron instead: it fires on 1-3 words drawn from the whole vocabulary
 * (never a held-out concept's member), put into every top excerpt, and the explanation lists the ones
 * shown under the drawn concept's description, which they need not fit. Copying the highlighted
 * tokens is then the only way to write the list, the skill that carries over to a concept never
 * seen; the simulation documents of that recipe teach the reverse lookup the same way.
 */
final class ExplanationDocuments {

    static final int EXCERPTS = 5;
    static final int RANDOM_EXCERPTS = 15;
    static final int MAX_QUOTED = 4;

    /** Share of the documents for a made-up neuron of vocabulary words, when the corpus asks for them. */
    static final double ANY_WORDS_SHARE = 0.5;

    private final TextTokenizer tokenizer;
    private final ConceptExcerpts excerpts;
    private final int budget;
    private final MemberForm form;
    private final boolean anyWords;

    /**
     * @param positions the context prompts are fitted to, less {@link ExplainerConfig#DEFAULT_MAX_TOKENS}: the model's, or
     *     the shorter one its folder names ({@link PromptContext#EXPLAINER_FILE})
     */
    ExplanationDocuments(TextTokenizer tokenizer, ConceptExcerpts excerpts, int positions) {
        this(tokenizer, excerpts, positions, MemberForm.QUOTED, false);
    }

    /**
     * @param form how the trained explanations name the members
     * @param anyWords whether {@link #ANY_WORDS_SHARE} of the documents are for made-up neurons of vocabulary words
     */
    ExplanationDocuments(TextTokenizer tokenizer, ConceptExcerpts excerpts, int positions, MemberForm form,
            boolean anyWords) {
        this.tokenizer = tokenizer;
        this.excerpts = excerpts;
        this.budget = positions - ExplainerConfig.DEFAULT_MAX_TOKENS;
        this.form = form;
        this.anyWords = anyWords;
    }

    /** A training document: for a neuron of {@code concept}, or (with {@code anyWords}, {@link #ANY_WORDS_SHARE} of them) a made-up one. */
    NeuronTrainingCorpus.Example document(Random rng, Concept concept) {
        if (anyWords && rng.nextDouble() < ANY_WORDS_SHARE) {
            List<Long> words = excerpts.vocabularySample(rng, 1 + rng.nextInt(3));
            Set<String> pieces = new HashSet<>();
            words.forEach(id -> pieces.add(tokenizer.piece(id)));
            List<ActivationRecord> top = new ArrayList<>();
            for (int i = 0; i < EXCERPTS; i++) {
                top.add(record(rng, pieces::contains, excerpts.drawAmong(rng, 1 + rng.nextInt(3), words).tokens()));
            }
            return explained(rng, concept, top, pieces::contains);
        }
        return conceptDocument(rng, concept);
    }

    /** A document for a neuron of {@code concept}'s tokens (never a made-up one: the validation examples). */
    NeuronTrainingCorpus.Example conceptDocument(Random rng, Concept concept) {
        List<ActivationRecord> top = new ArrayList<>();
        for (int i = 0; i < EXCERPTS; i++) {
            top.add(record(rng, concept::matches, excerpts.draw(rng, concept, 1 + rng.nextInt(4)).tokens()));
        }
        return explained(rng, concept, top, concept::matches);
    }

    /** The prompt for {@code top} (cutoff from random excerpts), then the explanation of what {@code fires} accepts. */
    private NeuronTrainingCorpus.Example explained(Random rng, Concept concept, List<ActivationRecord> top,
            Predicate<String> fires) {
        List<Double> random = new ArrayList<>();
        for (int i = 0; i < RANDOM_EXCERPTS; i++) {
            for (double a : record(rng, fires, excerpts.draw(rng, concept, 0).tokens()).activations()) {
                random.add(a);
            }
        }
        double cutoff = HighlightCutoff.quantile(random.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                HighlightCutoff.RANDOM_QUANTILE);
        double style = rng.nextDouble();
        PromptStyle s = style < 0.5 ? PromptStyle.SUMMARY : style < 0.85 ? PromptStyle.HIGHLIGHT : PromptStyle.ORIGINAL;
        ExplanationFit.Fitted fitted = new ExplanationFit(s, top, cutoff, NeuronTrainingCorpus.FEW_SHOT, PromptFormat.NONE)
                .fit(text -> tokenizer.encode(text).length, budget);
        List<String> shown = new ArrayList<>();
        fitted.excerptsShown().forEach(r -> shown.addAll(r.tokens()));
        List<String> members = ConceptExcerpts.matchesIn(fires, shown);
        String explanation = concept.explanation(members.subList(0, Math.min(MAX_QUOTED, members.size())), form);
        return NeuronTrainingCorpus.Example.of(
                List.of(tokenizer.encode(fitted.prompt().text()), tokenizer.encode(" " + explanation + ".\n")),
                List.of(false, true));
    }

    private static ActivationRecord record(Random rng, Predicate<String> fires, List<String> tokens) {
        double[] a = new double[tokens.size()];
        for (int t = 0; t < a.length; t++) {
            a[t] = fires.test(tokens.get(t)) ? 3 + 2 * rng.nextDouble() : -1e-4 * rng.nextDouble();
        }
        return new ActivationRecord(tokens, a);
    }
}
