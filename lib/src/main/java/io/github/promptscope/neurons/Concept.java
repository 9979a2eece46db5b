package io.github.promptscope.neurons;

import io.github.promptscope.data.WordTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A concept a planted neuron fires on (spec neurons.md 7.5): which tokens belong to it, and its
 * ground-truth explanation. Membership is decided per token, on the token's text without its
 * surrounding whitespace and case: a word concept's members are single tokens of its word list
 * ({@code data_utils/}), so a colour the tokenizer splits into pieces is not a member.
 */
public enum Concept {

    NUMBERS("numbers", "numbers and digits", text -> text.chars().allMatch(Character::isDigit),
            IntStream.rangeClosed(0, 9).mapToObj(Integer::toString).toList()),
    COLOURS("colours", "colour words", null, WordTable.read("colours.tsv", 1).column(0)),
    COUNTRIES("countries", "names of countries", null, words(WordTable.read("countries.tsv", 3).column(0))),
    PLURALS("plurals", "plural nouns", null, WordTable.read("plurals.tsv", 2).column(1)),
    PUNCTUATION("punctuation", "punctuation marks", text -> text.chars().allMatch(Concept::isPunctuation),
            List.of(".", ",", ":", ";", "!", "?", "(", ")", "-", "/", "\"", "'"));

    private final String cliName;
    private final String description;
    private final List<String> members;
    private final Predicate<String> rule;

    Concept(String cliName, String description, Predicate<String> rule, List<String> members) {
        this.cliName = cliName;
        this.description = description;
        this.members = List.copyOf(new LinkedHashSet<>(members));
        Set<String> lower = this.members.stream().map(Concept::normalized).collect(Collectors.toSet());
        this.rule = rule != null ? rule : lower::contains;
    }

    /** The name {@code --concept} takes. */
    public String cliName() {
        return cliName;
    }

    /** The short ground-truth explanation, as an explainer would write it ("colour words"). */
    public String description() {
        return description;
    }

    /** The words (or characters) of the concept, as listed in its source. */
    public List<String> members() {
        return members;
    }

    /**
     * The ground truth with its members named: {@code colour words: 'red', 'blue', ...}. A simulator
     * that can only match words ({@link LexicalMatchSimulator}) needs the members spelled out.
     */
    public String explanation() {
        return description + ": " + TokenLookupExplainer.quoteAll(members);
    }

    /** Whether a subject-model token (leading space kept, as records store it) belongs to the concept. */
    public boolean matches(String token) {
        String text = normalized(token);
        return !text.isEmpty() && rule.test(text);
    }

    /** The concept {@code --concept} names. */
    public static Concept parse(String name) {
        for (Concept c : values()) {
            if (c.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("--concept " + name + ": unknown concept; the concepts are "
                + Arrays.stream(values()).map(Concept::cliName).collect(Collectors.joining(", ")));
    }

    static String normalized(String token) {
        return token.strip().toLowerCase(Locale.ROOT);
    }

    /** Each word of each entry: "Saudi Arabia" gives "Saudi" and "Arabia" (the tokens a name is written in). */
    private static List<String> words(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(Arrays.asList(n.split("\\s+")));
        }
        return out;
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
