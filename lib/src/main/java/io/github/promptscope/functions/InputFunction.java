package io.github.promptscope.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * One entry of a config's {@code dataset.input_funcs}: which generator makes a datapoint and its
 * ranges, with the reference's field names. Ranges are half-open, {@code [input_min, input_max)}.
 *
 * @param function {@code single_function}, {@code function_augmentation} or {@code no_func_name}
 * @param minImports names on the import line at least (extras drawn at random)
 * @param functionsList for augmentations: {@code train_functions} or {@code test_functions}
 * @param combineFunctions for augmentations: modes drawn uniformly from {@code False}, {@code chain},
 *     {@code add_subtract}
 * @param otherInputMax for mode False: the in-context constant is drawn from {@code [0, other_input_max)}
 * @param formattings for Mixture of Functions: {@code none} and/or {@code x_y}
 * @param nExamples for Mixture of Functions: (input, output) turns per chat
 */
public record InputFunction(String function, int minImports, int inputMin, int inputMax, String functionsList,
        List<String> combineFunctions, int otherInputMax, List<String> formattings, int nExamples) {

    public static final String SINGLE_FUNCTION = "single_function";
    public static final String AUGMENTATION = "function_augmentation";
    public static final String NO_FUNC_NAME = "no_func_name";
    private static final Set<String> FUNCTIONS = Set.of(SINGLE_FUNCTION, AUGMENTATION, NO_FUNC_NAME);
    private static final Set<String> MODES = Set.of("False", "chain", "add_subtract");
    private static final Set<String> FORMATS = Set.of("none", "x_y");
    private static final Set<String> LISTS = Set.of("train_functions", "test_functions");

    public InputFunction {
        combineFunctions = List.copyOf(combineFunctions);
        formattings = List.copyOf(formattings);
    }

    /** A plain-regression generator over {@code [min, max)}. */
    public static InputFunction regression(int minImports, int min, int max) {
        return new InputFunction(SINGLE_FUNCTION, minImports, min, max, "", List.of(), 0, List.of(), 0);
    }

    /** An augmentation generator. */
    public static InputFunction augmentation(String functionsList, List<String> modes, int minImports, int min, int max,
            int otherInputMax) {
        return new InputFunction(AUGMENTATION, minImports, min, max, functionsList, modes, otherInputMax, List.of(), 0);
    }

    static InputFunction read(JsonNode node, String path, ConfigFields f) {
        String function = f.text(node, path, "function");
        if (!FUNCTIONS.contains(function)) {
            throw f.error(path + ".function", "is \"" + function + "\"; one of " + FUNCTIONS);
        }
        int inputMin = f.integer(node, path, "input_min");
        int inputMax = f.integer(node, path, "input_max");
        if (inputMax <= inputMin) {
            throw f.error(path + ".input_max", "must be above input_min (the range is [input_min, input_max))");
        }
        return switch (function) {
            case SINGLE_FUNCTION -> regression(f.integer(node, path, "min_imports"), inputMin, inputMax);
            case AUGMENTATION -> {
                String list = f.text(node, path, "functions_list");
                if (!LISTS.contains(list)) {
                    throw f.error(path + ".functions_list", "is \"" + list + "\"; one of " + LISTS);
                }
                List<String> modes = f.texts(node, path, "combine_functions");
                for (String m : modes) {
                    if (!MODES.contains(m)) {
                        throw f.error(path + ".combine_functions", "has \"" + m + "\"; each one of " + MODES);
                    }
                }
                if (modes.isEmpty()) {
                    throw f.error(path + ".combine_functions", "is empty");
                }
                int other = f.integer(node, path, "other_input_max");
                if (other <= 0) {
                    throw f.error(path + ".other_input_max", "must be at least 1 (the constant is drawn from [0, it))");
                }
                yield augmentation(list, modes, f.integer(node, path, "min_imports"), inputMin, inputMax, other);
            }
            default -> {
                List<String> formats = f.texts(node, path, "formattings");
                for (String m : formats) {
                    if (!FORMATS.contains(m)) {
                        throw f.error(path + ".formattings", "has \"" + m + "\"; each one of " + FORMATS);
                    }
                }
                if (formats.isEmpty()) {
                    throw f.error(path + ".formattings", "is empty");
                }
                int n = f.integer(node, path, "n_examples");
                if (n < 1) {
                    throw f.error(path + ".n_examples", "must be at least 1");
                }
                yield new InputFunction(NO_FUNC_NAME, 0, inputMin, inputMax, "", List.of(), 0, formats, n);
            }
        };
    }
}
