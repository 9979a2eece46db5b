package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Language tasks in the iPrompt {@code Input: .. Answer:} layout (spec section 3.2), generated from
 * the word lists and tables in {@code data_utils/} because the original datasets cannot be fetched
 * here. Descriptions of the instruction-induction tasks are the task instructions of Honovich et al.
 * (2022), Table 1; keywords are iPrompt's recovery regexes.
 */
public final class LanguageTasks {

    static final String INDUCTION = "instruction induction (Honovich et al. 2022) task, regenerated from ";
    static final String ANLI = "stand-in for Super-NaturalInstructions ";

    private LanguageTasks() {
    }

    public static List<Task> all() {
        List<Task> tasks = new ArrayList<>();
        tasks.add(induction("first_word_letter", "Extract the first letter of the input word.", "first",
                "data_utils/words.tsv", RowSources.map(LanguageTasks::words, w -> w.substring(0, 1))));
        tasks.add(induction("second_word_letter", "Extract the second letter of the input word.", "second",
                "data_utils/words.tsv", RowSources.map(LanguageTasks::words, w -> w.substring(1, 2))));
        tasks.add(induction("letters_list", "Break the input word into letters, separated by spaces.",
                "list|sequence", "data_utils/words.tsv", RowSources.map(LanguageTasks::words, LanguageTasks::spaced)));
        tasks.add(induction("singular_to_plural", "Convert the input word to its plural form.", "sing|plural",
                "data_utils/plurals.tsv", RowSources.pairs("plurals.tsv", 2, 0, 1)));
        tasks.add(induction("antonyms", "Write a word that means the opposite of the input word.",
                "antonym|opposite", "data_utils/antonyms.tsv", RowSources.pairs("antonyms.tsv", 2, 0, 1)));
        tasks.add(induction("synonyms", "Write a word with a similar meaning to the input word.",
                "synonym|alternate|rephrase", "data_utils/synonyms.tsv", RowSources.pairs("synonyms.tsv", 2, 0, 1)));
        tasks.add(induction("num_to_verbal", "Write the number in English words.", "number|numeric",
                "numbers 0..9999 spelled by NumberWords", RowSources.draw(rng -> {
                    int x = rng.nextInt(10_000);
                    return Row.of(Integer.toString(x), NumberWords.of(x));
                })));
        tasks.add(induction("sum", "Sum the two given numbers.", "add|sum", "random numbers 0..99",
                RowSources.draw(rng -> {
                    int a = rng.nextInt(100);
                    int b = rng.nextInt(100);
                    return Row.of(a + " " + b, Integer.toString(a + b));
                })));
        tasks.add(induction("diff", "Subtract the second number from the first.", "difference|subtract",
                "random numbers 0..99, first >= second", RowSources.draw(rng -> {
                    int a = rng.nextInt(100);
                    int b = rng.nextInt(a + 1);
                    return Row.of(a + " " + b, Integer.toString(a - b));
                })));
        tasks.add(induction("larger_animal", "Write the larger of the two given animals.",
                "large|larger|bigger|biggest", "data_utils/animals.tsv", RowSources.draw(LanguageTasks::animalPair)));
        tasks.add(induction("taxonomy_animal", "Write all the animals that appear in the given list.", "animal",
                "data_utils/animals.tsv + data_utils/words.tsv", RowSources.draw(LanguageTasks::animalList)));
        for (String[] lang : new String[][] {{"fr", "French", "1"}, {"de", "German", "2"}, {"es", "Spanish", "3"}}) {
            tasks.add(induction("translation_en-" + lang[0], "Translate the word into " + lang[1] + ".", "translat",
                    "data_utils/translations.tsv", RowSources.pairs("translations.tsv", 4, 0,
                            Integer.parseInt(lang[2]))));
        }
        tasks.add(anli("country_capital", "task1146_country_capital",
                "Given a country name, return the name of its capital city.", "capital", 1));
        tasks.add(anli("country_currency", "task1147_country_currency",
                "Given a country name, return the currency used there.", "currency|money", 2));
        tasks.add(new Task(new TaskInfo("check_prime", "anli",
                "Answer Yes if the input number is a prime number, and No otherwise.", "prime",
                ANLI + "task092_check_prime_classification; numbers 2..999, answer words Yes/No chosen here"),
                ExampleTemplate.LANGUAGE, RowSources.draw(LanguageTasks::primeRow)));
        return List.copyOf(tasks);
    }

    private static Task induction(String name, String description, String keywords, String from, RowSource rows) {
        return new Task(new TaskInfo(name, "induction", description, keywords, INDUCTION + from),
                ExampleTemplate.LANGUAGE, rows);
    }

    private static Task anli(String name, String original, String description, String keywords, int column) {
        return new Task(new TaskInfo(name, "anli", description, keywords,
                ANLI + original + ", regenerated from data_utils/countries.tsv (description paraphrased)"),
                ExampleTemplate.LANGUAGE, RowSources.pairs("countries.tsv", 3, 0, column));
    }

    static List<String> words() {
        return WordTable.read("words.tsv", 1).column(0);
    }

    static String spaced(String word) {
        return word.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(" "));
    }

    /** Two animals whose typical masses differ at least tenfold, so the answer is not a matter of breed. */
    private static Row animalPair(SplittableRandom rng) {
        List<List<String>> animals = WordTable.read("animals.tsv", 2).rows();
        while (true) {
            List<String> a = RowSources.pick(animals, rng);
            List<String> b = RowSources.pick(animals, rng);
            double ma = Double.parseDouble(a.get(1));
            double mb = Double.parseDouble(b.get(1));
            if (Math.max(ma, mb) >= 10 * Math.min(ma, mb)) {
                return Row.of(a.get(0) + ", " + b.get(0), ma > mb ? a.get(0) : b.get(0));
            }
        }
    }

    /** Six words, two to four of them animals; the answer lists the animals in input order. */
    private static Row animalList(SplittableRandom rng) {
        List<String> animals = WordTable.read("animals.tsv", 2).column(0);
        List<String> objects = words();
        int nAnimals = 2 + rng.nextInt(3);
        List<String> chosenAnimals = distinct(animals, nAnimals, rng);
        List<String> chosenObjects = distinct(objects, 6 - nAnimals, rng);
        List<String> all = new ArrayList<>(chosenAnimals);
        all.addAll(chosenObjects);
        List<String> order = RowSources.shuffled(all, rng.nextLong());
        String answer = order.stream().filter(chosenAnimals::contains).collect(Collectors.joining(", "));
        return Row.of(String.join(", ", order), answer);
    }

    private static List<String> distinct(List<String> pool, int k, SplittableRandom rng) {
        return RowSources.shuffled(pool, rng.nextLong()).subList(0, k);
    }

    private static Row primeRow(SplittableRandom rng) {
        int x = 2 + rng.nextInt(998);
        boolean prime = IntStream.rangeClosed(2, (int) Math.sqrt(x)).noneMatch(d -> x % d == 0);
        return Row.of(Integer.toString(x), prime ? "Yes" : "No");
    }
}
