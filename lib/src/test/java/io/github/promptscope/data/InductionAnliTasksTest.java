package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The issue-11 instruction-induction tasks and ANLI stand-ins: registered, deterministic, in the spec's formats. */
class InductionAnliTasksTest {

    static final List<String> INDUCTION = List.of("cause_and_effect", "negation", "rhymes", "informal_to_formal",
            "active_to_passive", "sentence_similarity", "word_in_context", "common_concept", "orthography_starts_with");
    static final List<String> ANLI = List.of("evaluation_antonyms", "question_to_sql", "food_veg_nonveg",
            "gender_classifier", "rhyme_generation", "identify_typo", "item_check_edible");

    private static Map<String, String> answers(String task) {
        return Datasets.get(task, 0, 10_000).examples().stream()
                .collect(Collectors.toMap(Example::input, InductionAnliTasksTest::out, (a, b) -> a));
    }

    @Test
    void registeredInTheirCollectionsDeterministicAndTheTruthMatchesItsRegex() {
        for (String name : INDUCTION) {
            assertEquals("induction", Datasets.task(name).info().collection(), name);
        }
        for (String name : ANLI) {
            assertEquals("anli", Datasets.task(name).info().collection(), name);
        }
        for (String name : concat(INDUCTION, ANLI)) {
            TaskInfo info = Datasets.task(name).info();
            assertTrue(info.keywordPattern().matcher(info.description()).find(), name + ": " + info.description());
            Dataset a = Datasets.get(name, 5, 40);
            assertEquals(a, Datasets.get(name, 5, 40), name);
            assertNotEquals(a.train(), Datasets.get(name, 6, 40).train(), name + ": another seed, another order");
            assertTrue(a.size() >= 30, name + " has " + a.size());
            for (Example e : a.examples()) {
                assertTrue(e.input().startsWith("Input: ") && e.input().endsWith(" Answer:"), e.input());
                assertTrue(e.output().startsWith(" ") && e.output().endsWith("\n\n"), e.output());
            }
        }
        // induction first, then the ANLI stand-ins, as the listing groups them
        List<String> order = Datasets.list().stream().map(TaskInfo::name).toList();
        assertTrue(order.indexOf("orthography_starts_with") < order.indexOf("country_capital"));
        assertTrue(order.indexOf("check_prime") < order.indexOf("evaluation_antonyms"));
    }

    @Test
    void literalRows() {
        assertEquals("The soda was left open overnight.",
                answers("cause_and_effect").get("Input: Sentence 1: The soda went flat. Sentence 2: The soda was left open overnight. Answer:"));
        assertEquals("The door is not locked.", answers("negation").get("Input: The door is locked. Answer:"));
        assertEquals("hat", answers("rhymes").get("Input: cat Answer:"));
        assertEquals("I do not know.", answers("informal_to_formal").get("Input: I dunno. Answer:"));
        assertEquals("4 - almost perfectly", answers("sentence_similarity")
                .get("Input: Sentence 1: A child is reading a book. Sentence 2: A young boy is reading a story book. Answer:"));
        assertEquals("not the same", answers("word_in_context").get(
                "Input: Sentence 1: She sat on the bank of the river. Sentence 2: He deposited money at the bank. Word: bank Answer:"));
        assertEquals("hot", answers("evaluation_antonyms").get("Input: cold Answer:"));
        assertEquals("SELECT title FROM products", answers("question_to_sql").get("Input: Find the title of all products. Answer:"));
        assertEquals("SELECT count(*) FROM employees WHERE salary > 50",
                answers("question_to_sql").get("Input: How many employees have a salary greater than 50? Answer:"));
        assertEquals("SELECT name FROM cities ORDER BY population DESC LIMIT 1",
                answers("question_to_sql").get("Input: Find the name of the cities with the highest population. Answer:"));
        assertEquals("vegetarian", answers("food_veg_nonveg").get("Input: palak paneer Answer:"));
        assertEquals("non vegetarian", answers("food_veg_nonveg").get("Input: butter chicken Answer:"));
        assertEquals("cat", answers("rhyme_generation").get("Input: hat Answer:"));
        assertEquals("Yes", answers("item_check_edible").get("Input: apple Answer:"));
        assertEquals("No", answers("item_check_edible").get("Input: stone Answer:"));
    }

