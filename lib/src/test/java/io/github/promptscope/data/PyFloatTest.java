package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFloatTest {

    @Test
    void matchesPythonRepr() {
        // python3 repr(): np.round(np.exp(17), 2), np.round(np.exp(40), 2), np.round(np.exp(159), 2), 1e-5,
        // 0.0001, 123456789012345678.0, 2.5e-7
        assertEquals("24154952.75", MathTasks.roundedExp(17));
        assertEquals("2.3538526683701997e+17", MathTasks.roundedExp(40));
        assertEquals("1.129334570280557e+69", MathTasks.roundedExp(159));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("0.0001", PyFloat.repr(0.0001));
        assertEquals("1.2345678901234568e+17", PyFloat.repr(123456789012345678.0));
        assertEquals("2.5e-07", PyFloat.repr(2.5e-7));
        assertEquals("-12.25", PyFloat.repr(-12.25));
        assertEquals("7.0", PyFloat.repr(7.0));
    }
}
