package io.github.promptscope.data.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A premise / hypothesis pair about one subject's attributes, shared by toy-nli (English) and toy-ja
 * (Japanese), which only render it differently. Each label is drawn with probability 1/3:
 * entailment restates a premise attribute; contradiction negates one or names another value of its
 * group (red vs blue); neutral names (or negates) an attribute of a group the premise never mentions.
 *
 * @param premise the premise's attributes (distinct groups)
 * @param hypothesis the hypothesis's attribute
 * @param negated whether the hypothesis is negated ({@code is not red})
 */
record NliDraw(String subject, List<Attribute> premise, Attribute hypothesis, boolean negated, Label label) {

    enum Label { ENTAILMENT, CONTRADICTION, NEUTRAL }

    /** One attribute value: its group (colour, size, ...), the word, and the word's form before a negation. */
    record Attribute(String group, String value, String negatable) {}

    /** Reads {@code file}: group, value and, when {@code negatableColumn}, the negatable form. */
    static List<Attribute> attributes(String file, boolean negatableColumn) {
        int columns = negatableColumn ? 3 : 2;
        return ToyLists.rows(file, columns).stream()
                .map(r -> new Attribute(r.get(0), r.get(1), negatableColumn ? r.get(2) : r.get(1)))
                .toList();
    }

    static NliDraw draw(Random rng, List<String> subjects, List<Attribute> attributes, int maxPremise) {
        String subject = ToyLists.pick(rng, subjects);
        List<Attribute> premise = new ArrayList<>();
        int n = ToyLists.between(rng, 1, maxPremise);
        while (premise.size() < n) {
            Attribute a = ToyLists.pick(rng, attributes);
            if (premise.stream().noneMatch(p -> p.group().equals(a.group()))) {
                premise.add(a);
            }
        }
        Label label = Label.values()[rng.nextInt(3)];
        Attribute stated = ToyLists.pick(rng, premise);
        return switch (label) {
            case ENTAILMENT -> new NliDraw(subject, premise, stated, false, label);
            case CONTRADICTION -> {
                List<Attribute> rivals = attributes.stream()
                        .filter(a -> a.group().equals(stated.group()) && !a.value().equals(stated.value())).toList();
                yield rng.nextBoolean()
                        ? new NliDraw(subject, premise, stated, true, label)
                        : new NliDraw(subject, premise, ToyLists.pick(rng, rivals), false, label);
            }
            case NEUTRAL -> {
                List<Attribute> unrelated = attributes.stream()
                        .filter(a -> premise.stream().noneMatch(p -> p.group().equals(a.group()))).toList();
                yield new NliDraw(subject, premise, ToyLists.pick(rng, unrelated), rng.nextBoolean(), label);
            }
        };
    }
}
