package io.github.promptscope.data;

/**
 * Bad or missing data: an unknown task, a malformed line, an empty file, a missing field.
 *
 * <p>Extends {@link IllegalArgumentException} because every case is a wrong input the caller can fix;
 * the message names the file, the line and what was expected so the fix is obvious.
 */
public class DataException extends IllegalArgumentException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at one line of one file, formatted as {@code file:line: message}. */
    public static DataException at(String file, long line, String message) {
        return new DataException(file + ":" + line + ": " + message);
    }
}
