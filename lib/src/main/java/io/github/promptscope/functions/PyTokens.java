package io.github.promptscope.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits the text of a Python lambda into tokens and reads its number literals as Python does. */
final class PyTokens {

    static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    // Longest operators first so "//" is not read as two "/" and "**" not as two "*".
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<num>(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|\\d(?:_?\\d)*\\.?(?:[eE][+-]?\\d(?:_?\\d)*)?)"
                    + "|(?<name>[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<op>\\*\\*|//|==|!=|<=|>=|[-+*/%<>(),:]))");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INT = Pattern.compile("\\d(?:_?\\d)*");

    private PyTokens() {}

    static List<String> tokenize(String text) {
        // eval() ignores surrounding spaces, tabs and newlines of a one-expression string
        String s = text.strip();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        int pos = 0;
        while (pos < s.length()) {
            m.region(pos, s.length());
            if (!m.lookingAt()) {
                String rest = s.substring(pos).stripLeading();
                if (rest.isEmpty()) {
                    break;
                }
                throw new PyError("SyntaxError: cannot read '" + rest.charAt(0) + "' at position " + (s.length() - rest.length()));
            }
            String t = m.group(1) != null ? m.group(1) : (m.group(2) != null ? m.group(2) : m.group(3));
            if (m.group("num") != null && m.end() < s.length() && Character.isLetter(s.charAt(m.end()))) {
                throw new PyError("SyntaxError: invalid literal '" + t + s.charAt(m.end()) + "'");
            }
            tokens.add(t);
            pos = m.end();
        }
        return tokens;
    }

    static boolean isName(String t) {
        return NAME.matcher(t).matches();
    }

    static boolean isNumber(String t) {
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.' && t.length() > 1);
    }

    /** A literal as Python reads it: digits alone are an int (no leading zeros), anything else a float. */
    static PyValue number(String t) {
        String digits = t.replace("_", "");
        if (INT.matcher(t).matches()) {
            if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(c -> c == '0')) {
                throw new PyError("SyntaxError: leading zeros in decimal integer literals are not permitted");
            }
            try {
                return PyValue.of(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                throw PyError.beyondSubset("integer literal beyond 64 bits: " + t);
            }
        }
        return PyValue.of(Double.parseDouble(digits));
    }
}
