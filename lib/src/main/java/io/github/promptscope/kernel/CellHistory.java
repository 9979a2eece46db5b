package io.github.promptscope.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for {@code history_request}. IJava keeps no history, and basekernel then
 * drops the request without a reply (and its own reply would encode entries as objects, not the
 * spec's {@code (session, line, input)} triples), so the kernel answers it from here, as IPython's
 * history manager does within one session: {@code tail}, {@code range} and {@code search}.
 * Lines are execution counts; the history lives as long as the kernel process.
 */
final class CellHistory {

    /** The number this kernel process reports as its session; a range request's session 0 means it too. */
    static final int SESSION = 1;

    /** One cell: its execution count, its source and its result's text/plain (null without a result). */
    record Cell(int line, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        cells.add(new Cell(line, input, output));
    }

    /** The last {@code n} cells, oldest first (none for n &lt;= 0, as a LIMIT 0 query in IPython). */
    synchronized List<Cell> tail(int n) {
        return List.copyOf(cells.subList(Math.max(0, cells.size() - Math.max(0, n)), cells.size()));
    }

    /**
     * Cells with {@code start <= line < stop} of a session (0 or {@link #SESSION}: this one; any other:
     * none kept). A stop of 0 (the field left out) reads to the last cell, as IPython's {@code stop=None}.
     */
    synchronized List<Cell> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return cells.stream().filter(c -> c.line() >= start && (stop <= 0 || c.line() < stop)).toList();
    }

    /**
     * Cells whose whole source matches a glob ({@code *} any text, {@code ?} one character, as IPython's
     * SQLite GLOB), oldest first; with {@code unique} only the latest of equal sources; the last {@code n}
     * of them when n &gt; 0, all otherwise.
     */
    synchronized List<Cell> search(String glob, int n, boolean unique) {
        Pattern p = globPattern(glob == null ? "*" : glob);
        List<Cell> found = cells.stream().filter(c -> p.matcher(c.input()).matches()).toList();
        if (unique) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell c : found) {
                latest.remove(c.input()); // re-insert so the order follows each source's latest run
                latest.put(c.input(), c);
            }
            found = List.copyOf(latest.values());
        }
        return n > 0 && found.size() > n ? found.subList(found.size() - n, found.size()) : found;
    }

    /** The history_reply content for a request: {@code history} as (session, line, input) triples. */
    JsonObject reply(HistoryRequest request) {
        List<Cell> found = switch (request.getAccessType()) {
            case TAIL -> tail(((HistoryRequest.Tail) request).getMaxReturnLength());
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                yield range(r.getSessionIndex(), r.getStart(), r.getStop());
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                yield search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique());
            }
        };
        JsonArray history = new JsonArray();
        for (Cell c : found) {
            JsonArray entry = new JsonArray();
            entry.add(SESSION);
            entry.add(c.line());
            if (request.includeOutput()) {
                // (input, output) as the spec's output=True form; output null when the cell showed no value
                JsonArray io = new JsonArray();
                io.add(c.input());
                io.add(c.output());
                entry.add(io);
            } else {
                entry.add(c.input());
            }
            history.add(entry);
        }
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.add("history", history);
        return content;
    }

    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
