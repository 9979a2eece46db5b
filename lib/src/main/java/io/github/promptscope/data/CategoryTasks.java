package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Word lists of one semantic category each, laid out as the fMRI voxel datasets are (spec 3.4:
 * 15 words, the first 7 in, the last 8 out; {@link VoxelWords}). The paper's voxels are explained by
 * 6B-20B models that already know which words make a category; a model trained here has to learn it,
 * so these tasks (collection {@code categories}) are the voxels model's corpus, not a paper experiment.
 *
 * <p>Like a voxel's top words, a row is mostly the category with up to four distractors drawn from
 * the other categories, so a model learns to name the category a noisy list has most of.
 */
final class CategoryTasks {

    static final String COLLECTION = "categories";
    static final String FILE = "category_words.tsv";
    private static final int WORDS = 15;
    private static final int INPUT_WORDS = 7;
    private static final int MAX_DISTRACTORS = 4;

    private CategoryTasks() {
    }

    /** Category id (the line of {@value #FILE}), the noun its description uses, its recovery regex. */
    private record Category(String id, String noun, String keywords) {}

    private static final List<Category> CATEGORIES = List.of(
            new Category("colours", "colours", "colou?r|hue|shade"),
            new Category("animals", "animals", "animal|creature|beast|mammal"),
            new Category("numbers", "numbers", "number|numeral|count|digit"),
            new Category("body_parts", "body parts", "body|anatom|limb|organ"),
            new Category("food", "food", "food|eat|dish|meal|edible"),
            new Category("emotions", "emotions", "emotion|feeling|mood"),
            new Category("places", "places", "place|location|building|city"),
            new Category("tools", "tools", "tool|equipment"),
            new Category("weather", "weather", "weather|climate"),
            new Category("family", "family members", "family|relative|kin|parent"),
            new Category("clothing", "clothes", "cloth|garment|wear|apparel"),
            new Category("vehicles", "vehicles", "vehicle|transport"),
            new Category("furniture", "furniture", "furniture|furnish"),
            new Category("instruments", "musical instruments", "music|instrument"),
            new Category("sports", "sports", "sport|game|athlet"),
            new Category("jobs", "jobs", "job|profession|occupation"),
            new Category("plants", "plants", "plant|flower|tree|vegetation"),
            new Category("materials", "materials", "material|substance"),
            new Category("drinks", "drinks", "drink|beverage"),
            new Category("shapes", "shapes", "shape|geometr"),
            new Category("countries", "countries", "countr|nation"),
            new Category("subjects", "school subjects", "subject|lesson"));

    static List<Task> all() {
        List<Task> tasks = new ArrayList<>();
        for (Category c : CATEGORIES) {
            tasks.add(new Task(new TaskInfo("category_" + c.id(), COLLECTION, "The words are " + c.noun() + ".",
                    c.keywords(), "category word lists written for PromptScope (data_utils/" + FILE
                            + "), 15 words with up to 4 from other categories, laid out as a voxel's"),
                    ExampleTemplate.WORD_LIST, (n, seed) -> {
                        Vocabulary words = Vocabulary.of(c.id()); // once per dataset, not per row drawn
                        return RowSources.draw(rng -> row(words, rng)).rows(n, seed);
                    }));
        }
        return List.copyOf(tasks);
    }

    /** A category's words and every other category's, in file order. */
    record Vocabulary(List<String> own, List<String> others) {

        static Vocabulary of(String category) {
            List<String> own = null;
            List<String> others = new ArrayList<>();
            for (List<String> r : WordTable.read(FILE, 2).rows()) {
                List<String> words = List.of(r.get(1).split(" +"));
                if (r.get(0).equals(category)) {
                    own = words;
                } else {
                    others.addAll(words);
                }
            }
            if (own == null || own.size() < WORDS) {
                throw new DataException(DataFiles.DIR + "/" + FILE + ": category " + category
                        + " needs a line with at least " + WORDS + " words");
            }
            return new Vocabulary(own, List.copyOf(others));
        }
    }

    /** 11-15 words of the category and the rest from others, shuffled; the first 7 in, the last 8 out. */
    static Row row(Vocabulary words, SplittableRandom rng) {
        int distractors = rng.nextInt(MAX_DISTRACTORS + 1);
        List<String> drawn = new ArrayList<>(draw(words.own(), WORDS - distractors, rng));
        drawn.addAll(draw(words.others(), distractors, rng));
        shuffle(drawn, rng);
        return Row.of(String.join(" ", drawn.subList(0, INPUT_WORDS)),
                String.join(" ", drawn.subList(INPUT_WORDS, WORDS)));
    }

    /** k distinct items, in draw order. */
    private static List<String> draw(List<String> pool, int k, SplittableRandom rng) {
        List<String> copy = new ArrayList<>(pool);
        shuffle(copy, rng);
        return copy.subList(0, k);
    }

    private static void shuffle(List<String> xs, SplittableRandom rng) {
        for (int i = xs.size() - 1; i > 0; i--) {
            java.util.Collections.swap(xs, i, rng.nextInt(i + 1));
        }
    }
}
