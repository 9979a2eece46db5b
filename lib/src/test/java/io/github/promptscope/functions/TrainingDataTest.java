package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.backend.ChatMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

    private static final FunctionsConfig FUNCTIONS = PythonExactnessTest.resolved("functions", 0);

    @Test
    void theSameSeedGivesTheSameChats() {
        List<List<ChatMessage>> a = TrainingData.chats(FUNCTIONS, TrainingData.generate(FUNCTIONS, 500, new Rng(4)));
        List<List<ChatMessage>> b = TrainingData.chats(FUNCTIONS, TrainingData.generate(FUNCTIONS, 500, new Rng(4)));
        assertEquals(a, b);
        assertNotEquals(a, TrainingData.chats(FUNCTIONS, TrainingData.generate(FUNCTIONS, 500, new Rng(5))));
    }

    @Test
    void importLinesHoldTheCalledNamesAndAreDeduplicated() {
        Pattern call = Pattern.compile("([a-z]{6})\\(");
        Set<Integer> sizes = new HashSet<>();
        for (Datapoint d : TrainingData.generate(FUNCTIONS, 3000, new Rng(6))) {
            String code = d.prompt().get(0).content();
            String first = code.substring(0, code.indexOf('\n'));
            List<String> imported = List.of(first.substring("from functions import ".length()).split(", "));
            assertEquals(imported.size(), new HashSet<>(imported).size(), first);
            sizes.add(imported.size());
            Matcher m = call.matcher(code.substring(first.length()));
            while (m.find()) {
                assertTrue(imported.contains(m.group(1)), code);
            }
            assertTrue(code.contains("\n\nprint("), code);
            // test functions are only ever called in plain regression
            if (!d.generator().equals("single_function")) {
                assertEquals(FunctionRole.TRAIN, FUNCTIONS.role(d.function()), code);
                assertTrue(d.function2().isEmpty() || FUNCTIONS.role(d.function2()) == FunctionRole.TRAIN);
                assertTrue(!d.target().equals("True") && !d.target().equals("False"));
            }
        }
        assertEquals(Set.of(1, 2), sizes, "min_imports 2 drawn with replacement can collapse to one name");
    }

    @Test
    void generatorsAndBindingsAppearAtTheSpecsRates() {
        Map<String, Integer> kinds = new HashMap<>();
        int bound = 0;
        int regression = 0;
        List<Datapoint> points = TrainingData.generate(FUNCTIONS, 12_000, new Rng(8));
        for (Datapoint d : points) {
            kinds.merge(d.generator(), 1, Integer::sum);
            if (d.generator().equals("single_function")) {
                regression++;
                String code = d.prompt().get(0).content();
                if (code.contains("\n\nx = ") || code.contains("\n\na = ")) {
                    bound++;
                }
            }
        }
        // expected 6000 regression and 2000 per augmentation mode; bounds at more than 6 standard deviations
        assertTrue(Math.abs(kinds.get("single_function") - 6000) < 330, kinds.toString());
        for (String mode : List.of("False", "chain", "add_subtract")) {
            assertTrue(Math.abs(kinds.get(mode) - 2000) < 270, kinds.toString());
        }
        assertTrue(Math.abs(bound - regression / 2) < 240, bound + " of " + regression);
    }

    @Test
    void mixtureChatsUseOneFunctionOfThePairForAllThreeTurns() {
        FunctionsConfig mix = FunctionsConfig.shipped("mixture").forMixture(0, List.of("int_div_2", "mod_2"));
        assertEquals(null, mix.systemPrompt());
        Set<String> formats = new HashSet<>();
        for (Datapoint d : TrainingData.generate(mix, 400, new Rng(1))) {
            List<ChatMessage> chat = d.chat(mix.systemPrompt());
            assertEquals(7, chat.size());
            assertTrue(MixtureChats.PRE_PROMPTS.contains(chat.get(0).content()));
            FunctionDefinition f = FunctionCatalogue.get(d.function());
            assertTrue(List.of("int_div_2", "mod_2").contains(f.key()));
            boolean xy = chat.get(1).content().startsWith("x = ");
            formats.add(xy ? "x_y" : "none");
            for (int k = 0; k < 3; k++) {
                String in = chat.get(1 + 2 * k).content();
                long x = Long.parseLong(xy ? in.substring(4) : in);
                assertTrue(x >= -99 && x < 99);
                assertEquals((xy ? "y = " : "") + f.apply(x).str(), chat.get(2 + 2 * k).content());
            }
        }
        assertEquals(Set.of("x_y", "none"), formats);
    }
}
