package io.github.promptscope.experiments;

import io.github.promptscope.search.RankedPrompt;
import io.github.promptscope.search.SearchResult;
import io.github.promptscope.search.StepStats;
import io.github.promptscope.search.TraceEntry;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A search's ranked prompts, trace, per-step series and proposals as Tablesaw tables, for notebooks and figures. */
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

    /**
     * One row per step, for a loss curve ({@code Plots.line(series, "step", "loss", null, ...)}):
     * step; {@code loss} and {@code n_correct}, the reference's {@code all_losses} and
     * {@code all_n_correct} (iPrompt: the step's lowest candidate loss and most rows any candidate
     * got right; AutoPrompt: the kept prompt's, see {@link StepStats}); {@code accuracy} =
     * n_correct / rows; {@code mean_loss} and {@code mean_accuracy} over the step's candidates.
     */
    public static Table series(SearchResult r) {
        List<StepStats> s = r.series();
        return Table.create(r.method() + ": series",
                IntColumn.create("step", s.stream().mapToInt(StepStats::step).toArray()),
                DoubleColumn.create("loss", s.stream().mapToDouble(StepStats::loss).toArray()),
                IntColumn.create("n_correct", s.stream().mapToInt(StepStats::nCorrect).toArray()),
                DoubleColumn.create("accuracy", s.stream().mapToDouble(StepStats::accuracy).toArray()),
                DoubleColumn.create("mean_loss", s.stream().mapToDouble(StepStats::meanLoss).toArray()),
                DoubleColumn.create("mean_accuracy", s.stream().mapToDouble(StepStats::meanAccuracy).toArray()));
    }

    /** Every prompt the proposal model generated, in order: index, prompt. */
    public static Table proposals(SearchResult r) {
        return Table.create(r.method() + ": proposals",
                IntColumn.create("index", java.util.stream.IntStream.range(0, r.proposals().size()).toArray()),
                StringColumn.create("prompt", r.proposals()));
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
