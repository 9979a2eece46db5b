package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MathTasksTest {

    private static Example find(Dataset d, String input) {
        return d.examples().stream().filter(e -> e.input().equals(input)).findFirst()
                .orElseThrow(() -> new AssertionError("no example with input " + input));
    }

    @Test
    void addTwoHasTheHundredDigitPairsInThePaperFormat() {
        Dataset d = Datasets.get("add_two", 1, 10_000);
        assertEquals(100, d.size());
        assertEquals(75, d.train().size());
        assertEquals(25, d.test().size());
        Set<String> inputs = new HashSet<>(d.inputs());
        assertEquals(100, inputs.size());
        Example e = find(d, "Given the input numbers 9 and 7, the answer is");
        assertEquals(" 16.\n\n", e.output());
        assertEquals("Given the input numbers 9 and 7, the answer is 16.\n\n", e.text());
        assertEquals("16", e.answer());
        assertEquals("Return the sum of the inputs.", d.description());
    }

    @Test
    void answersOfEveryTwoNumberTask() {
        String x = "Given the input numbers 3 and 8, the answer is";
        assertEquals(" 24.\n\n", find(Datasets.get("multiply_two", 0, 100), x).output());
        assertEquals(" 3/8.\n\n", find(Datasets.get("divide_two", 0, 100), x).output());
        assertEquals(" -5.\n\n", find(Datasets.get("subtract_two", 0, 100), x).output());
        assertEquals(" 8.\n\n", find(Datasets.get("max_two", 0, 100), x).output());
        assertEquals(" 3.\n\n", find(Datasets.get("first_two", 0, 100), x).output());
        // b may be zero: the original prints the unreduced string, no division happens.
        assertEquals(" 5/0.\n\n", find(Datasets.get("divide_two", 0, 100),
                "Given the input numbers 5 and 0, the answer is").output());
    }

    @Test
    void oneNumberTasksEnumerateTheTenDigits() {
        Dataset sq = Datasets.get("square_one", 3, 10_000);
        assertEquals(10, sq.size());
        assertEquals(" 49.\n\n", find(sq, "Given the input x is 7, the output f(x) is").output());
        assertEquals(" 18.\n\n", find(Datasets.get("double_one", 3, 10), "Given the input x is 9, the output f(x) is").output());
        assertEquals(" 34.\n\n", find(Datasets.get("fibonacci_one", 3, 10), "Given the input x is 9, the output f(x) is").output());
        assertEquals(" 0.\n\n", find(Datasets.get("fibonacci_one", 3, 10), "Given the input x is 0, the output f(x) is").output());
    }

    @Test
    void expOneMatchesNumpyRoundToTwoDecimals() {
        // python3 / numpy 2.4.6: [repr(float(np.round(np.exp(x), 2))) for x in range(10)]
        List<String> expected = List.of("1.0", "2.72", "7.39", "20.09", "54.6", "148.41", "403.43", "1096.63",
                "2980.96", "8103.08");
        Dataset d = Datasets.get("exp_one", 0, 10);
        for (int x = 0; x < 10; x++) {
            assertEquals(" " + expected.get(x) + ".\n\n",
                    find(d, "Given the input x is " + x + ", the output f(x) is").output());
        }
    }

    @Test
    void threeNumberTasksDrawRandomDigitsDeterministically() {
        Dataset a = Datasets.get("add_three", 5, 40);
        Dataset b = Datasets.get("add_three", 5, 40);
        assertEquals(a, b);
        assertEquals(40, a.size());
        for (Example e : a.examples()) {
            String[] nums = e.input().replace("Given the input numbers ", "").replace(", the answer is", "")
                    .replace("and ", "").split(", ");
            assertEquals(3, nums.length, e.input());
            int sum = 0;
            for (String s : nums) {
                int v = Integer.parseInt(s);
                assertTrue(v >= 0 && v < 10);
                sum += v;
            }
            assertEquals(" " + sum + ".\n\n", e.output());
        }
        assertTrue(a.inputs().get(0).startsWith("Given the input numbers "));
        assertTrue(a.inputs().get(0).matches("Given the input numbers \\d, \\d, and \\d, the answer is"));
    }

    @Test
    void seedChangesOrderNotContent() {
        Dataset s1 = Datasets.get("add_two", 1, 100);
        Dataset s2 = Datasets.get("add_two", 2, 100);
        assertNotEquals(s1.train(), s2.train());
        assertEquals(new HashSet<>(s1.examples()), new HashSet<>(s2.examples()));
    }

    @Test
    void largerDigitRangeForTheAblation() {
        Task t = MathTasks.get("add_two", 80).orElseThrow();
        Dataset d = t.dataset(7, 200);
        assertEquals(200, d.size());
        Set<Integer> seen = d.inputs().stream()
                .map(s -> Integer.parseInt(s.replaceAll(".*numbers (\\d+) and.*", "$1")))
                .collect(Collectors.toSet());
        assertTrue(seen.stream().anyMatch(v -> v >= 10), "some inputs above 9");
        assertTrue(seen.stream().allMatch(v -> v < 80));
    }

    @Test
    void fourteenMathTasksWithPaperKeywords() {
        List<TaskInfo> math = Datasets.list().stream().filter(i -> i.collection().equals("math")).toList();
        assertEquals(14, math.size());
        TaskInfo square = Datasets.task("square_one").info();
        assertTrue(square.keywordPattern().matcher("multiply it by itself").find());
        assertTrue(square.keywordPattern().matcher("x * x").find());
        assertTrue(Datasets.task("exp_one").info().keywordPattern().matcher("Exponentiate").find());
        assertTrue(Datasets.task("subtract_two").info().keywordPattern().matcher("a - b").find());
        assertTrue(!Datasets.task("add_two").info().keywordPattern().matcher("Return the product").find());
    }
}
