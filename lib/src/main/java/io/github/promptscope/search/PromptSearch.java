package io.github.promptscope.search;

import io.github.promptscope.lm.LanguageModel;
import java.util.List;

/**
 * A method that finds a prompt explaining input/output pairs. iPrompt, Suffix and AutoPrompt all
 * have this one entry point, so swapping methods in a notebook changes one line.
 */
public interface PromptSearch {

    /** Short name used in tables and run records. */
    String method();

    /** Searches for prompts under which {@code model} best produces {@code outputs} from {@code inputs}. */
    SearchResult search(LanguageModel model, List<String> inputs, List<String> outputs, Budget budget);
}
