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
            Concept.PUNCTUATION, List.of("punctuation"));

    private ConceptNaming() {}

    public static boolean names(String explanation, Concept concept) {
        for (String w : ExplanationMatch.keywords(explanation)) {
            if (WORDS.get(concept).stream().anyMatch(c -> ExplanationMatch.sameWord(c, w))) {
                return true;
            }
        }
        if (!explanation.contains("'") && !explanation.contains("\"")) {
            return false; // no quotes: terms() would fall back to every word, which is not a list of members
        }
        Set<String> quoted = LexicalMatchSimulator.terms(explanation);
        return !quoted.isEmpty() && quoted.stream().allMatch(concept::matches);
    }
}
