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
            List.of(".", ",", ":", ";", "!", "?", "(", ")", "-", "/", "\"", "'")),
    // the concepts below were added for the neurons model's training corpus (NeuronTrainingCorpus);
    // ANIMALS, NUMBER_WORDS and CURRENCIES are held out of it, so they test what it learned
    ANIMALS("animals", "animal names", null, WordTable.read("animals.tsv", 2).column(0)),
    NUMBER_WORDS("number-words", "numbers written as words", null, listed("number-words")),
    CURRENCIES("currencies", "currency names", null, words(WordTable.read("countries.tsv", 3).column(2))),
    CAPITALS("capitals", "capital cities", null, words(WordTable.read("countries.tsv", 3).column(1))),
    FRENCH("french", "French words", null, words(WordTable.read("translations.tsv", 4).column(1))),
    GERMAN("german", "German words", null, words(WordTable.read("translations.tsv", 4).column(2))),
    SPANISH("spanish", "Spanish words", null, words(WordTable.read("translations.tsv", 4).column(3))),
    POSITIVE("positive", "positive adjectives", null, labelled("positive")),
    NEGATIVE("negative", "negative adjectives", null, labelled("negative")),
    FOODS("foods", "food words", null, listed("foods")),
    FAMILY("family", "family members and people", null, listed("family")),
    HOUSEHOLD("household", "household objects", null, listed("household")),
    NATURE("nature", "nature words", null, listed("nature")),
    ARITHMETIC("arithmetic", "arithmetic words", null, listed("arithmetic")),
    BODY("body", "body parts", null, listed("body")),
    VEHICLES("vehicles", "vehicles", null, listed("vehicles"));

    /** The five concepts planted since the first planted-neuron tests (numbers, colours, countries, plurals, punctuation). */
    public static final List<Concept> FIRST_FIVE = List.of(NUMBERS, COLOURS, COUNTRIES, PLURALS, PUNCTUATION);

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

    /**
     * The ground truth naming only some members, {@code colour words: 'red', 'green'} (just the
     * description when {@code quoted} is empty): the form the neurons model learned to write and read.
     */
    public String explanation(List<String> quoted) {
        return explanation(quoted, MemberForm.QUOTED);
    }

    /** The ground truth naming {@code members} in {@code form}: {@code colour words: red, green} for {@link MemberForm#LISTED}. */
    public String explanation(List<String> members, MemberForm form) {
        return members.isEmpty() ? description : description + ": " + form.write(members);
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

    /** The words of one concept of {@code data_utils/neuron_concepts.tsv}. */
    private static List<String> listed(String concept) {
        return WordTable.read("neuron_concepts.tsv", 2).rows().stream().filter(r -> r.get(0).equals(concept))
                .map(r -> r.get(1)).toList();
    }

    /** The adjectives of {@code data_utils/sentiment_words.tsv} with this label. */
    private static List<String> labelled(String label) {
        return WordTable.read("sentiment_words.tsv", 2).rows().stream().filter(r -> r.get(1).equals(label))
                .map(r -> r.get(0)).toList();
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
