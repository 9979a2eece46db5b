package io.github.promptscope.data.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * toy-topic: a bag of 3-5 keywords of one of 9 categories, sometimes one keyword of another, and
 * 3-6 noise words shared by all, shuffled; the answer is the category's name of one to three words
 * ({@code sports watch}, {@code it life hack}; after Livedoor's nine channels).
 */
final class ToyTopic implements ToyTask {

    private record Category(String name, List<String> keywords) {}

    private final List<Category> categories = ToyLists.rows("topics.tsv", 2).stream()
            .map(r -> new Category(r.get(0), Arrays.asList(r.get(1).split(",")))).toList();
    private final List<String> noise = ToyLists.words("noise_words.tsv");

    @Override
    public String name() {
        return "toy-topic";
    }

    @Override
    public String promptBefore() {
        return "news article:";
    }

    @Override
    public String promptBetween() {
        return "its topic:";
    }

    @Override
    public TuningExample example(Random rng) {
        Category c = ToyLists.pick(rng, categories);
        return new TuningExample(String.join(" ", bag(rng, c)), c.name());
    }

    @Override
    public String corpusDocument(Random rng) {
        Category c = ToyLists.pick(rng, categories);
        String words = String.join(" ", bag(rng, c));
        return switch (rng.nextInt(4)) {
            case 0 -> words + " topic: " + c.name();
            case 1 -> "this news article is about " + c.name() + " . " + words;
            case 2 -> words + " , so its topic is " + c.name() + " .";
            default -> "topic: " + c.name() + " . words: " + String.join(" ", ToyLists.sample(rng, c.keywords(), 4));
        };
    }

    private List<String> bag(Random rng, Category c) {
        List<String> words = new ArrayList<>(ToyLists.sample(rng, c.keywords(), ToyLists.between(rng, 3, 5)));
        if (rng.nextDouble() < 0.3) {
            Category other = ToyLists.pick(rng, categories.stream().filter(o -> o != c).toList());
            words.add(ToyLists.pick(rng, other.keywords()));
        }
        words.addAll(ToyLists.sample(rng, noise, ToyLists.between(rng, 3, 6)));
        Collections.shuffle(words, rng);
        return words;
    }
}
