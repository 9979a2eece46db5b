package io.github.promptscope.backend;

/**
 * A model call that failed. Remote failures name the endpoint and the HTTP status (0 when no
 * answer came back: refused connection, timeout); {@code param} names the offending request field
 * when the failure is the request's fault, which {@code serve} turns into a 400.
 */
public class TextModelException extends RuntimeException {

    private final int status;
    private final String param;

    public TextModelException(String message, int status, String param, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.param = param;
    }

    /** A request the model cannot serve as asked (too long, out of range): HTTP 400 territory. */
    public static TextModelException invalid(String message, String param) {
        return new TextModelException(message, 400, param, null);
    }

    /** The HTTP status, or 0 when none. */
    public int status() {
        return status;
    }

    /** The request field at fault, or null. */
    public String param() {
        return param;
    }
}
