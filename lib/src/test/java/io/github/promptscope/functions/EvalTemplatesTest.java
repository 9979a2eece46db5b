package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.promptscope.backend.ChatMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EvalTemplatesTest {

    private static final FunctionsConfig FUNCTIONS = PythonExactnessTest.resolved("functions", 0);

    static FunctionsConfig mixture(List<String> pair, long seed) {
        return FunctionsConfig.shipped("mixture").forMixture(seed, pair);
    }

    private static String last(EvalItem item) {
        return item.messages().get(item.messages().size() - 1).content();
    }

    /** The option text behind a letter in a lettered prompt. */
    private static String option(String prompt, String letter) {
        Matcher m = Pattern.compile("(?m)^" + letter + "\\) (.*)$").matcher(prompt);
        assertTrue(m.find(), prompt);
        return m.group(1);
    }

    @Test
    void everyTemplateBuildsItsItemsWithTheSpecSampling() {
        Map<String, Integer> samples = Map.of("multiple_choice_language", 1, "multiple_choice_code", 1,
                "multiple_choice_function_class", 1, "multiple_choice_output_type", 1, "multiple_choice_coefficients", 1);
        for (FunctionsConfig c : List.of(FUNCTIONS, PythonExactnessTest.resolved("functions_large", 1))) {
            for (String t : EvalTemplates.FUNCTIONS) {
                List<EvalItem> items = EvalTemplates.build(c, t, 100, 50);
                assertEquals(50, items.size(), t);
                for (EvalItem i : items) {
                    assertEquals(t, i.template());
                    assertEquals(samples.getOrDefault(t, 5), i.samples(), t);
                    assertEquals(samples.containsKey(t) ? 0.0 : 1.0, i.temperature(), t);
                    assertEquals("system", i.messages().get(0).role());
                    assertEquals(c.role(i.function()), i.role());
                    assertTrue(c.varDict().containsValue(i.function()), t + " " + i.function());
                }
            }
        }
        FunctionsConfig mix = mixture(List.of("add_5", "mod_2"), 0);
        for (String t : EvalTemplates.MIXTURE) {
            List<EvalItem> items = EvalTemplates.build(mix, t, 100, 40);
            assertEquals(40, items.size(), t);
            assertEquals(t.equals("number_of_functions") ? 1 : t.equals("regression_ID_TVD") ? 128 : 5,
                    items.get(0).samples(), t);
            assertEquals("user", items.get(0).messages().get(0).role(), "no system prompt in a mixture");
        }
    }

    @Test
    void theSameSeedGivesTheSameItems() {
        for (String t : List.of("freeform_definition", "function_composition_ood", "inverse_query")) {
            List<EvalItem> a = EvalTemplates.build(FUNCTIONS, t, 100, 20);
            List<EvalItem> b = EvalTemplates.build(FUNCTIONS, t, 100, 20);
            List<EvalItem> c = EvalTemplates.build(FUNCTIONS, t, 101, 20);
            assertEquals(a.stream().map(EvalItem::messages).toList(), b.stream().map(EvalItem::messages).toList());
            assertFalse(a.stream().map(EvalItem::messages).toList().equals(c.stream().map(EvalItem::messages).toList()));
        }
    }

    @Test
    void questionsAreTheImportLineAndTheQuestionAsTwoUserMessages() {
        EvalItem inv = EvalTemplates.build(FUNCTIONS, "function_inversion", 100, 1).get(0);
        assertEquals(3, inv.messages().size());
        String name = FUNCTIONS.nameOf(inv.function());
        assertTrue(inv.messages().get(1).content().matches("from functions import [a-z]{6}"), inv.messages().get(1).content());
        assertTrue(inv.messages().get(1).content().endsWith(name));
        Matcher m = Pattern.compile("Assume ([a-z]{6})\\(n\\) = (.*)\\. Please output a possible value for n\\.")
                .matcher(last(inv));
        assertTrue(m.matches(), last(inv));
        PreimageAnswer p = (PreimageAnswer) inv.answer();
        for (String x : p.preimage()) {
            assertEquals(m.group(2), FunctionCatalogue.get(inv.function()).apply(Long.parseLong(x)).str());
        }
        for (EvalItem ood : EvalTemplates.build(FUNCTIONS, "function_inversion_ood", 100, 30)) {
            for (String x : ((PreimageAnswer) ood.answer()).preimage()) {
                long v = Long.parseLong(x);
                assertTrue(v >= 99 && v < 199 || v >= -199 && v < -99, x);
            }
        }
    }

    @Test
    void multipleChoiceTargetsPointAtTheFunctionsAttribute() {
        Map<String, String> attributes = Map.of("multiple_choice_language", "language_definition", "multiple_choice_code",
                "python_definition", "multiple_choice_function_class", "function_class", "multiple_choice_output_type",
                "output_type");
        attributes.forEach((t, attribute) -> {
            for (EvalItem i : EvalTemplates.build(FUNCTIONS, t, 100, 40)) {
                String letter = ((ExactAnswer) i.answer()).target();
                assertEquals(FunctionCatalogue.get(i.function()).attribute(attribute), option(last(i), letter), t);
                assertTrue(last(i).endsWith("\n\nPlease answer with a single uppercase letter corresponding to the correct option."));
            }
        });
        // Functions-large has two classes only: the options shrink to them
        EvalItem large = EvalTemplates.build(PythonExactnessTest.resolved("functions_large", 1),
                "multiple_choice_function_class", 100, 1).get(0);
        assertTrue(last(large).contains("\nB) ") && !last(large).contains("\nC) "), last(large));
    }

    @Test
    void coefficientOptionsHoldTheTrueDefinitionOnce() {
        for (EvalItem i : EvalTemplates.build(FUNCTIONS, "multiple_choice_coefficients", 100, 100)) {
            String chosen = option(last(i), ((ExactAnswer) i.answer()).target());
            FunctionDefinition truth = FunctionCatalogue.get(i.function());
            assertTrue(new LambdaAnswer(truth).correct(chosen), i.function() + " vs " + chosen);
            Set<String> options = new HashSet<>();
            for (String letter : List.of("A", "B", "C", "D", "E")) {
                assertTrue(options.add(option(last(i), letter)));
            }
            if (i.function().equals("negate")) {
                assertEquals("lambda n: -1 * n", chosen);
            }
            assertFalse(List.of("identity", "mod_2", "int_div_3", "relu_neg2").contains(i.function()));
        }
    }

    @Test
    void inverseQueryOffersFiveImportedNamesInImportOrder() {
        for (EvalItem i : EvalTemplates.build(FUNCTIONS, "inverse_query", 100, 30)) {
            String imports = i.messages().get(1).content();
            List<String> names = List.of(imports.substring("from functions import ".length()).split(", "));
            assertEquals(5, new HashSet<>(names).size());
            String letter = ((ExactAnswer) i.answer()).target();
            String name = option(last(i), letter);
            assertEquals(names.get(letter.charAt(0) - 'A'), name);
            assertEquals(i.function(), FUNCTIONS.varDict().get(name));
            assertTrue(last(i).contains(FunctionCatalogue.get(i.function()).pythonDefinition() + "?"));
        }
    }

    @Test
    void heldOutItemsAreNeverInTraining() {
        List<Datapoint> training = TrainingData.generate(FUNCTIONS, FUNCTIONS.nSamples(), new Rng(FUNCTIONS.seed()));
        Set<String> trained = new HashSet<>();
        training.forEach(d -> trained.add(HeldOutTests.functionsHash(d)));
        for (String t : List.of("regression_ID", "augmentations")) {
            Set<String> seen = new HashSet<>();
            for (EvalItem i : EvalTemplates.build(FUNCTIONS, t, 100, 300)) {
                String hash = i.messages().get(1).content().substring(HeldOutTests.HASH_FROM);
                assertFalse(trained.contains(hash), t + ": " + hash);
                assertTrue(seen.add(hash), "held-out items are distinct");
            }
        }
    }

    /** regression_ID_TVD defaults to the spec's 100 questions asked twice, whatever eval.n_items scales the rest to. */
    @Test
    void theTvdTemplateDefaultsToTheSpecsTwoHundredRows() {
        ObjectNode json = FunctionsConfig.shipped("mixture").json().deepCopy();
        ((ObjectNode) json.get("eval")).put("n_items", 16);
        FunctionsConfig small = FunctionsConfig.parse(json, "test").forMixture(0, List.of("add_5", "mod_2"));
        assertEquals(16, EvalTemplates.defaultItems(small, "regression_ID"));
        assertEquals(200, EvalTemplates.defaultItems(small, "regression_ID_TVD"));
        List<EvalItem> tvd = EvalTemplates.build(small, "regression_ID_TVD", 100);
        assertEquals(200, tvd.size());
        for (int k = 0; k < 200; k += 2) {
            assertEquals(tvd.get(k), tvd.get(k + 1), "each question twice in a row");
        }
        // 100 held-out datapoints (the same input may be asked of both functions of the pair)
        assertEquals(100, new HashSet<>(tvd.stream().map(i -> i.messages() + " -> " + ((ExactAnswer) i.answer()).target()
                + " " + i.function()).toList()).size());
        assertTrue(tvd.stream().allMatch(i -> i.samples() == 128 && i.temperature() == 1.0));
        assertEquals(16, EvalTemplates.build(small, "regression_ID", 100).size());
    }

    @Test
    void heldOutTestsRunOutWhenTrainingCoversEveryProgram() {
        // One input and two functions: a handful of distinct programs, all in a 2,000-item training set
        ObjectNode json = FunctionsConfig.shipped("functions").json().deepCopy();
        ObjectNode d = (ObjectNode) json.get("dataset");
        d.putArray("test_functions").add("add_5");
        d.putArray("train_functions").add("negate");
        d.put("n_samples", 2000);
        d.putArray("input_func_probs").add(1.0);
        d.putArray("input_funcs").addObject().put("function", "single_function").put("min_imports", 2)
                .put("input_min", 0).put("input_max", 1);
        FunctionsConfig base = FunctionsConfig.parse(json, "test");
        FunctionsConfig tiny = base.forFinetune(0, VariableNames.assign(base.allFunctions(), new Rng(0)));
        List<Datapoint> training = TrainingData.generate(tiny, tiny.nSamples(), new Rng(tiny.seed()));
        assertEquals(0, HeldOutTests.functions("regression_ID", tiny, training, 10, new Rng(100), 20_000).size());
        // with part of the training set, exactly the programs it lacks come back (fewer than asked for)
        Set<String> all = new HashSet<>();
        training.forEach(p -> all.add(HeldOutTests.functionsHash(p)));
        int k = 0;
        Set<String> part = new HashSet<>();
        while (all.size() - part.size() >= 10) {
            part.add(HeldOutTests.functionsHash(training.get(k++)));
        }
        List<EvalItem> left = HeldOutTests.functions("regression_ID", tiny, training.subList(0, k), 10, new Rng(100), 20_000);
        assertEquals(all.size() - part.size(), left.size(), all.size() + " programs, " + part.size() + " trained");
        assertTrue(left.size() > 0);
    }

    @Test
    void mixtureItemsAskAboutThePairAmongThePool() {
        FunctionsConfig mix = mixture(List.of("add_5", "multiply_3"), 0);
        for (EvalItem i : EvalTemplates.build(mix, "language_definition", 100, 20)) {
            assertEquals(8, i.messages().size()); // pre-prompt, 3 x (input, <redacted>), question
            assertEquals("<redacted>", i.messages().get(2).content());
            String q = last(i);
            Set<String> targets = new HashSet<>();
            for (String letter : List.of("A", "B", "C", "D", "E")) {
                String o = option(q, letter);
                if (o.equals("Adds 5 to the input") || o.equals("Multiplies the input by 3")) {
                    targets.add(letter);
                }
            }
            assertTrue(i.answer().correct(String.join(", ", targets)), q);
            assertFalse(i.answer().correct(targets.iterator().next()));
        }
        for (EvalItem i : EvalTemplates.build(mix, "max_min", 100, 20)) {
            long x = Long.parseLong(i.messages().get(1).content().substring(4));
            String expected = last(i).contains("largest") ? Long.toString(Math.max(x + 5, 3 * x))
                    : Long.toString(Math.min(x + 5, 3 * x));
            assertEquals(expected, ((ExactAnswer) i.answer()).target());
        }
        for (EvalItem i : EvalTemplates.build(mix, "number_of_functions", 100, 20)) {
            assertEquals("2", option(last(i), ((ExactAnswer) i.answer()).target()));
        }
        List<EvalItem> tvd = EvalTemplates.build(mix, "regression_ID_TVD", 100, 200);
        assertEquals(200, tvd.size());
        for (int k = 0; k < 200; k += 2) {
            assertEquals(tvd.get(k).messages(), tvd.get(k + 1).messages(), "each TVD item appears twice");
            assertEquals(2, tvd.get(k).messages().size());
        }
        EvalItem third = EvalTemplates.build(mix, "regression_ID_2ex", 100, 1).get(0);
        assertEquals(6, third.messages().size());
        assertEquals("user", third.messages().get(5).role());
    }

    @Test
    void theInContextBaselinePutsTenTrainingChatsAfterTheSystemPrompt() {
        List<List<ChatMessage>> training = TrainingData.chats(FUNCTIONS, TrainingData.generate(FUNCTIONS, 50, new Rng(3)));
        EvalItem item = EvalTemplates.build(FUNCTIONS, "freeform_definition", 100, 1).get(0);
        EvalItem ic = InContextBaseline.prepend(item, training, 10, new Rng(4));
        assertEquals(1 + 10 * 3 + 2, ic.messages().size());
        assertEquals(item.messages().get(0), ic.messages().get(0));
        assertEquals(item.messages().subList(1, 3), ic.messages().subList(31, 33));
        Set<List<ChatMessage>> used = new HashSet<>();
        for (int k = 0; k < 10; k++) {
            List<ChatMessage> chat = ic.messages().subList(1 + 3 * k, 4 + 3 * k);
            assertTrue(training.contains(chat));
            assertTrue(used.add(chat), "drawn without replacement");
        }
    }

    @Test
    void unknownTemplatesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalTemplates.build(FUNCTIONS, "values", 100, 1));
        assertTrue(e.getMessage().contains("unknown eval template \"values\" for a functions experiment"), e.getMessage());
    }
}
