package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LanguageTasksTest {

    private static Map<String, String> answers(String task) {
        return Datasets.get(task, 0, 10_000).examples().stream()
                .collect(Collectors.toMap(Example::input, Example::answer, (a, b) -> a));
    }

    @Test
    void languageLayoutIsThePapers() {
        Example e = ExampleTemplate.LANGUAGE.format("cat", "c");
        assertEquals("Input: cat Answer:", e.input());
        assertEquals(" c\n\n", e.output());
        assertEquals("Input: cat Answer: c\n", e.text());
    }

    @Test
    void wordTasksComputeTheirAnswers() {
        assertEquals("p", answers("first_word_letter").get("Input: piano Answer:"));
        assertEquals("i", answers("second_word_letter").get("Input: piano Answer:"));
        assertEquals("p i a n o", answers("letters_list").get("Input: piano Answer:"));
        assertEquals("mice", answers("singular_to_plural").get("Input: mouse Answer:"));
        assertEquals("cold", answers("antonyms").get("Input: hot Answer:"));
        assertEquals("purchase", answers("synonyms").get("Input: buy Answer:"));
        assertEquals("Hund", answers("translation_en-de").get("Input: dog Answer:"));
        assertEquals("perro", answers("translation_en-es").get("Input: dog Answer:"));
        assertEquals("chien", answers("translation_en-fr").get("Input: dog Answer:"));
        assertEquals("Canberra", answers("country_capital").get("Input: Australia Answer:"));
        assertEquals("yen", answers("country_currency").get("Input: Japan Answer:"));
    }

    @Test
    void tablesHaveOneAnswerPerInput() {
        for (String file : List.of("plurals.tsv", "antonyms.tsv", "synonyms.tsv")) {
            List<String> inputs = WordTable.read(file, 2).column(0);
            assertEquals(inputs.size(), new HashSet<>(inputs).size(), file + " repeats an input");
            assertTrue(inputs.size() >= 50, file + " has " + inputs.size() + " rows");
        }
        List<String> words = LanguageTasks.words();
        assertEquals(words.size(), new HashSet<>(words).size());
        List<String> animals = WordTable.read("animals.tsv", 2).column(0);
        assertTrue(words.stream().noneMatch(animals::contains), "words.tsv must hold no animals");
    }

    @Test
    void numberTasks() {
        assertEquals("twenty-six", NumberWords.of(26));
        assertEquals("five thousand, four hundred sixty-eight", NumberWords.of(5468));
        assertEquals("one hundred", NumberWords.of(100));
        assertEquals("zero", NumberWords.of(0));
        assertEquals("nine thousand", NumberWords.of(9000));
        for (Example e : Datasets.get("sum", 4, 50).examples()) {
            String[] ab = e.input().replace("Input: ", "").replace(" Answer:", "").split(" ");
            assertEquals(Integer.parseInt(ab[0]) + Integer.parseInt(ab[1]), Integer.parseInt(e.answer()));
        }
        for (Example e : Datasets.get("diff", 4, 50).examples()) {
            String[] ab = e.input().replace("Input: ", "").replace(" Answer:", "").split(" ");
            assertEquals(Integer.parseInt(ab[0]) - Integer.parseInt(ab[1]), Integer.parseInt(e.answer()));
        }
        Map<String, String> prime = answers("check_prime");
        prime.forEach((in, out) -> {
            int x = Integer.parseInt(in.replaceAll("\\D", ""));
            boolean isPrime = x > 1 && java.math.BigInteger.valueOf(x).isProbablePrime(50);
            assertEquals(isPrime ? "Yes" : "No", out, in);
        });
    }

    @Test
    void animalTasksPickTheLargerAndTheAnimals() {
        Map<String, Double> mass = WordTable.read("animals.tsv", 2).rows().stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> Double.parseDouble(r.get(1))));
        Dataset larger = Datasets.get("larger_animal", 9, 100);
        assertEquals(100, larger.size());
        for (Example e : larger.examples()) {
            String[] pair = e.input().replace("Input: ", "").replace(" Answer:", "").split(", ");
            String expected = mass.get(pair[0]) > mass.get(pair[1]) ? pair[0] : pair[1];
            assertEquals(expected, e.answer());
        }
        for (Example e : Datasets.get("taxonomy_animal", 9, 30).examples()) {
            List<String> items = List.of(e.input().replace("Input: ", "").replace(" Answer:", "").split(", "));
            assertEquals(6, items.size());
            String expected = items.stream().filter(mass::containsKey).collect(Collectors.joining(", "));
            assertEquals(expected, e.answer());
        }
    }

    @Test
    void syntheticSentimentUsesTheClassificationLayout() {
        Dataset d = Datasets.get("sentiment_words", 1, 40);
        assertEquals(40, d.size());
        Example e = d.examples().get(0);
        assertTrue(e.input().startsWith("Input: ") && e.input().endsWith("  Output:"), e.input());
        assertTrue(e.output().equals(" positive\n") || e.output().equals(" negative\n"));
        assertEquals(e.input() + e.output() + "\n\n", e.text());
        assertEquals(SentimentTasks.BINARY_DESCRIPTION, d.description());
    }

    @Test
    void unknownTaskListsKnownOnes() {
        DataException ex = assertThrows(DataException.class, () -> Datasets.get("add_too", 0, 10));
        assertTrue(ex.getMessage().contains("unknown task \"add_too\""));
        assertTrue(ex.getMessage().contains("add_two"));
        assertTrue(ex.getMessage().contains("antonyms"));
        assertThrows(DataException.class, () -> Datasets.get("add_two", 0, 0));
    }

    @Test
    void everyTaskGeneratesDeterministically() {
        for (TaskInfo info : Datasets.list()) {
            Dataset a = Datasets.get(info.name(), 11, 30);
            assertEquals(a, Datasets.get(info.name(), 11, 30), info.name());
            assertTrue(a.size() >= 10, info.name() + " has " + a.size());
            assertTrue(!info.description().isBlank() && !info.source().isBlank(), info.name());
        }
    }
}
