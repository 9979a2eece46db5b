package io.github.promptscope.neurons;

import io.github.promptscope.lm.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Simulation documents of the neurons model's corpus: the prompt {@link AllAtOnceSimulator} runs
 * ({@link SimulationLayout} without few-shot examples, as fitted to the model's positions: the same
 * ids the simulator runs, with values in place of {@code unknown}), for a synthetic neuron that fires on the explanation's concept.
 *
 * <p>The simulator reads the value distribution after each tab while every line says
 * {@code unknown}; a document reveals the true value on some of its lines (the trained tokens; which
 * ones: {@link SimulationReveal}) and writes {@code unknown} on the others (context only), so the model learns the values
 * in the context it will see. The values always follow the explanation's concept, and the excerpt is
 * one made to fire for it most of the time, for another concept otherwise (the explanation is then
 * false for the text, and the values are mostly 0): the same text gets different values under
 * different explanations, so the values can only be learned from the explanation.
 */
final class SimulationDocuments {

    /** Share of {@link SimulationReveal#SHORT_CONCEPTS}'s simulation documents that are concept documents ({@link QuotedTokenDocuments#drawShortConcept}). */
    static final double CONCEPT_SHARE = 0.5;

    /** Share of documents whose excerpt is made for the explanation's concept. */
    static final double TRUE_FOR_TEXT = 0.65;

    private final ConceptExcerpts excerpts;
    private final SimulationLayout layout;
    private final SimulationReveal reveal;
    private final QuotedTokenDocuments quotedTokens;
    private final AskedLayoutDocuments asked;
    /** The layout of {@link SimulationReveal#SHORT_WORDS_LISTED}'s documents (a context without room for the system message). */
    private final SimulationLayout shortLayout;

    /** @param positions the model's positions: the layout (few-shot examples kept, chunks) depends on them */
    SimulationDocuments(TextTokenizer tokenizer, ConceptExcerpts excerpts, int positions) {
        this(tokenizer, excerpts, positions, SimulationReveal.RANDOM_SHARE);
    }

    /** @param reveal which value slots are trained (and how many concept words an excerpt gets) */
    SimulationDocuments(TextTokenizer tokenizer, ConceptExcerpts excerpts, int positions, SimulationReveal reveal) {
        this.excerpts = excerpts;
        this.layout = new SimulationLayout(tokenizer, positions, NeuronTrainingCorpus.FEW_SHOT);
        this.reveal = reveal;
        this.quotedTokens = new QuotedTokenDocuments(excerpts, reveal.memberForm(), reveal.listsAnyWords());
        this.asked = new AskedLayoutDocuments(tokenizer, layout);
        this.shortLayout = new SimulationLayout(tokenizer, NeuronTrainingCorpus.SHORT_POSITIONS, NeuronTrainingCorpus.FEW_SHOT);
    }

    /** One document for a neuron of {@code concept}, drawing its excerpt from {@code concepts}. */
    NeuronTrainingCorpus.Example document(Random rng, Concept concept, List<Concept> concepts) {
        if (reveal.shortLines()) {
            QuotedTokenDocuments.Lines lines = !reveal.describesConcepts() ? quotedTokens.drawShort(rng, concept)
                    : rng.nextDouble() < CONCEPT_SHARE ? quotedTokens.drawShortConcept(rng, concept, concepts)
                    : quotedTokens.drawShort(rng, concept, true);
            AllAtOnceSimulator.Layout l = shortLayout.of(lines.explanation(), lines.tokens());
            return asked.document(l, lines.tokens(), lines.values(), rng.nextInt(l.chunks().size()));
        }
        if (reveal.quotesTokens()) {
            QuotedTokenDocuments.Lines lines = quotedTokens.draw(rng, concept, concepts);
            AllAtOnceSimulator.Layout l = layout.of(lines.explanation(), lines.tokens());
            int chunk = rng.nextInt(l.chunks().size());
            return reveal.asksLayout()
                    ? asked.document(l, lines.tokens(), lines.values(), chunk)
                    : document(l, lines.tokens(), lines.values(), chunk);
        }
        Concept inText = textConcept(rng, concept, concepts);
        int replacements = reveal == SimulationReveal.RANDOM_SHARE ? 1 + rng.nextInt(6) : 4 + rng.nextInt(7);
        List<String> tokens = excerpts.draw(rng, inText, replacements).leading(rng);
        String explanation = concept.explanation(quoted(rng, concept, tokens));
        int strength = strength(rng);
        Integer[] values = reveal == SimulationReveal.RANDOM_SHARE
                ? randomShare(rng, concept, tokens, strength)
                : firingAndAsManyOthers(rng, concept, inText, tokens, strength);
        AllAtOnceSimulator.Layout l = layout.of(explanation, tokens);
        return document(l, tokens, values, rng.nextInt(l.chunks().size()));
    }

