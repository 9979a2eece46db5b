package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The sentence-level instruction-induction tasks (Honovich et al. 2022; iPrompt spec 3.2), generated
 * from lists written for PromptScope in {@code data_utils/}. Inputs and outputs follow the original
 * tasks' formats ({@code Sentence 1: .. Sentence 2: ..}, {@code [m]} for a letter, {@code 0 - definitely
 * not} .. {@code 5 - perfectly}); descriptions are the tasks' instructions, reworded where the paper's
 * recovery regex would not find the original wording (orthography_starts_with).
 */
final class InductionTasks {

    private InductionTasks() {
    }

    static List<Task> all() {
        List<Task> t = new ArrayList<>();
        t.add(task("cause_and_effect", "Find which of the two given cause and effect sentences is the cause.",
                "caus|effect|reason", "data_utils/cause_effect.tsv", RowSources.draw(InductionTasks::causeRow)));
        t.add(task("negation", "Write the negation of the input sentence.", "negation|opposite",
                "data_utils/negation.tsv", RowSources.pairs("negation.tsv", 2, 0, 1)));
        t.add(task("rhymes", "Write a word that rhymes with the input word.", "rhyme", "data_utils/rhymes.tsv",
                RowSources.pairs("rhymes.tsv", 2, 0, 1)));
        t.add(task("informal_to_formal", "Rephrase the sentence in formal language.",
                "formal|informal|polite|impolite", "data_utils/informal_formal.tsv",
                RowSources.pairs("informal_formal.tsv", 2, 0, 1)));
        t.add(task("active_to_passive", "Write the input sentence in passive form.", "active|passive",
                "data_utils/active_passive.tsv (agent of one row, action of another)",
                RowSources.draw(InductionTasks::passiveRow)));
        t.add(task("sentence_similarity",
                "Rate the semantic similarity of two input sentences on a scale of 0 - definitely not to 5 - perfectly.",
                "similarity|same|same meaning|same meaning as", "data_utils/sentence_similarity.tsv",
                (n, seed) -> RowSources.shuffled(WordTable.read("sentence_similarity.tsv", 3).rows(), seed).stream()
                        .limit(n).map(r -> Row.of("Sentence 1: " + r.get(0) + " Sentence 2: " + r.get(1), r.get(2)))
                        .toList()));
        t.add(task("word_in_context",
                "Determine whether an input word has the same meaning in the two input sentences.",
                "same|same meaning|same meaning as", "data_utils/word_in_context.tsv",
                (n, seed) -> RowSources.shuffled(WordTable.read("word_in_context.tsv", 4).rows(), seed).stream()
                        .limit(n).map(r -> Row.of("Sentence 1: " + r.get(1) + " Sentence 2: " + r.get(2)
                                + " Word: " + r.get(0), r.get(3))).toList()));
        t.add(task("common_concept", "Find a common characteristic for the given objects.",
                "common|shared|same|concept|meaning|idea", "data_utils/common_concepts.tsv",
                RowSources.draw(InductionTasks::conceptRow)));
        t.add(task("orthography_starts_with",
                "List every word of the input sentence whose spelling starts with the given letter.",
                "orthography|starts with", "sentences of data_utils/negation.tsv and data_utils/cause_effect.tsv",
                RowSources.draw(InductionTasks::startsWithRow)));
        return List.copyOf(t);
    }

    private static Task task(String name, String description, String keywords, String from, RowSource rows) {
        return new Task(new TaskInfo(name, "induction", description, keywords, LanguageTasks.INDUCTION + from),
                ExampleTemplate.LANGUAGE, rows);
    }

    /** Cause and effect in random order; the answer is the cause. */
    private static Row causeRow(SplittableRandom rng) {
        List<String> r = RowSources.pick(WordTable.read("cause_effect.tsv", 2).rows(), rng);
        boolean causeFirst = rng.nextBoolean();
        String a = causeFirst ? r.get(0) : r.get(1);
        String b = causeFirst ? r.get(1) : r.get(0);
        return Row.of("Sentence 1: " + a + " Sentence 2: " + b, r.get(0));
    }

    /** {@code The teacher opened the window.} → {@code The window was opened by the teacher.} */
    private static Row passiveRow(SplittableRandom rng) {
        List<List<String>> rows = WordTable.read("active_passive.tsv", 4).rows();
        String agent = RowSources.pick(rows, rng).get(0);
        List<String> action = RowSources.pick(rows, rng);
        return Row.of(capital(agent) + " " + action.get(1) + " " + action.get(3) + ".",
                capital(action.get(3)) + " was " + action.get(2) + " by " + agent + ".");
    }

    /** Three or four members of one concept; the answer is the concept. */
    private static Row conceptRow(SplittableRandom rng) {
        List<String> r = RowSources.pick(WordTable.read("common_concepts.tsv", 2).rows(), rng);
        List<String> members = List.of(r.get(1).split(",\\s*"));
        int k = 3 + rng.nextInt(2);
        return Row.of(String.join(", ", RowSources.shuffled(members, rng.nextLong()).subList(0, k)), r.get(0));
    }

    static List<String> sentences() {
        List<String> s = new ArrayList<>(WordTable.read("negation.tsv", 2).column(0));
        for (List<String> r : WordTable.read("cause_effect.tsv", 2).rows()) {
            s.addAll(r);
        }
        return s;
    }

    /** {@code The soda went flat. [s]} → {@code soda}: the words (punctuation dropped) starting with the letter. */
    private static Row startsWithRow(SplittableRandom rng) {
        String sentence = RowSources.pick(sentences(), rng);
        List<String> words = words(sentence);
        String letter = RowSources.pick(words, rng).substring(0, 1).toLowerCase(Locale.ROOT);
        String answer = words.stream().filter(w -> w.toLowerCase(Locale.ROOT).startsWith(letter))
                .collect(Collectors.joining(", "));
        return Row.of(sentence + " [" + letter + "]", answer);
    }

    /** The sentence's words without surrounding punctuation. */
    static List<String> words(String sentence) {
        List<String> out = new ArrayList<>();
        for (String w : sentence.split("\\s+")) {
            String bare = w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!bare.isEmpty()) {
                out.add(bare);
            }
        }
        return out;
    }

    static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
