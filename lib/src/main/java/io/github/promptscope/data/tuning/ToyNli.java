package io.github.promptscope.data.tuning;

import java.util.List;
import java.util.Random;

/**
 * toy-nli: {@code the cat is red and small .} + {@code the cat is not red .} → {@code true} /
 * {@code false} / {@code in between} (neutral is the one two-token label, like JSNLI's 中間).
 */
final class ToyNli implements ToyTask {

    private final List<String> subjects = ToyLists.words("nli_subjects.tsv");
    private final List<NliDraw.Attribute> attributes = NliDraw.attributes("nli_attributes.tsv", false);

    @Override
    public String name() {
        return "toy-nli";
    }

    @Override
    public String promptBefore() {
        return "two sentences:";
    }

    @Override
    public String promptBetween() {
        return "their relation:";
    }

    @Override
    public TuningExample example(Random rng) {
        NliDraw d = NliDraw.draw(rng, subjects, attributes, 2);
        return new TuningExample(premise(d) + " " + hypothesis(d), label(d.label()));
    }

    @Override
    public String corpusDocument(Random rng) {
        NliDraw d = NliDraw.draw(rng, subjects, attributes, 2);
        return switch (rng.nextInt(4)) {
            case 0 -> premise(d) + " " + hypothesis(d) + " relation: " + label(d.label());
            case 1 -> "premise: " + premise(d) + " hypothesis: " + hypothesis(d) + " the relation is "
                    + label(d.label()) + " .";
            case 2 -> "two sentences , " + premise(d) + " " + hypothesis(d) + " and their relation is "
                    + label(d.label()) + " .";
            default -> premise(d);
        };
    }

    static String label(NliDraw.Label label) {
        return switch (label) {
            case ENTAILMENT -> "true";
            case CONTRADICTION -> "false";
            case NEUTRAL -> "in between";
        };
    }

    private static String premise(NliDraw d) {
        List<String> values = d.premise().stream().map(NliDraw.Attribute::value).toList();
        return d.subject() + " is " + String.join(" and ", values) + " .";
    }

    private static String hypothesis(NliDraw d) {
        return d.subject() + " is " + (d.negated() ? "not " : "") + d.hypothesis().value() + " .";
    }
}
