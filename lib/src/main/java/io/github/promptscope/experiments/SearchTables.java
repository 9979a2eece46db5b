package io.github.promptscope.experiments;

import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import io.github.promptscope.search.TraceEntry;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A search's ranked prompts and trace as Tablesaw tables, for notebooks and figures. */
public final class SearchTables {

    private SearchTables() {}

    /** The top {@code k} prompts: rank, prompt, accuracy, loss, evaluations (and correctness when keywords are given). */
    public static Table ranked(SearchResult r, int k, Pattern keywords) {
        List<RankedPrompt> top = r.ranked().subList(0, Math.min(k, r.ranked().size()));
        Table t = Table.create(r.method() + ": top prompts",
                IntColumn.create("rank", java.util.stream.IntStream.rangeClosed(1, top.size()).toArray()),
                StringColumn.create("prompt", top.stream().map(RankedPrompt::text).toList()),
                DoubleColumn.create("accuracy", top.stream().mapToDouble(RankedPrompt::meanAccuracy).toArray()),
                DoubleColumn.create("loss", top.stream().mapToDouble(RankedPrompt::meanLoss).toArray()),
                IntColumn.create("evaluations", top.stream().mapToInt(RankedPrompt::evaluations).toArray()));
        if (keywords != null) {
            t.addColumns(BooleanColumn.create("correct",
                    top.stream().map(p -> keywords.matcher(p.text()).find()).toList()));
        }
        return t;
    }

    /** Every candidate the search scored: step, origin, prompt, loss, accuracy. */
    public static Table trace(SearchResult r) {
        List<TraceEntry> tr = r.trace();
        return Table.create(r.method() + ": trace",
                IntColumn.create("step", tr.stream().mapToInt(TraceEntry::step).toArray()),
                StringColumn.create("origin", tr.stream().map(TraceEntry::origin).toList()),
                StringColumn.create("prompt", tr.stream().map(TraceEntry::prompt).toList()),
                DoubleColumn.create("loss", tr.stream().mapToDouble(TraceEntry::loss).toArray()),
                DoubleColumn.create("accuracy", tr.stream().mapToDouble(TraceEntry::accuracy).toArray()));
    }
}
