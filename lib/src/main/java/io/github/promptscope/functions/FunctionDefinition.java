package io.github.promptscope.functions;

/**
 * One catalogue entry of spec A1: the Python source the original evaluates, and the three attributes
 * the multiple-choice evals ask about. The function is run by parsing its own source
 * ({@link PyLambda}), so the text a model is shown and the values it is trained on cannot disagree.
 *
 * @param key catalogue key, e.g. {@code int_div_3}
 * @param pythonDefinition the source, e.g. {@code lambda n: n // 3}
 * @param outputType {@code int}, {@code float} or {@code bool}
 * @param functionClass e.g. {@code Integer division}
 * @param languageDefinition e.g. {@code Integer division by 3}
 */
public record FunctionDefinition(String key, String pythonDefinition, String outputType, String functionClass,
        String languageDefinition, PyLambda lambda) {

    public FunctionDefinition(String key, String pythonDefinition, String outputType, String functionClass,
            String languageDefinition) {
        this(key, pythonDefinition, outputType, functionClass, languageDefinition, PyLambda.parse(pythonDefinition));
    }

    public PyValue apply(PyValue n) {
        return lambda.apply(n);
    }

    public PyValue apply(long n) {
        return lambda.apply(n);
    }

    /** The attribute a {@code multiple_choice_*} eval asks about, by the reference's field name. */
    public String attribute(String name) {
        return switch (name) {
            case "python_definition" -> pythonDefinition;
            case "output_type" -> outputType;
            case "function_class" -> functionClass;
            case "language_definition" -> languageDefinition;
            default -> throw new IllegalArgumentException("unknown function attribute \"" + name
                    + "\"; one of python_definition, output_type, function_class, language_definition");
        };
    }
}
