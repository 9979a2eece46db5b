package io.github.promptscope.functions;

import io.github.promptscope.data.PyFloat;

/**
 * A Python number as the catalogue's lambdas produce it: {@code int}, {@code float} or {@code bool},
 * with Python's arithmetic. The generators print targets with {@link #str()}, so a Java value must
 * behave exactly like the Python one: {@code //} floors, {@code %} takes the divisor's sign (also on
 * floats, as CPython's {@code float_divmod}), {@code /} always gives a float, a bool counts as 0/1 in
 * arithmetic and prints as {@code True}/{@code False}, floats print with {@code repr}.
 *
 * <p>Python ints are unbounded; here they are {@code long}s and an overflow is a {@link PyError}
 * (no catalogue function comes near it; a model's lambda that does is judged wrong).
 */
public final class PyValue {

    /** The Python type of a value. */
    public enum Type { INT, FLOAT, BOOL }

    public static final PyValue TRUE = new PyValue(Type.BOOL, 1, 1);
    public static final PyValue FALSE = new PyValue(Type.BOOL, 0, 0);

    private final Type type;
    private final long integer;
    private final double real;

    private PyValue(Type type, long integer, double real) {
        this.type = type;
        this.integer = integer;
        this.real = real;
    }

    public static PyValue of(long n) {
        return new PyValue(Type.INT, n, n);
    }

    public static PyValue of(double x) {
        return new PyValue(Type.FLOAT, 0, x);
    }

    public static PyValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Type type() {
        return type;
    }

    /** Python's {@code str()} of the value, the text a {@code print} shows. */
    public String str() {
        return switch (type) {
            case INT -> Long.toString(integer);
            case BOOL -> integer != 0 ? "True" : "False";
            case FLOAT -> PyFloat.repr(real);
        };
    }

    @Override
    public String toString() {
        return str();
    }

    /** The value as a Java long; only for int and bool. */
    public long asLong() {
        if (type == Type.FLOAT) {
            throw new PyError("TypeError: expected an int, got float " + str());
        }
        return integer;
    }

    /** The value as a double (an int or bool converts exactly below 2^53). */
    public double asDouble() {
        return type == Type.FLOAT ? real : (double) integer;
    }

    /** Below 2^53 an int converts to a double exactly, so mixed arithmetic matches Python's. */
    private static final long EXACT = 1L << 53;

    private double exactDouble() {
        if (type != Type.FLOAT && (integer > EXACT || integer < -EXACT)) {
            throw PyError.beyondSubset("int " + integer + " is beyond 2^53: Python divides and compares it exactly");
        }
        return asDouble();
    }

    /** Python truthiness: nonzero numbers and True. */
    public boolean truthy() {
        return type == Type.FLOAT ? real != 0 : integer != 0;
    }

    private boolean isFloat() {
        return type == Type.FLOAT;
    }

    private static boolean anyFloat(PyValue a, PyValue b) {
        return a.isFloat() || b.isFloat();
    }

    public PyValue add(PyValue o) {
        return anyFloat(this, o) ? of(asDouble() + o.asDouble()) : of(exact(() -> Math.addExact(integer, o.integer)));
    }

    public PyValue subtract(PyValue o) {
        return anyFloat(this, o) ? of(asDouble() - o.asDouble())
                : of(exact(() -> Math.subtractExact(integer, o.integer)));
    }

    public PyValue multiply(PyValue o) {
        return anyFloat(this, o) ? of(asDouble() * o.asDouble())
                : of(exact(() -> Math.multiplyExact(integer, o.integer)));
    }

    /** {@code /}: true division, always a float. */
    public PyValue divide(PyValue o) {
        if (o.asDouble() == 0) {
            throw new PyError("ZeroDivisionError: division by zero");
        }
        return of(exactDouble() / o.exactDouble());
    }

    /** {@code //}: floor division; a float if either side is. */
    public PyValue floorDivide(PyValue o) {
        if (o.asDouble() == 0) {
            throw new PyError("ZeroDivisionError: integer division or modulo by zero");
        }
        if (!anyFloat(this, o)) {
            if (integer == Long.MIN_VALUE && o.integer == -1) {
                throw PyError.beyondSubset("integer beyond 64 bits");
            }
            return of(Math.floorDiv(integer, o.integer));
        }
        return of(floatDivmod(asDouble(), o.asDouble())[0]);
    }

    /** {@code %}: the remainder takes the divisor's sign. */
    public PyValue modulo(PyValue o) {
        if (o.asDouble() == 0) {
            throw new PyError("ZeroDivisionError: integer division or modulo by zero");
        }
        if (!anyFloat(this, o)) {
            return of(Math.floorMod(integer, o.integer));
        }
        return of(floatDivmod(asDouble(), o.asDouble())[1]);
    }

    /** {@code **}; an int to a non-negative int power stays an int. */
    public PyValue power(PyValue o) {
        if (!anyFloat(this, o) && o.integer >= 0) {
            if (integer == 0 || integer == 1) {
                return of(o.integer == 0 ? 1 : integer);
            }
            if (integer == -1) {
                return of(o.integer % 2 == 0 ? 1 : -1);
            }
            long result = 1; // |base| >= 2 overflows within 63 steps, so the loop is short
            for (long k = 0; k < o.integer; k++) {
                long acc = result;
                result = exact(() -> Math.multiplyExact(acc, integer));
            }
            return of(result);
        }
        if (asDouble() == 0 && o.asDouble() < 0) {
            throw new PyError("ZeroDivisionError: 0.0 cannot be raised to a negative power");
        }
        double r = Math.pow(asDouble(), o.asDouble());
        if (Double.isNaN(r)) {
            throw PyError.beyondSubset("a negative number to a fractional power is complex in Python");
        }
        if (Double.isInfinite(r)) {
            throw new PyError("OverflowError: result too large");
        }
        return of(r);
    }

    public PyValue negate() {
        return isFloat() ? of(-real) : of(exact(() -> Math.negateExact(integer)));
    }

    /** Unary {@code +}: a bool becomes an int. */
    public PyValue positive() {
        return isFloat() ? this : of(integer);
    }

    public PyValue abs() {
        return isFloat() ? of(Math.abs(real)) : of(exact(() -> Math.absExact(integer)));
    }

    /**
     * A Python comparison ({@code == != < <= > >=}) across int, float and bool. NaN compares unequal
     * and neither less nor greater, as in Python.
     */
    public boolean compare(String op, PyValue o) {
        if (anyFloat(this, o)) {
            double a = exactDouble();
            double b = o.exactDouble();
            return switch (op) {
                case "==" -> a == b;
                case "!=" -> a != b;
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                default -> throw new IllegalArgumentException(op);
            };
        }
        long a = integer;
        long b = o.integer;
        return switch (op) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            case ">=" -> a >= b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** Python {@code ==} ({@code 3 == 3.0 == True*3}). */
    public boolean pyEquals(PyValue o) {
        return compare("==", o);
    }

    /** CPython's float_divmod: floor quotient and remainder with the divisor's sign. */
    private static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx; // Java's % on doubles is C's fmod
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    private static long exact(java.util.function.LongSupplier op) {
        try {
            return op.getAsLong();
        } catch (ArithmeticException e) {
            throw PyError.beyondSubset("integer beyond 64 bits (Python ints are unbounded; not supported here)");
        }
    }
}
