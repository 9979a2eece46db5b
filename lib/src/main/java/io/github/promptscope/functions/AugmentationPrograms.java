package io.github.promptscope.functions;

import java.util.List;

/**
 * {@code function_augmentation} (spec A3.2): programs that combine functions of one list (bools
 * excluded) with arithmetic. Mode {@code False}: {@code f(x) ± c}; {@code chain}: {@code g(f(x))};
 * {@code add_subtract}: {@code f(x1) ± g(x2)}. Draws follow the reference's order; each
 * {@code rng.choice} over a list with repeated entries becomes an index over the same list.
 */
public final class AugmentationPrograms {

    private static final String SEP = Programs.SEPARATOR;

    private AugmentationPrograms() {}

    public static Datapoint generate(FunctionsConfig config, InputFunction spec, Rng rng) {
        List<String> names = Programs.names(config);
        List<String> functions = Programs.augmentable(config, spec.functionsList());
        FunctionDefinition f1 = FunctionCatalogue.get(rng.choice(functions));
        String name1 = config.nameOf(f1.key());
        long x1 = rng.integers(spec.inputMin(), spec.inputMax());
        String mode = rng.choice(spec.combineFunctions());
        if (mode.equals("False")) {
            ImportLine imports = ImportLine.build(names, List.of(name1), spec.minImports(), true, rng);
            return withConstant(config, spec, rng, imports, f1, name1, x1);
        }
        FunctionDefinition f2 = FunctionCatalogue.get(rng.choice(functions));
        String name2 = config.nameOf(f2.key());
        ImportLine imports = ImportLine.build(names, List.of(name1, name2), spec.minImports(), true, rng);
        return mode.equals("chain") ? chain(config, rng, imports, f1, name1, f2, name2, x1)
                : addSubtract(config, spec, rng, imports, f1, name1, f2, name2, x1);
    }

    private static Datapoint chain(FunctionsConfig config, Rng rng, ImportLine imports, FunctionDefinition f1,
            String name1, FunctionDefinition f2, String name2, long x1) {
        PyValue value = f2.apply(f1.apply(x1));
        StringBuilder code = new StringBuilder(imports.text());
        String input = Long.toString(x1);
        if (rng.coin()) { // ['False', 'x1']
            code.append(SEP).append("x1 = ").append(x1);
            input = "x1";
        }
        int intermediate = rng.integers(0, 4); // ['False', 'False', 'z', 'x2']
        String inner = name1 + "(" + input + ")";
        if (intermediate >= 2) {
            String var = intermediate == 2 ? "z" : "x2";
            code.append(SEP).append(var).append(" = ").append(inner);
            inner = var;
        }
        int out = rng.integers(0, 5); // [False, False, False, 'out', 'y']
        String call = name2 + "(" + inner + ")";
        if (out >= 3) {
            String var = out == 3 ? "out" : "y";
            code.append(SEP).append(var).append(" = ").append(call).append(SEP).append("print(").append(var).append(")");
        } else {
            code.append(SEP).append("print(").append(call).append(")");
        }
        return Programs.program(config, code.toString(), value, f1.key(), f2.key(), "chain");
    }

    private static Datapoint addSubtract(FunctionsConfig config, InputFunction spec, Rng rng, ImportLine imports,
            FunctionDefinition f1, String name1, FunctionDefinition f2, String name2, long x1) {
        long x2 = rng.integers(spec.inputMin(), spec.inputMax());
        boolean plus = rng.coin();
        String op = plus ? "+" : "-";
        StringBuilder code = new StringBuilder(imports.text());
        if (rng.coin()) { // [False, 'z']
            code.append(SEP).append("z1 = ").append(name1).append("(").append(x1).append(")");
            code.append(SEP).append("z2 = ").append(name2).append("(").append(x2).append(")");
            code.append(SEP).append("print(z1 ").append(op).append(" z2)");
        } else {
            code.append(SEP).append("print(").append(name1).append("(").append(x1).append(") ").append(op).append(' ')
                    .append(name2).append("(").append(x2).append("))");
        }
        PyValue a = f1.apply(x1);
        PyValue b = f2.apply(x2);
        return Programs.program(config, code.toString(), plus ? a.add(b) : a.subtract(b), f1.key(), f2.key(),
                "add_subtract");
    }

    private static Datapoint withConstant(FunctionsConfig config, InputFunction spec, Rng rng, ImportLine imports,
            FunctionDefinition f, String name, long x) {
        boolean plus = rng.coin();
        String op = plus ? "+" : "-";
        long c = rng.integers(0, spec.otherInputMax());
        StringBuilder code = new StringBuilder(imports.text());
        String input = Long.toString(x);
        if (rng.coin()) { // [False, 'x']
            code.append(SEP).append("x = ").append(x);
            input = "x";
        }
        boolean statements = rng.coin(); // in_context_out
        boolean functionFirst = rng.coin(); // order
        String call = name + "(" + input + ")";
        if (statements) {
            String z1 = functionFirst ? call : Long.toString(c);
            String z2 = functionFirst ? Long.toString(c) : call;
            code.append(SEP).append("z1 = ").append(z1).append(SEP).append("z2 = ").append(z2);
            code.append(SEP).append("print(z1 ").append(op).append(" z2)");
        } else {
            String left = functionFirst ? call : Long.toString(c);
            String right = functionFirst ? Long.toString(c) : call;
            code.append(SEP).append("print(").append(left).append(' ').append(op).append(' ').append(right).append(")");
        }
        PyValue fx = f.apply(x);
        PyValue constant = PyValue.of(c);
        PyValue value = functionFirst ? (plus ? fx.add(constant) : fx.subtract(constant))
                : (plus ? constant.add(fx) : constant.subtract(fx));
        return Programs.program(config, code.toString(), value, f.key(), "", "False");
    }
}
