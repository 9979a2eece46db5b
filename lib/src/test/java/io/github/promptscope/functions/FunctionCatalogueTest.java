package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers, each checked against python3 3.11 by hand: {@code (lambda n: n // 3)(-7)} etc. */
class FunctionCatalogueTest {

    private static String at(String key, long n) {
        return FunctionCatalogue.get(key).apply(n).str();
    }

    @Test
    void integerFunctionsFollowPythonFloorSemantics() {
        assertEquals("-3", at("int_div_3", -7));
        assertEquals("-2", at("int_div_4", -5));
        assertEquals("2", at("int_div_3", 7));
        assertEquals("1", at("mod_2", -3));
        assertEquals("2", at("mod_3", -7));
        assertEquals("0", at("mod_3", -99));
        assertEquals("-2", at("relu_neg2", -50));
        assertEquals("7", at("relu_neg2", 7));
        assertEquals("-97", at("affine_3x_2", -33));
        assertEquals("498", at("affine_neg5x_3", -99));
        assertEquals("12", at("negate", -12));
        assertEquals("0", at("negate", 0));
        assertEquals("-850", at("subtract_851", 1));
    }

    @Test
    void boolsPrintAsPythonDoes() {
        assertEquals("True", at("bool_geq_3", 3));
        assertEquals("False", at("bool_geq_3", 2));
        assertEquals("True", at("bool_mod_2", -4));
        assertEquals("False", at("bool_mod_2", -3));
    }

    @Test
    void floatsPrintWithPythonRepr() {
        assertEquals("7.0", at("float_mult_7_div_4", 4));
        assertEquals("-12.25", at("float_mult_7_div_4", -7));
        assertEquals("0.0", at("float_mult_7_div_4", 0));
        assertEquals("-148.5", at("float_mult_3_div_2", -99));
        assertEquals("1.5", at("float_mult_3_div_2", 1));
    }

    @Test
    void composingFloatsKeepsPythonTypes() {
        // python3: (lambda n: n // 3)(1 * 7 / 4) == 0.0 ; (lambda n: n % 2)(-7 * 3 / 2) == 1.5 ; -(0 * 7 / 4) == -0.0
        FunctionDefinition f = FunctionCatalogue.get("float_mult_7_div_4");
        assertEquals("0.0", FunctionCatalogue.get("int_div_3").apply(f.apply(1)).str());
        assertEquals("1.5", FunctionCatalogue.get("mod_2").apply(FunctionCatalogue.get("float_mult_3_div_2").apply(-7)).str());
        assertEquals("-0.0", FunctionCatalogue.get("negate").apply(f.apply(0)).str());
        assertEquals("-2", FunctionCatalogue.get("relu_neg2").apply(PyValue.of(-2L)).str());
        // max keeps the first of equal values: max(-2.0, -2) is -2.0
        assertEquals("-2.0", FunctionCatalogue.get("relu_neg2").apply(PyValue.of(-2.0)).str());
    }

    @Test
    void everyExperimentFunctionIsThereWithItsDescription() {
        for (String k : new String[] {"add_5", "multiply_3", "subtract_1", "mod_2", "int_div_3", "identity", "negate",
                "bool_geq_3", "bool_mod_2", "float_mult_7_div_4", "float_mult_3_div_2", "affine_3x_2", "affine_neg5x_3",
                "multiply_4", "add_14", "subtract_11", "int_div_4", "mod_3", "relu_neg2", "int_div_2", "add_195",
                "subtract_16", "add_883"}) {
            assertTrue(FunctionCatalogue.contains(k), k);
        }
        assertEquals(40, FunctionCatalogue.keys().size()); // Functions 19, int_div_2 of the pool, Functions-large 20
        FunctionDefinition f = FunctionCatalogue.get("bool_geq_3");
        assertEquals("Returns True if the input is greater than or equal to 3, False otherwise", f.languageDefinition());
        assertEquals("Comparison", f.attribute("function_class"));
        assertEquals("lambda n: n * 7 / 4", FunctionCatalogue.get("float_mult_7_div_4").pythonDefinition());
        assertEquals("Subtracts 851 from the input", FunctionCatalogue.get("subtract_851").languageDefinition());
    }

    @Test
    void anUnknownKeyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FunctionCatalogue.get("add_6"));
        assertTrue(e.getMessage().contains("unknown function \"add_6\""), e.getMessage());
    }
}
