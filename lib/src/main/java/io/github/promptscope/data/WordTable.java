package io.github.promptscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tab-separated table from {@code data_utils/}: {@code #} lines are comments (each file opens
 * with its source), blank lines are skipped, every other line must have the expected column count.
 *
 * @param name file name inside data_utils
 * @param rows the data rows, cells stripped
 */
public record WordTable(String name, List<List<String>> rows) {

    public WordTable {
        rows = List.copyOf(rows);
    }

    // Generators draw rows one at a time; re-reading the file per draw would dominate their cost.
    private static final Map<String, WordTable> CACHE = new ConcurrentHashMap<>();

    /** Reads {@code name} (cached per data root) and checks that each row has {@code columns} cells. */
    public static WordTable read(String name, int columns) {
        String key = System.getProperty(DataFiles.HOME_PROPERTY, "") + "|" + name + "|" + columns;
        return CACHE.computeIfAbsent(key, k -> load(name, columns));
    }

    private static WordTable load(String name, int columns) {
        List<String> lines = DataFiles.lines(name);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns) {
                throw DataException.at(DataFiles.DIR + "/" + name, i + 1,
                        "expected " + columns + " tab-separated column(s), found " + cells.length + ": " + line);
            }
            List<String> row = new ArrayList<>(columns);
            for (String c : cells) {
                if (c.isBlank()) {
                    throw DataException.at(DataFiles.DIR + "/" + name, i + 1, "empty cell: " + line);
                }
                row.add(c.strip());
            }
            rows.add(List.copyOf(row));
        }
        if (rows.isEmpty()) {
            throw new DataException(DataFiles.DIR + "/" + name + ": no data rows");
        }
        return new WordTable(name, rows);
    }

    /** One column as a list. */
    public List<String> column(int k) {
        return rows.stream().map(r -> r.get(k)).toList();
    }
}
