package io.github.promptscope.neurons;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an explanation names a planted neuron's concept (the test for the token-lookup
 * baseline and the LM explainer): it says a word for the concept ("colors", "digits", "countries"; a
 * spelling that {@link ExplanationMatch#sameWord} takes for one of the concept's words), or every
 * term it quotes is a member of the concept and it quotes at least one (token lookup's
 * {@code the tokens 'red', 'black'}). Lexical, so a paraphrase ("hues") does not count.
 */
public final class ConceptNaming {

    /** The words that name each concept, singular and plural where they differ by more than an s. */
    private static final Map<Concept, List<String>> WORDS = Map.of(
            Concept.NUMBERS, List.of("number", "numbers", "digit", "digits", "numeral", "numerals", "numeric", "numerical"),
            Concept.COLOURS, List.of("colour", "colours", "color", "colors"),
            Concept.COUNTRIES, List.of("country", "countries", "nation", "nations"),
            Concept.PLURALS, List.of("plural", "plurals"),
            Concept.PUNCTUATION, List.of("punctuation"),
            // the neurons model's held-out concepts: the head nouns of their descriptions, not "names" or
            // "words", which "names of countries" or "food words" share
            Concept.ANIMALS, List.of("animal", "animals"),
            Concept.NUMBER_WORDS, List.of("number", "numbers", "numeral", "numerals"),
            Concept.CURRENCIES, List.of("currency", "currencies", "money"));

    private ConceptNaming() {}

    public static boolean names(String explanation, Concept concept) {
        if (namesByWord(explanation, concept)) {
            return true;
        }
        if (!explanation.contains("'") && !explanation.contains("\"")) {
            return false; // no quotes: terms() would fall back to every word, which is not a list of members
        }
        Set<String> quoted = LexicalMatchSimulator.terms(explanation);
        return !quoted.isEmpty() && quoted.stream().allMatch(concept::matches);
    }

    /** Whether a word of the explanation is one that names the concept (none listed: false). */
    public static boolean namesByWord(String explanation, Concept concept) {
        List<String> words = WORDS.getOrDefault(concept, List.of());
        for (String w : ExplanationMatch.keywords(explanation)) {
            if (words.stream().anyMatch(c -> ExplanationMatch.sameWord(c, w))) {
                return true;
            }
        }
        return false;
    }
}
