package io.github.promptscope.lm.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known binary16 bit patterns (IEEE 754-2008 table values, as numpy.float16 prints them). */
class HalfFloatTest {

    @Test
    void decodesKnownPatterns() {
        assertEquals(1.0f, HalfFloat.toFloat((short) 0x3C00));
        assertEquals(-2.0f, HalfFloat.toFloat((short) 0xC000));
        assertEquals(65504.0f, HalfFloat.toFloat((short) 0x7BFF)); // largest normal
        assertEquals(0.333251953125f, HalfFloat.toFloat((short) 0x3555)); // nearest to 1/3
        assertEquals(6.103515625e-05f, HalfFloat.toFloat((short) 0x0400)); // smallest normal
        assertEquals(5.960464477539063e-08f, HalfFloat.toFloat((short) 0x0001)); // smallest subnormal
        assertEquals(-0.0f, HalfFloat.toFloat((short) 0x8000));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloat.toFloat((short) 0x7C00));
        assertTrue(Float.isNaN(HalfFloat.toFloat((short) 0x7E00)));
    }
}
