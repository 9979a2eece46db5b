package io.github.promptscope.results;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why a run failed, kept in its record so a sweep's failures can be read next to its results.
 *
 * @param type       exception class name
 * @param message    exception message
 * @param stackTrace full stack trace text
 */
public record RunError(String type, String message, String stackTrace) {

    public static RunError of(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return new RunError(t.getClass().getName(), String.valueOf(t.getMessage()), sw.toString());
    }
}