    /** The concept a document's excerpt is made for: {@code concept} ({@link #TRUE_FOR_TEXT}), else another of {@code concepts}. */
    static Concept textConcept(Random rng, Concept concept, List<Concept> concepts) {
        Concept inText = concept;
        if (rng.nextDouble() >= TRUE_FOR_TEXT) {
            while (inText == concept) {
                inText = concepts.get(rng.nextInt(concepts.size()));
            }
        }
        return inText;
    }

    /** A synthetic neuron's strongest value: 10 in 70% of documents, else 5-9. */
    static int strength(Random rng) {
        return rng.nextDouble() < 0.7 ? 10 : 5 + rng.nextInt(5);
    }

    /** {@link SimulationReveal#RANDOM_SHARE}: the values of a random share (10-100%) of the lines. */
    private static Integer[] randomShare(Random rng, Concept concept, List<String> tokens, int strength) {
        double share = 0.1 + 0.9 * rng.nextDouble();
        Integer[] values = new Integer[tokens.size()];
        for (int t = 0; t < values.length; t++) {
            if (rng.nextDouble() < share) {
                values[t] = concept.matches(tokens.get(t)) ? Math.max(1, strength - rng.nextInt(3)) : 0;
            }
        }
        return values;
    }

    /**
     * {@link SimulationReveal#FIRING_AND_AS_MANY_OTHERS}: the values of the lines holding a word of
     * the text's concept and of as many other lines drawn at random. When the explanation is false
     * for the text, the text's concept words are revealed as 0: the lines that look most like firing
     * ones teach that the explanation decides. Values are graded (strength down to strength - 4),
     * as a planted neuron's normalized activations are.
     */
    private static Integer[] firingAndAsManyOthers(Random rng, Concept concept, Concept inText, List<String> tokens,
            int strength) {
        List<Integer> marked = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            (inText.matches(tokens.get(t)) ? marked : others).add(t);
        }
        Collections.shuffle(others, rng);
        List<Integer> revealed = new ArrayList<>(marked);
        revealed.addAll(others.subList(0, Math.min(Math.max(1, marked.size()), others.size())));
        Integer[] values = new Integer[tokens.size()];
        for (int t : revealed) {
            values[t] = concept.matches(tokens.get(t)) ? Math.max(1, strength - rng.nextInt(5)) : 0;
        }
        return values;
    }

    /**
     * The document for these lines: the simulator's prefix and one of its chunks (the excerpt's
     * tokens of that chunk), a null value written {@code unknown} and not trained.
     */
    NeuronTrainingCorpus.Example document(String explanation, List<String> tokens, Integer[] values, int chunk) {
        return document(layout.of(explanation, tokens), tokens, values, chunk);
    }

    /** As {@link #document(String, List, Integer[], int)}, for the simulator's layout {@code l} of these lines, made once. */
    private NeuronTrainingCorpus.Example document(AllAtOnceSimulator.Layout l, List<String> tokens, Integer[] values,
            int chunk) {
        int from = l.firstTokens()[chunk];
        int to = chunk + 1 < l.firstTokens().length ? l.firstTokens()[chunk + 1] : tokens.size();
        List<long[]> pieces = new ArrayList<>();
        List<Boolean> trained = new ArrayList<>();
        pieces.add(l.prefix());
        trained.add(false);
        for (int t = from; t < to; t++) {
            pieces.add(layout.lineHead(tokens.get(t)));
            trained.add(false);
            long[] tail = layout.lineTail(values[t], t == tokens.size() - 1);
            long[] value = layout.lineTail(values[t], true);
            pieces.add(value);
            trained.add(values[t] != null);
            if (tail.length > value.length) {
                pieces.add(java.util.Arrays.copyOfRange(tail, value.length, tail.length));
                trained.add(false);
            }
        }
        return NeuronTrainingCorpus.Example.of(pieces, trained);
    }

    /**
     * The members an explanation quotes: most of those in the text, a few others, in random order; in
     * one document of ten none (the description alone).
     */
    private List<String> quoted(Random rng, Concept concept, List<String> tokens) {
        if (rng.nextDouble() < 0.1) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String m : ConceptExcerpts.membersIn(concept, tokens)) {
            if (rng.nextDouble() < 0.85) {
                out.add(m);
            }
        }
        List<String> all = excerpts.memberTexts(concept);
        int extra = (out.isEmpty() ? 2 : 0) + rng.nextInt(4);
        for (int k = 0; k < extra && !all.isEmpty(); k++) {
            String m = all.get(rng.nextInt(all.size()));
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        Collections.shuffle(out, rng);
        return out.size() > 8 ? out.subList(0, 8) : out;
    }
}
