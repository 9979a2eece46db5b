package io.github.promptscope.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerChecksTest {

    @Test
    void exactMatchIsByteForByteAndDistanceReadsPythonFloats() {
        ExactAnswer a = new ExactAnswer("-12.25");
        assertTrue(a.correct("-12.25"));
        assertFalse(a.correct("-12.25 "));
        assertFalse(a.correct("-12.250"));
        assertEquals(Optional.of("-12.25"), a.exactTarget());
        assertEquals(0.25, a.absDistance(" -12.0\n"), 0.0);
        assertEquals(988.0, a.absDistance("97_5.75"), 0.0);
        assertTrue(Double.isNaN(a.absDistance("twelve")));
        assertTrue(Double.isNaN(new ExactAnswer("True").absDistance("1")));
    }

    @Test
    void preimagesAreTheInputsInRangeWithTheSameOutput() {
        FunctionDefinition div3 = FunctionCatalogue.get("int_div_3");
        assertEquals(List.of("-9", "-8", "-7"), PreimageAnswer.of(div3, PyValue.of(-3L), -99, 99).preimage());
        assertEquals(List.of("96", "97", "98"), PreimageAnswer.of(div3, PyValue.of(32L), -99, 99).preimage());
        assertEquals(List.of("99", "100", "101"), PreimageAnswer.of(div3, PyValue.of(33L), 99, 199).preimage());
        assertEquals(List.of("99"), PreimageAnswer.of(div3, PyValue.of(33L), 99, 100).preimage()); // the range cuts it
        PreimageAnswer odd = PreimageAnswer.of(FunctionCatalogue.get("mod_2"), PyValue.of(1L), -99, 99);
        assertEquals(99, odd.preimage().size()); // -99, -97, ..., 97
        assertTrue(odd.correct("-99") && odd.correct("97") && !odd.correct("98") && !odd.correct("99"));
        PreimageAnswer geq = PreimageAnswer.of(FunctionCatalogue.get("bool_geq_3"), PyValue.TRUE, -99, 99);
        assertEquals(96, geq.preimage().size()); // 3..98
        PreimageAnswer f = PreimageAnswer.of(FunctionCatalogue.get("float_mult_7_div_4"), PyValue.of(7.0), -99, 99);
        assertEquals(List.of("4"), f.preimage());
        assertFalse(f.correct("4.0"));
        assertEquals(Optional.empty(), f.exactTarget());
    }

    @Test
    void letterSetsNeedEveryTargetLetterAndNoOtherCapital() {
        LetterSetAnswer ac = new LetterSetAnswer(Set.of('A', 'C'));
        assertTrue(ac.correct("A, C"));
        assertTrue(ac.correct("C A"));
        assertTrue(ac.correct("[A, C, A]."));
        assertFalse(ac.correct("A"));
        assertFalse(ac.correct("A, B, C"));
        assertFalse(ac.correct("a, c"));
        assertFalse(ac.correct("A, C (I think)")); // the I is another capital
        assertFalse(ac.correct(""));
    }

    @Test
    void freeformLambdasAreComparedOnTheReferencePoints() {
        LambdaAnswer div3 = new LambdaAnswer(FunctionCatalogue.get("int_div_3"));
        assertTrue(div3.correct("lambda n: n // 3"));
        assertTrue(div3.correct("print(lambda x: x//3)"));
        assertTrue(div3.correct("  lambda n: (n - n % 3) // 3\n"));
        assertFalse(div3.correct("lambda n: n / 3"));
        assertFalse(div3.correct("lambda n: int(n / 3)")); // truncates toward zero: -1044 is fine, -23 is not
        assertFalse(div3.correct("n // 3"));
        assertFalse(div3.correct("lambda n: n // 0"));
        LambdaAnswer geq = new LambdaAnswer(FunctionCatalogue.get("bool_geq_3"));
        assertTrue(geq.correct("lambda n: n > 2"));
        assertTrue(geq.correct("lambda n: 1 if n >= 3 else 0")); // 1 == True in Python
        assertFalse(geq.correct("lambda n: n >= 4"));
        LambdaAnswer f = new LambdaAnswer(FunctionCatalogue.get("float_mult_7_div_4"));
        assertTrue(f.correct("lambda n: 1.75 * n"));
        assertTrue(f.correct("lambda n: n + n * 3 / 4"));
        assertFalse(f.correct("lambda n: n * 7 // 4"));
        LambdaAnswer relu = new LambdaAnswer(FunctionCatalogue.get("relu_neg2"));
        assertTrue(relu.correct("lambda n: n if n > -2 else -2"));
        assertTrue(relu.correct("lambda n: max(-2, n)"));
        assertFalse(relu.correct("lambda n: max(n, 0)"));
        // "input" is stripped as in the reference, which breaks an answer that used it as a name
        assertFalse(new LambdaAnswer(FunctionCatalogue.get("identity")).correct("lambda input: input"));
    }
}
