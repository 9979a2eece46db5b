package io.github.promptscope.data.tuning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * toy-rcqa: a short story of 2-4 facts ({@code alice lives in new york . bob works in rome .}) and a
 * question about one of them ({@code where does alice live ?}); the answer is the place, one to
 * three words, so exact match is stricter than token accuracy. A person can appear in two facts
 * with different relations, so the question's verb matters, not only the name.
 */
final class ToyRcqa implements ToyTask {

    /** One fact and the question it answers. */
    private record Fact(String person, List<String> relation, String place) {
        String statement() {
            return person + " " + relation.get(0) + " " + place + " .";
        }

        String question() {
            return relation.get(1).replace("{x}", person);
        }
    }

    private final List<String> people = ToyLists.words("people.tsv");
    private final List<String> places = ToyLists.words("places.tsv");
    private final List<List<String>> relations = ToyLists.rows("rcqa_relations.tsv", 2);

    @Override
    public String name() {
        return "toy-rcqa";
    }

    @Override
    public String promptBefore() {
        return "story question:";
    }

    @Override
    public String promptBetween() {
        return "the answer:";
    }

    @Override
    public TuningExample example(Random rng) {
        List<Fact> facts = story(rng);
        Fact asked = ToyLists.pick(rng, facts);
        return new TuningExample(context(facts) + " " + asked.question(), asked.place());
    }

    @Override
    public String corpusDocument(Random rng) {
        List<Fact> facts = story(rng);
        Fact asked = ToyLists.pick(rng, facts);
        return switch (rng.nextInt(3)) {
            case 0 -> context(facts) + " question: " + asked.question() + " answer: " + asked.place();
            case 1 -> context(facts) + " " + asked.question() + " the answer is " + asked.place() + " .";
            default -> "question: " + asked.question() + " answer: " + asked.place() + " , because "
                    + asked.statement();
        };
    }

    /** 2-4 facts over at most three people, no (person, relation) twice. */
    private List<Fact> story(Random rng) {
        int n = ToyLists.between(rng, 2, 4);
        List<String> cast = ToyLists.sample(rng, people, 3);
        List<Fact> facts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        while (facts.size() < n) {
            String person = ToyLists.pick(rng, cast);
            List<String> relation = ToyLists.pick(rng, relations);
            if (used.add(person + "|" + relation.get(0))) {
                facts.add(new Fact(person, relation, ToyLists.pick(rng, places)));
            }
        }
        return facts;
    }

    private static String context(List<Fact> facts) {
        return String.join(" ", facts.stream().map(Fact::statement).toList());
    }
}
