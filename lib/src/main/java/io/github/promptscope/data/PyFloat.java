package io.github.promptscope.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, so generated answers match the original datasets byte for byte.
 *
 * <p>Both languages print the shortest digits that round-trip; they differ only in layout. Python
 * writes plain decimals for 1e-4 &lt;= |x| &lt; 1e16 ({@code 24154952.75}, {@code 1.0}) and
 * {@code 1.5e+16} style beyond, while Java switches to {@code 2.415495275E7} at 1e7. JDK 17's
 * {@code Double.toString} is also not always shortest (JDK-4511638, fixed in 19), so the digits are
 * found here: the fewest significant digits, rounded from the exact value, that parse back to x.
 */
public final class PyFloat {

    private PyFloat() {
    }

    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = shortest(x);
        double abs = Math.abs(x);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = d.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal unscaled = d;
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        String mantissa = unscaled.movePointLeft(exponent).toPlainString();
        String sign = exponent < 0 ? "-" : "+";
        return mantissa + "e" + sign + String.format("%02d", Math.abs(exponent));
    }

    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == x) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
