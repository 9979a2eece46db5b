package io.github.promptscope.kernel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error text for a notebook: compile errors as javac's message with the cell line, runtime errors as
 * the notebook's stack trace (cell frames first, kernel and reflection frames dropped), magics and
 * interrupts as one sentence.
 */
final class ErrorText {

    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    private ErrorText() {
    }

    static List<String> lines(Exception e) {
        List<String> out = new ArrayList<>();
        if (e instanceof CompilationFailure c) {
            out.add(RED + "Compile error" + RESET);
            out.addAll(List.of(c.getMessage().split("\n")));
        } else if (e instanceof EvaluationFailure f && f.getCause() != null) {
            trace(f.getCause(), out, new IdentityHashMap<>(), "");
        } else if (e instanceof CellInterrupted || e instanceof MagicException) {
            out.add(RED + e.getMessage() + RESET);
        } else {
            trace(e, out, new IdentityHashMap<>(), "");
        }
        return out;
    }

    private static void trace(Throwable t, List<String> out, Map<Throwable, Boolean> seen, String prefix) {
        if (seen.put(t, Boolean.TRUE) != null) {
            out.add(prefix + "[circular reference: " + t + "]");
            return;
        }
        out.add(RED + prefix + t + RESET);
        int hidden = 0;
        for (StackTraceElement el : t.getStackTrace()) {
            if (isKernelFrame(el)) {
                hidden++;
                continue;
            }
            out.add("\tat " + describe(el));
        }
        if (hidden > 0 && out.size() > 0 && t.getStackTrace().length == hidden) {
            out.add("\tat (kernel)");
        }
        for (Throwable s : t.getSuppressed()) {
            trace(s, out, seen, "Suppressed: ");
        }
        if (t.getCause() != null && t.getCause() != t) {
            trace(t.getCause(), out, seen, "Caused by: ");
        }
    }

    /** Frames of the kernel's machinery: reflection, the worker pool, JShell and this package. */
    private static boolean isKernelFrame(StackTraceElement el) {
        String c = el.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("java.util.concurrent.") || c.startsWith("jdk.jshell.")
                || c.startsWith("io.github.promptscope.kernel.") || c.equals("java.lang.Thread");
    }

    /** {@code REPL.$JShell$12.do_it$} is the cell itself; say so. */
    private static String describe(StackTraceElement el) {
        String c = el.getClassName();
        if (c.startsWith("REPL.$JShell$")) {
            String m = el.getMethodName();
            String where = m.equals("do_it$") ? "the cell" : m.replace("lambda$", "lambda in ");
            int dollar = c.indexOf('$', "REPL.$JShell$".length());
            String nested = dollar < 0 ? "" : c.substring(dollar + 1) + ".";
            return nested + where + " (" + "cell" + (el.getLineNumber() > 0 ? ", snippet line " + el.getLineNumber() : "") + ")";
        }
        return el.toString();
    }
}
