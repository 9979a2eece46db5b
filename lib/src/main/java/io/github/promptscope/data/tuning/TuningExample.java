package io.github.promptscope.data.tuning;

/**
 * One P-tuning example (spec B4): the query is the raw text before the answer (a task's parts
 * concatenated as the reference does, no separator added), the answer usually several tokens.
 */
public record TuningExample(String query, String answer) {

    public TuningExample {
        if (query == null || answer == null) {
            throw new IllegalArgumentException("a tuning example needs a query and an answer");
        }
    }
}
