package io.github.promptscope.experiments;

import io.github.promptscope.metrics.Recovery;
import io.github.promptscope.results.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Voxel records ({@link VoxelExperiment}) as tables: per voxel its category, mean reciprocal rank
 * over seeds, top-1 correctness, the rank per seed and the top prompt; and the overall MRR and
 * correctness. The paper reports no recovery number for its fMRI voxels (spec 3.4 lists only the
 * concepts found most often: " material" 17 and " clothing" 11 of the best 20 voxels), so the
 * summary says so beside ours.
 */
public final class VoxelTables {

    /** What the paper reports beside our MRR. */
    public static final String PAPER = "none reported (spec 3.4: top concepts over the best 20 voxels, no MRR)";

    private VoxelTables() {}

    /** One row per voxel, in voxel order; means over the voxel's seeds. */
    public static Table byVoxel(Table runs) {
        Table done = done(runs);
        // row numbers, not Rows: a tablesaw Row is one cursor that moves on as the loop does
        Map<Integer, List<Integer>> perVoxel = new TreeMap<>();
        for (int i = 0; i < done.rowCount(); i++) {
            perVoxel.computeIfAbsent(voxel(done.row(i)), k -> new ArrayList<>()).add(i);
        }
        Table out = Table.create("voxels: recovery of the planted category per voxel",
                IntColumn.create("voxel"), StringColumn.create("category"), IntColumn.create("seeds"),
                DoubleColumn.create("MRR"), DoubleColumn.create("top-1 correct"), StringColumn.create("rank per seed"),
                StringColumn.create("top prompt (first seed)"));
        for (var e : perVoxel.entrySet()) {
            Table rows = done.rows(e.getValue().stream().mapToInt(Integer::intValue).toArray())
                    .sortAscendingOn("config.seed");
            List<String> ranks = new ArrayList<>();
            for (double rank : rows.doubleColumn("metrics.rank")) {
                ranks.add(rank >= Recovery.NOT_FOUND ? "none" : Long.toString((long) rank));
            }
            out.intColumn("voxel").append(e.getKey());
            out.stringColumn("category").append(rows.getString(0, "config.params.data.description"));
            out.intColumn("seeds").append(rows.rowCount());
            out.doubleColumn("MRR").append(rows.doubleColumn("metrics.reciprocal_rank").mean());
            out.doubleColumn("top-1 correct").append(rows.doubleColumn("metrics.top1_correct").mean());
            out.stringColumn("rank per seed").append(String.join(", ", ranks));
            out.stringColumn("top prompt (first seed)").append('"' + SentimentTables.topPrompt(rows.getString(0, "prompts")) + '"');
        }
        return out;
    }

    /** MRR and correctness over every (voxel, seed) run, with the paper's column. */
    public static Table summary(Table runs) {
        Table done = done(runs);
        Table out = Table.create("voxels: mean over voxels and seeds",
                IntColumn.create("voxels"), IntColumn.create("runs"), DoubleColumn.create("MRR"),
                DoubleColumn.create("MRR std. error"), DoubleColumn.create("top-1 correct"), StringColumn.create("paper"));
        DoubleColumn rr = done.doubleColumn("metrics.reciprocal_rank");
        out.intColumn("voxels").append(done.stringColumn("config.dataset").countUnique());
        out.intColumn("runs").append(done.rowCount());
        out.doubleColumn("MRR").append(rr.mean());
        out.doubleColumn("MRR std. error").append(done.rowCount() < 2 ? Double.NaN
                : rr.standardDeviation() / Math.sqrt(done.rowCount()));
        out.doubleColumn("top-1 correct").append(done.doubleColumn("metrics.top1_correct").mean());
        out.stringColumn("paper").append(PAPER);
        return out;
    }

    private static int voxel(Row r) {
        return Integer.parseInt(r.getString("config.dataset").substring("voxel_".length()));
    }

    /** Done records that carry recovery metrics (a table without a regex column has none). */
    private static Table done(Table runs) {
        if (!runs.containsColumn("status")) {
            return runs;
        }
        Table done = runs.where(runs.stringColumn("status").isEqualTo("done"));
        return done.containsColumn("metrics.rank") ? done.where(done.doubleColumn("metrics.rank").isNotMissing())
                : done.emptyCopy();
    }

    /** The tables of a results folder, for the command line and notebooks. */
    public static List<Table> all(java.nio.file.Path dir) {
        Table runs = Results.load(dir);
        return List.of(byVoxel(runs), summary(runs));
    }
}
