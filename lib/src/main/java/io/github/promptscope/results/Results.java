package io.github.promptscope.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Run records to a Tablesaw table, and the paper-table aggregation over it.
 *
 * <pre>{@code
 * Table runs = Results.load(Path.of("results/math"));
 * Table t = Results.summarize(runs, "metrics.mrr", "config.method", "config.dataset");
 * }</pre>
 */
public final class Results {

    private Results() {
    }

    /**
     * The run records under some files or folders, and the {@code .json} files that could not be
     * read ("path: reason"), which are left out of {@code runs} rather than stopping the load.
     */
    public record Scan(Table runs, List<String> skipped) {
        public Scan {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Every {@code *.json} run record under the given files or folders (recursively; JSON files that
     * are not run records, such as training logs, are passed over), one row each, with
     * nested fields flattened to dotted column names. Columns are typed from their values:
     * integers become {@link LongColumn} (groupable), other numbers {@link DoubleColumn}, booleans
     * {@link BooleanColumn}, anything else {@link StringColumn}; a field a record lacks is missing.
     * A file that is not valid JSON (cut short, hand-edited), or a record with a field whose name differs
     * from another column's only in case, is skipped with a warning on stderr: one damaged file never
     * hides the others ({@link #scan} returns the list instead).
     */
    public static Table load(Path... paths) {
        Scan scan = scan(paths);
        scan.skipped().forEach(s -> System.err.println("warning: skipped " + s));
        return scan.runs();
    }

    /** {@link #load}, returning the files it had to skip instead of printing them. */
    public static Scan scan(Path... paths) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> columnsByLowerCase = new HashMap<>();
        for (Path p : expand(paths)) {
            try {
                JsonNode node = Json.MAPPER.readTree(p.toFile());
                if (!isRunRecord(node)) {
                    continue; // other JSON under results/ (training logs, evaluations) is not a run
                }
                Map<String, JsonNode> row = JsonFlattener.flatten(node);
                String clash = caseClash(row.keySet(), columnsByLowerCase);
                if (clash != null) {
                    skipped.add(p + ": " + clash);
                    continue;
                }
                row.keySet().forEach(name -> columnsByLowerCase.putIfAbsent(name.toLowerCase(), name));
                rows.add(row);
            } catch (IOException e) {
                skipped.add(p + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
            }
        }
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        Table table = Table.create("runs");
        for (String name : names) {
            table.addColumns(column(name, rows));
        }
        return new Scan(table, skipped);
    }

    /**
     * Tablesaw refuses two columns whose names differ only in case (it compares {@code toLowerCase()}),
     * so a record with such a field cannot join the table: say which fields, or null when none clash.
     */
    private static String caseClash(Set<String> names, Map<String, String> columnsByLowerCase) {
        Map<String, String> seen = new HashMap<>(columnsByLowerCase);
        for (String name : names) {
            String other = seen.putIfAbsent(name.toLowerCase(), name);
            if (other != null && !other.equals(name)) {
                return "field \"" + name + "\" differs from \"" + other + "\" only in case; table columns ignore case";
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    /** A run record has an id, an experiment, a status and a config; nothing else is loaded as a run. */
    static boolean isRunRecord(JsonNode node) {
        return node != null && node.isObject() && node.has("id") && node.has("experiment") && node.has("status")
                && node.path("config").isObject();
    }

    /** Mean, standard error and count of {@code valueColumn}, grouped by {@code groupColumns}. */
    public static Table summarize(Table runs, String valueColumn, String... groupColumns) {
        requireNumeric(runs, valueColumn);
        var summarizer = runs.summarize(valueColumn, AggregateFunctions.mean, Stats.STD_ERR, AggregateFunctions.count);
        return groupColumns.length == 0 ? summarizer.apply() : summarizer.by(groupColumns);
    }

    /**
     * Tablesaw's summarize quietly leaves out a mean it cannot take, so a metric that one record
     * holds as text would drop the table's mean column; name the records instead.
     */
    private static void requireNumeric(Table runs, String valueColumn) {
        Column<?> c = runs.column(valueColumn);
        if (c instanceof NumericColumn<?> || c instanceof BooleanColumn) {
            return;
        }
        List<String> bad = new ArrayList<>();
        for (int row = 0; row < runs.rowCount(); row++) {
            String v = c.getString(row);
            if (!c.isMissing(row) && !isNumber(v)) {
                bad.add((runs.containsColumn("id") ? "record " + runs.getString(row, "id") : "row " + row)
                        + " holds \"" + v + "\"");
            }
        }
        throw new IllegalArgumentException("'" + valueColumn + "' must be a number in every run record, but "
                + String.join(", ", bad.subList(0, Math.min(5, bad.size())))
                + (bad.size() > 5 ? " and " + (bad.size() - 5) + " more" : "") + "; fix or delete those records");
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Path> expand(Path... paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().endsWith(".json"))
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(p + ": cannot list: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        return files;
    }

    private static Column<?> column(String name, List<Map<String, JsonNode>> rows) {
        boolean allLong = true;
        boolean allNumber = true;
        boolean allBoolean = true;
        for (Map<String, JsonNode> r : rows) {
            JsonNode v = r.get(name);
            if (v == null || v.isNull()) {
                continue;
            }
            allLong &= v.isIntegralNumber() && v.canConvertToLong();
            allNumber &= v.isNumber() || isNonFinite(v);
            allBoolean &= v.isBoolean();
        }
        if (allBoolean) {
            BooleanColumn c = BooleanColumn.create(name);
            rows.forEach(r -> append(r.get(name), c::appendMissing, v -> c.append(v.booleanValue())));
            return c;
        }
        if (allLong) {
            LongColumn c = LongColumn.create(name);
            rows.forEach(r -> append(r.get(name), c::appendMissing, v -> c.append(v.longValue())));
            return c;
        }
        if (allNumber) {
            DoubleColumn c = DoubleColumn.create(name);
            rows.forEach(r -> append(r.get(name), c::appendMissing, v -> c.append(Double.parseDouble(v.asText()))));
            return c;
        }
        StringColumn c = StringColumn.create(name);
        rows.forEach(r -> append(r.get(name), c::appendMissing, v -> c.append(v.isValueNode() ? v.asText() : v.toString())));
        return c;
    }

    /** Jackson writes NaN and infinities as strings; they are still numbers. */
    private static boolean isNonFinite(JsonNode v) {
        return v.isTextual() && (v.asText().equals("NaN") || v.asText().equals("Infinity") || v.asText().equals("-Infinity"));
    }

    private static void append(JsonNode v, Runnable missing, java.util.function.Consumer<JsonNode> value) {
        if (v == null || v.isNull()) {
            missing.run();
        } else {
            value.accept(v);
        }
    }
}
