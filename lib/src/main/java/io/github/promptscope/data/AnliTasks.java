package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stand-ins for the paper's Super-NaturalInstructions ("ANLI") tasks beyond capital, currency and
 * prime (spec 3.2), generated from lists written for PromptScope in {@code data_utils/}. The task
 * definitions were not available here, so descriptions paraphrase them (the SQL one is the spec's
 * own replacement wording); each contains a match for the paper's recovery regex.
 */
final class AnliTasks {

    private static final String[] EMOTIONS = {"angry", "happy", "sad", "afraid", "excited", "anxious", "glad",
        "furious", "miserable", "relieved"};
    /** Equity-Evaluation-Corpus-style sentence frames; {@code {p}} is the person, {@code {e}} the emotion word. */
    private static final String[] FRAMES = {"{P} feels {e}.", "The situation makes {p} feel {e}.",
        "{P} made me feel {e}.", "I saw {p} in the market, looking {e}.", "{P} was {e} yesterday.",
        "The conversation with {p} left everyone {e}."};

    private AnliTasks() {
    }

    static List<Task> all() {
        List<Task> t = new ArrayList<>();
        t.add(task("evaluation_antonyms", "task1509_evalution_antonyms",
                "Given a word, generate its antonym, a word opposite in meaning to it.", "opposite|antonym",
                "data_utils/antonyms.tsv read right to left", RowSources.pairs("antonyms.tsv", 2, 1, 0)));
        t.add(task("question_to_sql", "task107_splash_question_to_sql",
                "Generate an SQL statement from a question asking for certain data.", "sql",
                "data_utils/sql_tables.tsv in four question templates", RowSources.draw(AnliTasks::sqlRow)));
        t.add(task("food_veg_nonveg", "task1191_food_veg_nonveg",
                "Given the name of an Indian dish, classify it as vegetarian or non vegetarian.",
                "vegetarian|vegan|meat", "data_utils/dishes.tsv", RowSources.pairs("dishes.tsv", 2, 0, 1)));
        t.add(task("gender_classifier", "task1336_peixian_equity_evaluation_corpus_gender_classifier",
                "Given a sentence about a person, identify the gender of that person: male or female.",
                "gender|fem|masc", "data_utils/people_gender.tsv in 6 sentence frames x 10 emotion words",
                RowSources.draw(AnliTasks::genderRow)));
        t.add(task("rhyme_generation", "task183_rhyme_generation",
                "Given a word, generate a word that rhymes with it exactly.", "rhyme|rhy",
                "data_utils/rhymes.tsv read right to left", RowSources.pairs("rhymes.tsv", 2, 1, 0)));
        t.add(task("identify_typo", "task088_identify_typo_verification",
                "The sentence contains a typo (swapped, missing, extra or replaced letter) in one word; output that misspelled word.",
                "mistake|typo|mistype|spell", "sentences of data_utils/negation.tsv and cause_effect.tsv, one word altered",
                RowSources.draw(AnliTasks::typoRow)));
        t.add(task("item_check_edible", "task1149_item_check_edible",
                "Given an item, answer Yes if it is edible and No otherwise.", "edible|eatable|safe to eat",
                "data_utils/edible.tsv", RowSources.pairs("edible.tsv", 2, 0, 1)));
        return List.copyOf(t);
    }

    private static Task task(String name, String original, String description, String keywords, String from,
            RowSource rows) {
        return new Task(new TaskInfo(name, "anli", description, keywords,
                LanguageTasks.ANLI + original + ", regenerated from " + from + " (description paraphrased)"),
                ExampleTemplate.LANGUAGE, rows);
    }

    private static final int[] THRESHOLDS = {5, 10, 20, 50, 100, 500, 1000};

    /** One of four question shapes over one table. */
    private static Row sqlRow(SplittableRandom rng) {
        List<String> r = RowSources.pick(WordTable.read("sql_tables.tsv", 4).rows(), rng);
        String table = r.get(0);
        String noun = r.get(1);
        String text = r.get(2);
        String num = r.get(3);
        int k = THRESHOLDS[rng.nextInt(THRESHOLDS.length)];
        return switch (rng.nextInt(4)) {
            case 0 -> Row.of("Find the " + text + " of all " + noun + ".", "SELECT " + text + " FROM " + table);
            case 1 -> Row.of("How many " + noun + " have a " + num + " greater than " + k + "?",
                    "SELECT count(*) FROM " + table + " WHERE " + num + " > " + k);
            case 2 -> Row.of("Find the " + text + " of the " + noun + " with the highest " + num + ".",
                    "SELECT " + text + " FROM " + table + " ORDER BY " + num + " DESC LIMIT 1");
            default -> Row.of("What is the average " + num + " of all " + noun + "?",
                    "SELECT avg(" + num + ") FROM " + table);
        };
    }

    private static Row genderRow(SplittableRandom rng) {
        List<String> person = RowSources.pick(WordTable.read("people_gender.tsv", 2).rows(), rng);
        String frame = FRAMES[rng.nextInt(FRAMES.length)];
        String sentence = frame.replace("{P}", InductionTasks.capital(person.get(0))).replace("{p}", person.get(0))
                .replace("{e}", EMOTIONS[rng.nextInt(EMOTIONS.length)]);
        return Row.of(sentence, person.get(1));
    }

    /** One word of at least four letters gets one of the four typo kinds; the answer is the altered word. */
    static Row typoRow(SplittableRandom rng) {
        List<String> sentences = InductionTasks.sentences();
        while (true) {
            String sentence = RowSources.pick(sentences, rng);
            List<String> long4 = InductionTasks.words(sentence).stream()
                    .filter(w -> w.length() >= 4 && w.chars().allMatch(Character::isLetter)).toList();
            if (long4.isEmpty()) {
                continue;
            }
            String word = RowSources.pick(long4, rng);
            String typo = typo(word, rng);
            if (typo.equals(word)) {
                continue;
            }
            return Row.of(sentence.replaceFirst("\\b" + word + "\\b", typo), typo);
        }
    }

    /** Swap two neighbouring inner letters, or drop, double or replace one; the first and last letters stay. */
    static String typo(String w, SplittableRandom rng) {
        int i = 1 + rng.nextInt(w.length() - 2); // never the first or last letter
        return switch (rng.nextInt(4)) {
            case 0 -> {
                int j = Math.min(i, w.length() - 3); // swap two inner letters, the last one stays
                yield w.substring(0, j) + w.charAt(j + 1) + w.charAt(j) + w.substring(j + 2);
            }
            case 1 -> w.substring(0, i) + w.substring(i + 1);
            case 2 -> w.substring(0, i) + w.charAt(i) + w.substring(i);
            default -> w.charAt(i) < 'a' || w.charAt(i) > 'z' ? w.substring(0, i) + w.substring(i + 1)
                    : w.substring(0, i) + (char) ('a' + (w.charAt(i) - 'a' + 1 + rng.nextInt(25)) % 26) + w.substring(i + 1);
        };
    }
}
