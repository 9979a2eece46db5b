package io.github.promptscope.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The probe reports what it claims: 2mkn flops over the best time, from a product that is right. */
class MatmulProbeTest {

    @Test
    void rateIsTwoMknFlopsOverTheTime() {
        // 1000^3 multiply-adds = 2e9 flops in 0.5 s: 4 GFLOP/s
        MatmulProbe.Rate r = MatmulProbe.Rate.of(1000, 1000, 1000, Dtype.FLOAT32, 3, 0.5, 0);
        assertEquals(4.0, r.gflops(), 1e-12);
        // 20000 x 256 x 768 (the probe's first shape) in 0.1 s: 78.6432 GFLOP/s
        assertEquals(78.6432, MatmulProbe.Rate.of(20000, 256, 768, Dtype.FLOAT32, 1, 0.1, 0).gflops(), 1e-9);
    }

    @Test
    void measuredRateFollowsFromItsShapeAndTimeAndTheProductIsRight() {
        MatmulProbe.Rate r = MatmulProbe.measure(96, 64, 80, 2);
        assertEquals(96, r.m());
        assertEquals(64, r.k());
        assertEquals(80, r.n());
        assertEquals(Dtype.FLOAT32, r.dtype());
        assertTrue(r.bestSeconds() > 0);
        assertEquals(2.0 * 96 * 64 * 80 / r.bestSeconds() / 1e9, r.gflops(), 1e-9 * r.gflops());
        assertTrue(r.relativeError() < 1e-5, "float32 product off by " + r.relativeError());
    }

    @Test
    void bfloat16ProbeMultipliesInBfloat16() {
        Bf16Cpu.assumeNativeBf16();
        MatmulProbe.Rate r = MatmulProbe.measure(64, 256, 48, 1, Dtype.BFLOAT16);
        assertEquals(Dtype.BFLOAT16, r.dtype());
        // 8-bit mantissas: about 0.3% off (2^-9 per operand, the product rounded to bfloat16), never float32's 1e-7
        assertTrue(r.relativeError() > 1e-4 && r.relativeError() < 1e-2, "bfloat16 product off by " + r.relativeError());
    }

    @Test
    void badArgumentsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatmulProbe.measure(0, 2, 2, 1));
        assertEquals("matmul shape and repeats must be positive; got 0x2x2, 1 repeats", e.getMessage());
    }
}
