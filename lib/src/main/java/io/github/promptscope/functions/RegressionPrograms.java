package io.github.promptscope.functions;

/**
 * {@code single_function} (spec A3.1): one call of a function drawn from all of them,
 * {@code print(f(x))}, optionally with the input and the output bound to variables.
 */
public final class RegressionPrograms {

    private RegressionPrograms() {}

    public static Datapoint generate(FunctionsConfig config, InputFunction spec, Rng rng) {
        java.util.List<String> names = Programs.names(config);
        String name = rng.choice(names);
        FunctionDefinition f = Programs.function(config, name);
        ImportLine imports = ImportLine.build(names, java.util.List.of(name), spec.minImports(), true, rng);
        long x = rng.integers(spec.inputMin(), spec.inputMax());
        StringBuilder code = new StringBuilder(imports.text());
        String input = Long.toString(x);
        int bind = rng.integers(0, 4); // [False, False, 'x', 'a']
        if (bind >= 2) {
            input = bind == 2 ? "x" : "a";
            code.append(Programs.SEPARATOR).append(input).append(" = ").append(x);
        }
        int out = rng.integers(0, 4); // [False, False, 'out', 'y']
        String call = name + "(" + input + ")";
        if (out >= 2) {
            String var = out == 2 ? "out" : "y";
            code.append(Programs.SEPARATOR).append(var).append(" = ").append(call);
            code.append(Programs.SEPARATOR).append("print(").append(var).append(")");
        } else {
            code.append(Programs.SEPARATOR).append("print(").append(call).append(")");
        }
        return Programs.program(config, code.toString(), f.apply(x), f.key(), "", InputFunction.SINGLE_FUNCTION);
    }
}
