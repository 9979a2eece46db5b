package io.github.promptscope.data.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * toy-summary: a 3-5 sentence "article" of events ({@code alice opened a bakery in rome .}), each about
 * a different person, then {@code the story is about bob .}; the answer is bob's sentence without its
 * period (at most 8 words). Scored by ROUGE-1/2/L F1: the other sentences share its frame, so a wrong
 * sentence still earns partial credit, as a summary would.
 */
final class ToySummary implements ToyTask {

    private final List<String> people = ToyLists.words("people.tsv");
    private final List<String> places = ToyLists.words("places.tsv");
    private final List<String> events = ToyLists.words("summary_events.tsv");

    @Override
    public String name() {
        return "toy-summary";
    }

    @Override
    public String promptBefore() {
        return "article body:";
    }

    @Override
    public String promptBetween() {
        return "its summary:";
    }

    @Override
    public boolean scoredByRouge() {
        return true;
    }

    @Override
    public TuningExample example(Random rng) {
        List<String> sentences = article(rng);
        int flagged = rng.nextInt(sentences.size());
        return new TuningExample(query(sentences, flagged), sentences.get(flagged));
    }

    @Override
    public String corpusDocument(Random rng) {
        List<String> sentences = article(rng);
        int flagged = rng.nextInt(sentences.size());
        String query = query(sentences, flagged);
        return switch (rng.nextInt(4)) {
            case 0 -> query + " summary: " + sentences.get(flagged);
            case 1 -> query + " in short , " + sentences.get(flagged) + " .";
            case 2 -> "the article body is long , its summary is short : " + sentences.get(flagged) + " .";
            default -> "summary: " + sentences.get(flagged) + " . article: " + String.join(" . ", sentences) + " .";
        };
    }

    /** Sentences without their periods, each about a different person. */
    private List<String> article(Random rng) {
        int n = ToyLists.between(rng, 3, 5);
        List<String> who = ToyLists.sample(rng, people, n);
        List<String> sentences = new ArrayList<>(n);
        for (String p : who) {
            sentences.add(p + " " + ToyLists.pick(rng, events) + " in " + ToyLists.pick(rng, places));
        }
        return sentences;
    }

    private static String query(List<String> sentences, int flagged) {
        String person = sentences.get(flagged).split(" ", 2)[0];
        return String.join(" . ", sentences) + " . the story is about " + person + " .";
    }
}
