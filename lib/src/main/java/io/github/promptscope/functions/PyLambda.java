package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-argument Python lambda, {@code lambda n: <expr>}, parsed and evaluated with Python semantics
 * ({@link PyValue}). The catalogue's functions are these lambdas, and freeform answers are judged by
 * running them, so the one parser serves both (spec A1, A7).
 *
 * <p>The subset: int and float literals, {@code True}/{@code False}, the parameter (any name),
 * {@code + - * / // % **}, unary {@code - +}, comparisons (chained, as Python chains them),
 * {@code not/and/or}, {@code a if c else b}, parentheses and {@code max min abs int float}. The whole
 * lambda may be parenthesized. Anything else is a {@link PyError}; the reference would {@code eval}
 * it, so a definition outside the subset that Python accepts is judged wrong here (documented).
 */
public final class PyLambda {

    private final String source;
    private final String parameter;
    private final Node body;

    private PyLambda(String source, String parameter, Node body) {
        this.source = source;
        this.parameter = parameter;
        this.body = body;
    }

    /** Parses {@code source}; a {@link PyError} says what Python's parser would have rejected. */
    public static PyLambda parse(String source) {
        Parser p = new Parser(PyTokens.tokenize(source));
        int parens = 0;
        while (p.peekAt(parens, "(")) {
            parens++;
        }
        if (!p.peekAt(parens, "lambda")) {
            parens = 0; // not "((lambda ...": let expect("lambda") report what is there
        }
        for (int i = 0; i < parens; i++) {
            p.next();
        }
        p.expect("lambda");
        String param = p.name();
        p.expect(":");
        p.parameter = param;
        Node body = p.expression();
        for (int i = 0; i < parens; i++) {
            p.expect(")");
        }
        p.expectEnd();
        return new PyLambda(source, param, body);
    }

    public PyValue apply(PyValue n) {
        return body.eval(n);
    }

    public PyValue apply(long n) {
        return apply(PyValue.of(n));
    }

    public String source() {
        return source;
    }

    public String parameter() {
        return parameter;
    }

    @FunctionalInterface
    private interface Node {
        PyValue eval(PyValue n);
    }

    /** Recursive descent in Python's precedence order, lowest first. */
    private static final class Parser {
        private final List<String> tokens;
        private int pos;
        private String parameter;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean peek(String t) {
            return pos < tokens.size() && tokens.get(pos).equals(t);
        }

        boolean peekAt(int offset, String t) {
            return pos + offset < tokens.size() && tokens.get(pos + offset).equals(t);
        }

        String next() {
            if (pos >= tokens.size()) {
                throw new PyError("SyntaxError: unexpected end of the lambda");
            }
            return tokens.get(pos++);
        }

        void expect(String t) {
            String got = pos < tokens.size() ? tokens.get(pos) : "end of input";
            if (!peek(t)) {
                throw new PyError("SyntaxError: expected '" + t + "', got '" + got + "'");
            }
            pos++;
        }

        void expectEnd() {
            if (pos < tokens.size()) {
                throw new PyError("SyntaxError: unexpected '" + tokens.get(pos) + "' after the lambda");
            }
        }

        String name() {
            String t = next();
            if (!PyTokens.isName(t)) {
                throw new PyError("SyntaxError: expected a parameter name, got '" + t + "'");
            }
            return t;
        }

        Node expression() {
            Node value = disjunction();
            if (peek("if")) {
                next();
                Node condition = disjunction();
                expect("else");
                Node otherwise = expression();
                return n -> condition.eval(n).truthy() ? value.eval(n) : otherwise.eval(n);
            }
            return value;
        }

        Node disjunction() {
            Node left = conjunction();
            while (peek("or")) {
                next();
                Node a = left;
                Node b = conjunction();
                left = n -> {
                    PyValue v = a.eval(n);
                    return v.truthy() ? v : b.eval(n);
                };
            }
            return left;
        }

        Node conjunction() {
            Node left = inversion();
            while (peek("and")) {
                next();
                Node a = left;
                Node b = inversion();
                left = n -> {
                    PyValue v = a.eval(n);
                    return v.truthy() ? b.eval(n) : v;
                };
            }
            return left;
        }

        Node inversion() {
            if (peek("not")) {
                next();
                Node inner = inversion();
                return n -> PyValue.of(!inner.eval(n).truthy());
            }
            return comparison();
        }

        Node comparison() {
            List<Node> operands = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            operands.add(arith());
            while (pos < tokens.size() && PyTokens.COMPARISONS.contains(tokens.get(pos))) {
                ops.add(next());
                operands.add(arith());
            }
            if (ops.isEmpty()) {
                return operands.get(0);
            }
            // a < b < c means a < b and b < c, each operand evaluated once
            return n -> {
                PyValue left = operands.get(0).eval(n);
                for (int i = 0; i < ops.size(); i++) {
                    PyValue right = operands.get(i + 1).eval(n);
                    if (!left.compare(ops.get(i), right)) {
                        return PyValue.FALSE;
                    }
                    left = right;
                }
                return PyValue.TRUE;
            };
        }

        Node arith() {
            Node left = term();
            while (peek("+") || peek("-")) {
                String op = next();
                Node a = left;
                Node b = term();
                left = op.equals("+") ? n -> a.eval(n).add(b.eval(n)) : n -> a.eval(n).subtract(b.eval(n));
            }
            return left;
        }

        Node term() {
            Node left = factor();
            while (peek("*") || peek("/") || peek("//") || peek("%")) {
                String op = next();
                Node a = left;
                Node b = factor();
                left = switch (op) {
                    case "*" -> n -> a.eval(n).multiply(b.eval(n));
                    case "/" -> n -> a.eval(n).divide(b.eval(n));
                    case "//" -> n -> a.eval(n).floorDivide(b.eval(n));
                    default -> n -> a.eval(n).modulo(b.eval(n));
                };
            }
            return left;
        }

        Node factor() {
            if (peek("-") || peek("+")) {
                String op = next();
                Node inner = factor();
                return op.equals("-") ? n -> inner.eval(n).negate() : n -> inner.eval(n).positive();
            }
            return power();
        }

        Node power() {
            Node base = atom();
            if (peek("**")) {
                next();
                Node exponent = factor(); // right-associative, binds tighter than a unary minus on its left
                return n -> base.eval(n).power(exponent.eval(n));
            }
            return base;
        }

        Node atom() {
            String t = next();
            if (t.equals("(")) {
                Node inner = expression();
                expect(")");
                return inner;
            }
            if (PyTokens.isNumber(t)) {
                PyValue constant = PyTokens.number(t);
                return n -> constant;
            }
            if (t.equals("True") || t.equals("False")) {
                PyValue constant = PyValue.of(t.equals("True"));
                return n -> constant;
            }
            if (PyTokens.isName(t) && peek("(")) {
                return call(t);
            }
            if (t.equals(parameter)) {
                return n -> n;
            }
            throw new PyError("NameError: name '" + t + "' is not defined");
        }

        private Node call(String function) {
            expect("(");
            List<Node> args = new ArrayList<>();
            if (!peek(")")) {
                args.add(expression());
                while (peek(",")) {
                    next();
                    if (peek(")")) {
                        break; // a trailing comma, as Python allows
                    }
                    args.add(expression());
                }
            }
            expect(")");
            return Builtins.call(function, args.size(), n -> {
                List<PyValue> values = new ArrayList<>(args.size());
                for (Node a : args) {
                    values.add(a.eval(n));
                }
                return values;
            });
        }
    }

    /** The few builtins a definition may call. */
    private static final class Builtins {

        static Node call(String function, int arity, java.util.function.Function<PyValue, List<PyValue>> args) {
            switch (function) {
                case "max", "min" -> {
                    if (arity < 2) {
                        // max(x) iterates x; a number is not iterable
                        throw new PyError("TypeError: " + function + "() of a single number");
                    }
                    boolean max = function.equals("max");
                    return n -> {
                        List<PyValue> vs = args.apply(n);
                        PyValue best = vs.get(0);
                        for (PyValue v : vs.subList(1, vs.size())) {
                            // replace only on strict improvement: ties keep the first, as CPython's min_max
                            if (v.compare(max ? ">" : "<", best)) {
                                best = v;
                            }
                        }
                        return best;
                    };
                }
                case "abs", "int", "float" -> {
                    if (arity != 1) {
                        throw new PyError("TypeError: " + function + "() takes one argument here, got " + arity);
                    }
                    return n -> {
                        PyValue v = args.apply(n).get(0);
                        return switch (function) {
                            case "abs" -> v.abs();
                            case "float" -> PyValue.of(v.asDouble());
                            default -> v.type() == PyValue.Type.FLOAT ? truncate(v.asDouble()) : v.positive();
                        };
                    };
                }
                default -> throw new PyError("NameError: name '" + function + "' is not defined");
            }
        }

        private static PyValue truncate(double x) {
            if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= 9.2e18) {
                throw Double.isNaN(x) || Double.isInfinite(x) ? new PyError("int() of " + x)
                        : PyError.beyondSubset("int() of " + x + " is beyond 64 bits");
            }
            return PyValue.of((long) x);
        }
    }
}