    @Test
    void generatedRowsFollowTheirRule() {
        for (Example e : Datasets.get("active_to_passive", 1, 100).examples()) {
            String in = e.input().substring("Input: ".length(), e.input().length() - " Answer:".length());
            // "The teacher opened the window." -> "The window was opened by the teacher."
            assertTrue(out(e).matches("The .+ was \\w+ by the .+\\."), out(e));
            String agent = out(e).replaceAll(".* by (the .+)\\.$", "$1");
            assertTrue(in.startsWith("T" + agent.substring(1) + " "), in + " / " + agent);
        }
        for (Example e : Datasets.get("orthography_starts_with", 1, 100).examples()) {
            String letter = e.input().replaceAll(".*\\[(.)\\] Answer:$", "$1");
            for (String w : out(e).split(", ")) {
                assertTrue(w.toLowerCase().startsWith(letter), e.input() + " -> " + out(e));
                assertTrue(e.input().contains(w), w);
            }
        }
        for (Example e : Datasets.get("gender_classifier", 1, 100).examples()) {
            assertTrue(out(e).equals("male") || out(e).equals("female"), out(e));
        }
        for (Example e : Datasets.get("identify_typo", 1, 100).examples()) {
            // exactly one word differs from one of the source sentences, and that word is the answer
            List<String> typed = InductionTasks.words(e.input().substring("Input: ".length(),
                    e.input().length() - " Answer:".length()));
            boolean found = false;
            for (String s : InductionTasks.sentences()) {
                List<String> orig = InductionTasks.words(s);
                if (orig.size() != typed.size()) {
                    continue;
                }
                List<Integer> diff = java.util.stream.IntStream.range(0, orig.size())
                        .filter(i -> !orig.get(i).equals(typed.get(i))).boxed().toList();
                if (diff.size() == 1 && typed.get(diff.get(0)).equals(out(e))) {
                    found = true;
                    String w = orig.get(diff.get(0));
                    assertTrue(Math.abs(w.length() - out(e).length()) <= 1, w + " -> " + out(e));
                    assertEquals(w.charAt(0), out(e).charAt(0));
                }
            }
            assertTrue(found, e.input());
        }
        for (Example e : Datasets.get("common_concept", 1, 100).examples()) {
            String members = e.input().substring("Input: ".length(), e.input().length() - " Answer:".length());
            List<String> row = WordTable.read("common_concepts.tsv", 2).rows().stream()
                    .filter(r -> r.get(0).equals(out(e))).findFirst().orElseThrow();
            assertTrue(List.of(row.get(1).split(",\\s*")).containsAll(List.of(members.split(", "))), e.input());
        }
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            String t = AnliTasks.typo("garden", rng);
            assertTrue(t.startsWith("g") && t.endsWith("n") && Math.abs(t.length() - 6) <= 1, t);
        }
    }

    @Test
    void tablesHaveOneAnswerPerInput() {
        for (String[] t : new String[][] {{"rhymes.tsv", "0"}, {"rhymes.tsv", "1"}, {"antonyms.tsv", "1"},
            {"negation.tsv", "0"}, {"informal_formal.tsv", "0"}, {"dishes.tsv", "0"}, {"edible.tsv", "0"}}) {
            List<String> col = WordTable.read(t[0], 2).column(Integer.parseInt(t[1]));
            assertEquals(col.size(), new HashSet<>(col).size(), t[0] + " column " + t[1] + " repeats an entry");
        }
    }

    /** The answer as written: the output without its leading space and closing blank line. */
    private static String out(Example e) {
        return e.output().strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
