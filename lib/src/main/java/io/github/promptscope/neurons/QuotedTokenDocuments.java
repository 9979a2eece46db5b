package io.github.promptscope.neurons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The lines of the {@link SimulationReveal#QUOTED_TOKENS} stage's simulation documents: an excerpt,
 * an explanation in the form {@code neurons evaluate-model} gives its true explanations (the
 * description and quoted members, {@code animal names: 'cat', 'dog'}) and a neuron that fires exactly
 * on the excerpt's tokens whose text is quoted. The model need not know the concept, only find the
 * token in the explanation, which is why this stage can carry over to concepts held out of training.
 */
final class QuotedTokenDocuments {

    /** Share of the text's members an explanation true for the text quotes (the others are trained as 0). */
    static final double QUOTED_SHARE = 0.8;

    /** The most members an explanation quotes, as {@link SimulationDocuments}'s explanations. */
    static final int MOST_QUOTED = 8;

    /** An excerpt's tokens, the explanation and the values (null where the line stays {@code unknown}). */
    record Lines(String explanation, List<String> tokens, Integer[] values) {}

    /** Share of {@link #drawShortConcept}'s explanations that give the description alone. */
    static final double DESCRIPTION_ONLY = 0.25;

    /** Share of the members in the text that {@link #drawShortConcept}'s other explanations list. */
    static final double LISTED_SHARE = 0.5;

    /** Share of documents that list any words of the text, in the {@link SimulationReveal#ANY_WORDS_LISTED} corpus. */
    static final double ANY_WORDS_SHARE = 0.5;

    private final ConceptExcerpts excerpts;
    private final MemberForm form;
    private final boolean anyWords;

    /** @param form how the explanations name the members ({@code 'cat', 'dog'} or {@code cat, dog}) */
    QuotedTokenDocuments(ConceptExcerpts excerpts, MemberForm form) {
        this(excerpts, form, false);
    }

    /** @param anyWords whether {@link #ANY_WORDS_SHARE} of the documents list any words of their text */
    QuotedTokenDocuments(ConceptExcerpts excerpts, MemberForm form, boolean anyWords) {
        this.excerpts = excerpts;
        this.form = form;
        this.anyWords = anyWords;
    }

    /** Lines for a neuron of {@code concept}, the excerpt made for it or (false for the text) for another of {@code concepts}. */
    Lines draw(Random rng, Concept concept, List<Concept> concepts) {
        if (anyWords && rng.nextDouble() < ANY_WORDS_SHARE) {
            Lines words = drawWords(rng, concept);
            if (words != null) {
                return words;
            }
        }
        Concept inText = SimulationDocuments.textConcept(rng, concept, concepts);
        List<String> tokens = excerpts.draw(rng, inText, 4 + rng.nextInt(7)).leading(rng);
        List<String> present = ConceptExcerpts.membersIn(concept, tokens);
        List<String> quoted = present.isEmpty() ? absentMembers(rng, concept, tokens, 1 + rng.nextInt(4))
                : quotedOf(rng, concept, tokens, present);
        return firingOn(rng, quoted, tokens, concept, inText);
    }

    /** Lines whose explanation names {@code named} and whose neuron fires (graded) on exactly their tokens. */
    private Lines firingOn(Random rng, List<String> named, List<String> tokens, Concept concept, Concept inText) {
        Set<String> firing = new HashSet<>();
        named.forEach(q -> firing.add(Concept.normalized(q)));
        int strength = SimulationDocuments.strength(rng);
        return new Lines(concept.explanation(named, form), tokens, values(rng, tokens, firing, concept, inText, strength));
    }

    /**
     * Lines whose explanation lists 1-4 words of the excerpt (under {@code concept}'s description,
     * which they need not fit) and a neuron that fires on exactly those words. The excerpt gets 2-6
     * words drawn from the whole vocabulary (never a held-out concept's member), so the positives are
     * thousands of distinct tokens, not one concept's members; null when the excerpt has no word to list.
     */
    private Lines drawWords(Random rng, Concept concept) {
        return listedWords(rng, concept, excerpts.drawVocabulary(rng, 2 + rng.nextInt(5)).leading(rng));
    }

    /**
     * Lines of {@link SimulationReveal#SHORT_WORDS_LISTED}: the first 12-24 tokens of an excerpt with
     * vocabulary words put in, 1-4 of its words listed, the neuron firing on exactly those, every line
     * trained (0 where it does not fire) but those of a held-out concept's member, which stay
     * {@code unknown} and untrained. A member is never listed here, so training its lines as 0 taught
     * the model that {@code fox} or {@code two} never fires, whatever the explanation lists: after 13,500
     * steps of this stage the simulator gave 0.0 to a listed {@code fox}, {@code goose}, {@code two},
     * {@code seven} and {@code euro} while other listed words read 3-6, and held-out margins stayed at 0
     * for animals and number words. Left untrained, the held-out concepts teach nothing either way.
     */
    Lines drawShort(Random rng, Concept concept) {
        return drawShort(rng, concept, false);
    }

    /**
     * {@link #drawShort(Random, Concept)}; with {@code describedUnknown} ({@link SimulationReveal#SHORT_CONCEPTS}),
     * a line of a member of the concept whose description heads the explanation, not listed, also stays
     * {@code unknown}: that corpus's concept documents teach that such a line fires, and {@code
     * punctuation marks: fox} over a text's commas would otherwise teach, as often, that it does not.
     */
    Lines drawShort(Random rng, Concept concept, boolean describedUnknown) {
        while (true) {
            List<String> tokens = excerpts.drawVocabulary(rng, 2 + rng.nextInt(5)).leading(rng);
            Lines lines = listedWords(rng, concept, tokens.subList(0, Math.min(tokens.size(), 12 + rng.nextInt(13))));
            if (lines != null) {
                Integer[] every = lines.values().clone();
                for (int t = 0; t < every.length; t++) {
                    String token = lines.tokens().get(t);
                    if (NeuronTrainingCorpus.heldOutMember(token)
                            || describedUnknown && (every[t] == null || every[t] == 0) && concept.matches(token)) {
                        every[t] = null;
                    } else if (every[t] == null) {
                        every[t] = 0;
                    }
                }
                return new Lines(lines.explanation(), lines.tokens(), every);
            }
        }
    }

    /**
     * Lines of {@link SimulationReveal#SHORT_CONCEPTS}'s concept documents: the first 12-24 tokens of an
     * excerpt with 1-4 members put in, of {@code concept} or (the explanation then false for the text, as
     * {@link SimulationDocuments#textConcept}) of another concept; an explanation of the concept's
     * description that lists about half the members in the text (and 0-2 absent ones), or in {@link
     * #DESCRIPTION_ONLY} of the documents nothing; a neuron firing (graded) on every member of the concept
     * in the text, listed or not, so that only the description tells the unlisted ones; every line
     * trained, but a held-out concept's member's.
     */
    Lines drawShortConcept(Random rng, Concept concept, List<Concept> concepts) {
        Concept inText = SimulationDocuments.textConcept(rng, concept, concepts);
        int length = 12 + rng.nextInt(13);
        List<String> tokens = excerpts.drawShort(rng, inText, 1 + rng.nextInt(4), length);
        List<String> listed = new ArrayList<>();
        if (rng.nextDouble() >= DESCRIPTION_ONLY) {
            for (String m : ConceptExcerpts.membersIn(concept, tokens)) {
                if (rng.nextDouble() < LISTED_SHARE) {
                    listed.add(m);
                }
            }
            listed.addAll(absentMembers(rng, concept, tokens, (listed.isEmpty() ? 1 : 0) + rng.nextInt(3)));
            Collections.shuffle(listed, rng);
        }
        int strength = SimulationDocuments.strength(rng);
        Integer[] values = new Integer[tokens.size()];
        for (int t = 0; t < values.length; t++) {
            String token = tokens.get(t);
            if (!NeuronTrainingCorpus.heldOutMember(token)) {
                values[t] = concept.matches(token) ? Math.max(1, strength - rng.nextInt(3)) : 0;
            }
        }
        List<String> named = listed.size() > MOST_QUOTED ? listed.subList(0, MOST_QUOTED) : listed;
        return new Lines(concept.explanation(named, form), tokens, values);
    }

    /** Lines listing 1-4 words of {@code tokens} (see {@link #drawWords}); null when it has no word to list. */
    private Lines listedWords(Random rng, Concept concept, List<String> tokens) {
        List<String> words = new ArrayList<>();
        for (String t : tokens) {
            String w = Concept.normalized(t);
            if (t.startsWith(" ") && w.length() >= 3 && w.chars().allMatch(Character::isLetter) && !words.contains(t.strip())
                    && !NeuronTrainingCorpus.heldOutMember(t)) {
                words.add(t.strip());
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        Collections.shuffle(words, rng);
        return firingOn(rng, new ArrayList<>(words.subList(0, 1 + rng.nextInt(Math.min(4, words.size())))), tokens,
                concept, concept);
    }

    /** Most members in the text (at least one), a few absent ones, shuffled. */
    private List<String> quotedOf(Random rng, Concept concept, List<String> tokens, List<String> present) {
        List<String> out = new ArrayList<>();
        for (String m : present) {
            if (rng.nextDouble() < QUOTED_SHARE) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            out.add(present.get(rng.nextInt(present.size())));
        }
        out.addAll(absentMembers(rng, concept, tokens, rng.nextInt(3)));
        Collections.shuffle(out, rng);
        return out.size() > MOST_QUOTED ? out.subList(0, MOST_QUOTED) : out;
    }

    /** Up to {@code n} distinct members of {@code concept} whose text is none of the excerpt's tokens. */
    private List<String> absentMembers(Random rng, Concept concept, List<String> tokens, int n) {
        Set<String> inText = new HashSet<>();
        tokens.forEach(t -> inText.add(Concept.normalized(t)));
        List<String> all = excerpts.memberTexts(concept);
        List<String> out = new ArrayList<>();
        for (int tries = 0; out.size() < n && tries < 50 && !all.isEmpty(); tries++) {
            String m = all.get(rng.nextInt(all.size()));
            if (!inText.contains(Concept.normalized(m)) && !out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Graded values on the firing lines (strength down to strength - 2); revealed there, on the lines
     * of concept words that do not fire (the explanation's unquoted members, or the text's concept
     * when the explanation is false for it: the lines that look most like firing ones) and on as many
     * other lines as fire, so about a third of the trained slots are above 0.
     */
    private static Integer[] values(Random rng, List<String> tokens, Set<String> firing, Concept concept, Concept inText,
            int strength) {
        List<Integer> fires = new ArrayList<>();
        List<Integer> lookAlike = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            if (firing.contains(Concept.normalized(token))) {
                fires.add(t);
            } else {
                (concept.matches(token) || inText.matches(token) ? lookAlike : others).add(t);
            }
        }
        Collections.shuffle(others, rng);
        Integer[] values = new Integer[tokens.size()];
        for (int t : fires) {
            values[t] = Math.max(1, strength - rng.nextInt(3));
        }
        for (int t : lookAlike) {
            values[t] = 0;
        }
        int more = Math.max(1, fires.size() - lookAlike.size());
        for (int t : others.subList(0, Math.min(more, others.size()))) {
            values[t] = 0;
        }
        return values;
    }
}
