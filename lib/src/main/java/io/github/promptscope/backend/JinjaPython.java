package io.github.promptscope.backend;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * What Hugging Face chat templates expect of Jinja beyond Jinjava: Python's string and dict methods
 * ({@code s.lstrip()}, {@code s.startswith('x')}, {@code d.items()}, ...) and the two helpers
 * {@code apply_chat_template} defines, {@code raise_exception(msg)} and {@code strftime_now(fmt)}.
 * Methods Java already has with the same meaning ({@code replace}, {@code get} with one argument)
 * fall through to Jinjava.
 */
final class JinjaPython extends ELResolver {

    /** What {@code raise_exception} throws; {@link ChatTemplate} turns it into a 400 naming the message. */
    static final class Raised extends RuntimeException {
        Raised(String message) {
            super(message, null, false, false);
        }
    }

    public static Object raiseException(String message) {
        throw new Raised(message);
    }

    /** Python's {@code datetime.now().strftime(format)} for the common directives. */
    public static String strftimeNow(String format) {
        ZonedDateTime t = ZonedDateTime.now();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> sb.append(t.getYear());
                case 'y' -> sb.append(String.format("%02d", t.getYear() % 100));
                case 'm' -> sb.append(String.format("%02d", t.getMonthValue()));
                case 'd' -> sb.append(String.format("%02d", t.getDayOfMonth()));
                case 'H' -> sb.append(String.format("%02d", t.getHour()));
                case 'I' -> sb.append(String.format("%02d", (t.getHour() + 11) % 12 + 1));
                case 'M' -> sb.append(String.format("%02d", t.getMinute()));
                case 'S' -> sb.append(String.format("%02d", t.getSecond()));
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
                case 'b' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (method == null) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Object out;
        if (base instanceof String s) {
            out = string(s, method.toString(), args);
        } else if (base instanceof Map<?, ?> m) {
            out = map(m, method.toString(), args);
        } else {
            return null;
        }
        if (out != NONE) {
            context.setPropertyResolved(true);
            return out;
        }
        return null;
    }

    private static final Object NONE = new Object();

    private static Object string(String s, String method, Object[] a) {
        String arg = a.length > 0 && a[0] != null ? a[0].toString() : null;
        return switch (method) {
            case "strip" -> rstrip(lstrip(s, arg), arg);
            case "lstrip" -> lstrip(s, arg);
            case "rstrip" -> rstrip(s, arg);
            case "startswith" -> a.length == 1 && anyOf(a[0], s::startsWith);
            case "endswith" -> a.length == 1 && anyOf(a[0], s::endsWith);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "split" -> split(s, arg);
            case "count" -> arg == null || arg.isEmpty() ? s.length() + 1 : (s.length() - s.replace(arg, "").length()) / arg.length();
            case "find" -> arg == null ? -1 : s.indexOf(arg);
            default -> NONE;
        };
    }

    private static Object map(Map<?, ?> m, String method, Object[] a) {
        return switch (method) {
            case "items" -> {
                List<List<Object>> items = new ArrayList<>();
                m.forEach((k, v) -> items.add(Arrays.asList(k, v)));
                yield items;
            }
            case "keys" -> new ArrayList<>(m.keySet());
            case "values" -> new ArrayList<>(m.values());
            case "get" -> a.length == 2 ? (m.containsKey(a[0]) ? m.get(a[0]) : a[1]) : NONE;
            default -> NONE;
        };
    }

    private static boolean anyOf(Object prefixes, java.util.function.Predicate<String> test) {
        if (prefixes instanceof Iterable<?> list) {
            for (Object p : list) {
                if (p != null && test.test(p.toString())) {
                    return true;
                }
            }
            return false;
        }
        return prefixes != null && test.test(prefixes.toString());
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }

    private static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && stripped(s.charAt(i), chars)) {
            i++;
        }
        return s.substring(i);
    }

    private static String rstrip(String s, String chars) {
        int j = s.length();
        while (j > 0 && stripped(s.charAt(j - 1), chars)) {
            j--;
        }
        return s.substring(0, j);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }

    private static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep == null) {
            for (String part : s.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        }
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0 && !sep.isEmpty(); at = s.indexOf(sep, from)) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    // Properties are Jinjava's business; this resolver only answers method calls.
    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
