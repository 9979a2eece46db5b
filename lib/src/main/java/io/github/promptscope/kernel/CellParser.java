package io.github.promptscope.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java code and IJava-style magics, in order.
 *
 * <ul>
 *   <li>{@code %%name args} on the first line makes the whole cell one cell magic with the rest as body.</li>
 *   <li>{@code %name args} at the start of a line (after indentation) is a line magic; the Java between
 *       magic lines runs as code, in order, so {@code %maven} then {@code import} works in one cell.</li>
 * </ul>
 * A {@code %} inside Java (an operator, a format string) is never at the start of a line in code
 * people write; a text block that starts a line with {@code %} would need a different layout.
 */
public final class CellParser {

    /** One piece of a cell; {@code line} is its 1-based first line in the cell. */
    public record Segment(Kind kind, String name, List<String> args, String body, int line) {
        public enum Kind { CODE, LINE_MAGIC, CELL_MAGIC }
    }

    private CellParser() {
    }

    public static List<Segment> parse(String cell) {
        List<Segment> out = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        if (lines.length > 0 && lines[0].strip().startsWith("%%")) {
            String head = lines[0].strip().substring(2);
            String name = head.split("\\s+", 2)[0];
            String argText = head.length() > name.length() ? head.substring(name.length()) : "";
            String body = String.join("\n", List.of(lines).subList(1, lines.length));
            out.add(new Segment(Segment.Kind.CELL_MAGIC, name, splitArgs(argText), body, 1));
            return out;
        }
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("%") && !stripped.startsWith("%%") && stripped.length() > 1
                    && Character.isJavaIdentifierStart(stripped.charAt(1))) {
                if (!code.toString().isBlank()) {
                    out.add(new Segment(Segment.Kind.CODE, null, List.of(), code.toString(), codeStart));
                }
                code.setLength(0);
                String head = stripped.substring(1);
                String name = head.split("\\s+", 2)[0];
                out.add(new Segment(Segment.Kind.LINE_MAGIC, name, splitArgs(head.substring(name.length())), null, i + 1));
                codeStart = i + 2;
            } else {
                if (code.length() == 0) {
                    codeStart = i + 1;
                }
                code.append(lines[i]).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            out.add(new Segment(Segment.Kind.CODE, null, List.of(), code.toString(), codeStart));
        }
        return out;
    }

    /** Whitespace-separated arguments; single or double quotes group, backslash escapes inside quotes. */
    public static List<String> splitArgs(String s) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    inArg = false;
                }
            } else {
                cur.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(cur.toString());
        }
        return args;
    }
}
