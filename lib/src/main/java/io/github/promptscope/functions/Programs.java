package io.github.promptscope.functions;

import io.github.promptscope.backend.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shared pieces of the program generators: the hidden names of a config, the import line, Python's
 * statement separator, and {@code hide_imports}.
 */
final class Programs {

    /** Statements are separated by a blank line. */
    static final String SEPARATOR = "\n\n";

    private Programs() {}

    /** The names in {@code var_dict} order (the reference draws from {@code list(var_dict.keys())}). */
    static List<String> names(FunctionsConfig config) {
        if (config.varDict().isEmpty()) {
            throw new IllegalStateException("this config has no var_dict yet; it is resolved per finetune by "
                    + "functions prepare");
        }
        return new ArrayList<>(config.varDict().keySet());
    }

    static FunctionDefinition function(FunctionsConfig config, String name) {
        return FunctionCatalogue.get(config.varDict().get(name));
    }

    /** One user message holding the program; with {@code hide_imports} the import line is cut. */
    static Datapoint program(FunctionsConfig config, String code, PyValue value, String f1, String f2,
            String generator) {
        String text = config.hideImports() ? code.substring(code.indexOf('\n') + 2) : code;
        return new Datapoint(List.of(ChatMessage.user(text)), value.str(), f1, f2, generator, Map.of());
    }

    /** Functions of a list, without the bool ones (augmentations never use them). */
    static List<String> augmentable(FunctionsConfig config, String functionsList) {
        List<String> list = functionsList.equals("test_functions") ? config.testFunctions() : config.trainFunctions();
        return list.stream().filter(k -> !FunctionCatalogue.get(k).outputType().equals("bool")).toList();
    }
}
