package io.github.promptscope.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java cells through JShell, in this JVM ({@link InProcessExecution}). A cell may hold several
 * statements, declarations and imports; the value of a trailing expression is the cell's value.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** Returned by {@link #eval} when the cell ends in a declaration or statement (nothing to show). */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "NO_VALUE";
        }
    };

    private final InProcessExecutionProvider provider = new InProcessExecutionProvider();
    private final JShell shell;
    private final Set<String> classpath = new LinkedHashSet<>();

    /** A JShell whose compiler sees this JVM's class path, with {@code startup} snippets already run. */
    public JShellEvaluator(List<String> startup) throws CompilationFailure, EvaluationFailure, CellInterrupted {
        this.shell = JShell.builder()
                .executionEngine(provider, java.util.Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addToClasspath(Path.of(entry));
            }
        }
        for (String s : startup) {
            eval(s, 1);
        }
    }

    /** Adds a jar or class folder for both compiling and running later cells. */
    public void addToClasspath(Path entry) {
        String p = entry.toAbsolutePath().normalize().toString();
        if (classpath.add(p)) {
            shell.addToClasspath(p);
        }
    }

    public List<String> classpath() {
        return List.copyOf(classpath);
    }

    /**
     * Runs Java source. {@code firstLine} is the cell line the source starts on (magic lines before it
     * are not Java), so errors name cell lines.
     *
     * @return the last snippet's value when it is an expression, else {@link #NO_VALUE}
     */
    public Object eval(String code, int firstLine) throws CompilationFailure, EvaluationFailure, CellInterrupted {
        InProcessExecution exec = provider.execution();
        exec.takeInterrupted(); // an interrupt that arrived while idle is not for this cell
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object last = NO_VALUE;
        String rest = code;
        int offset = 0;
        try {
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                int consumed = rest.length() - info.remaining().length();
                int start = offset + leadingBlank(rest);
                int line = firstLine + count(code, '\n', 0, start);
                if (!info.completeness().isComplete()) {
                    if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                        break;
                    }
                    throw new CompilationFailure("line " + line + ": incomplete code; a statement, block or"
                            + " string is not closed:\n" + firstLines(rest.strip()), line);
                }
                if (consumed <= 0) {
                    throw new IllegalStateException("JShell consumed nothing of: " + rest);
                }
                // Diagnostics count from the snippet source's first character, which may be blank lines.
                String source = info.source();
                int sourceLine = line - count(source, '\n', 0, leadingBlank(source));
                last = evalSnippet(source, sourceLine, exec);
                offset += consumed;
                rest = rest.substring(consumed);
                if (exec.takeInterrupted()) {
                    throw new CellInterrupted();
                }
            }
            return last;
        } finally {
            exec.takeThrown();
        }
    }

    private Object evalSnippet(String source, int line, InProcessExecution exec)
            throws CompilationFailure, EvaluationFailure, CellInterrupted {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue; // a dependent snippet updated as a consequence; not this cell's result
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                throw compilationFailure(s, source, line);
            }
            JShellException thrown = e.exception();
            if (thrown != null) {
                if (exec.takeInterrupted()) {
                    throw new CellInterrupted();
                }
                throw runtimeFailure(thrown, exec);
            }
            Object live = exec.takeValue(e.value());
            if (exec.takeInterrupted()) {
                throw new CellInterrupted();
            }
            value = switch (s.subKind()) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> live;
                default -> NO_VALUE;
            };
            if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> missing = unresolved(s);
                if (!missing.isEmpty() && e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    throw new CompilationFailure("line " + line + ": cannot find symbol " + String.join(", ", missing), line);
                }
            }
        }
        return value;
    }

    private CompilationFailure compilationFailure(Snippet s, String source, int line) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            List<String> missing = unresolved(s);
            String msg = missing.isEmpty() ? "rejected by the compiler" : "cannot find symbol " + String.join(", ", missing);
            return new CompilationFailure("line " + line + ": " + msg, line);
        }
        StringBuilder b = new StringBuilder();
        int firstErrorLine = -1;
        for (Diag d : diags) {
            int pos = (int) Math.max(0, Math.min(source.length(), d.getStartPosition()));
            int errLine = line + count(source, '\n', 0, pos);
            if (firstErrorLine < 0) {
                firstErrorLine = errLine;
            }
            String lineText = lineAt(source, pos);
            int col = pos - source.lastIndexOf('\n', Math.max(0, pos - 1)) - 1;
            if (pos > 0 && source.charAt(pos - 1) == '\n') {
                col = 0;
            }
            b.append("line ").append(errLine).append(": ").append(d.getMessage(Locale.ROOT)).append('\n')
                    .append("    ").append(lineText).append('\n')
                    .append("    ").append(" ".repeat(Math.max(0, col))).append("^\n");
        }
        return new CompilationFailure(b.toString().stripTrailing(), firstErrorLine);
    }

    private EvaluationFailure runtimeFailure(JShellException thrown, InProcessExecution exec) {
        Throwable real = exec.takeThrown();
        if (real != null) {
            return new EvaluationFailure(real);
        }
        if (thrown instanceof UnresolvedReferenceException u) {
            return new EvaluationFailure(new IllegalStateException(
                    u.getSnippet() + " uses a declaration that does not compile: " + unresolved(u.getSnippet())));
        }
        if (thrown instanceof EvalException ee) {
            RuntimeException r = new RuntimeException(ee.getExceptionClassName() + ": " + ee.getMessage());
            r.setStackTrace(ee.getStackTrace());
            return new EvaluationFailure(r);
        }
        return new EvaluationFailure(thrown);
    }

    private List<String> unresolved(Snippet s) {
        return switch (s.kind()) {
            case METHOD, TYPE_DECL, VAR -> shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
            default -> List.of();
        };
    }

    /** Interrupts the running cell, if any. Safe from any thread. */
    public void interrupt() {
        provider.execution().interrupt();
    }

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives where they replace from. */
    public List<String> complete(String code, int cursor, int[] anchor) {
        List<SourceCodeAnalysis.Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
        List<String> out = new ArrayList<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).map(SourceCodeAnalysis.Suggestion::continuation)
                .forEach(out::add);
        suggestions.stream().filter(s -> !s.matchesType()).map(SourceCodeAnalysis.Suggestion::continuation)
                .filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    /** Signature and javadoc of what is at {@code cursor}, or empty. */
    public List<String> inspect(String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(code, cursor, true);
        if (docs.isEmpty()) {
            // JShell documents the call whose argument list the cursor is in; on a name, ask as if "(" followed.
            int end = Math.min(cursor, code.length());
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            docs = shell.sourceCodeAnalysis().documentation(code.substring(0, end) + "(", end + 1, true);
        }
        List<String> out = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : docs) {
            out.add(d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n\n" + d.javadoc());
        }
        return out;
    }

    /** True when the code is one or more complete snippets (for the console's Enter key). */
    public SourceCodeAnalysis.Completeness completeness(String code) {
        String rest = code;
        SourceCodeAnalysis.Completeness c = SourceCodeAnalysis.Completeness.EMPTY;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            c = info.completeness();
            if (!c.isComplete() || info.remaining().length() == rest.length()) {
                return c;
            }
            rest = info.remaining();
        }
        return c;
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int count(String s, char ch, int from, int to) {
        int n = 0;
        for (int i = from; i < Math.min(to, s.length()); i++) {
            if (s.charAt(i) == ch) {
                n++;
            }
        }
        return n;
    }

    private static String lineAt(String s, int pos) {
        int start = s.lastIndexOf('\n', Math.max(0, pos - 1));
        start = (pos > 0 && s.charAt(pos - 1) == '\n') ? pos : start + 1;
        int end = s.indexOf('\n', pos);
        return s.substring(start, end < 0 ? s.length() : end);
    }

    private static String firstLines(String s) {
        String[] lines = s.split("\n", 4);
        return lines.length <= 3 ? s : String.join("\n", List.of(lines).subList(0, 3)) + "\n...";
    }
}
