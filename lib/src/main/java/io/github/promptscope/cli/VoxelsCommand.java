package io.github.promptscope.cli;

import io.github.promptscope.experiments.VoxelExperiment;
import io.github.promptscope.experiments.VoxelTables;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.plots.Tables;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.SweepReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "voxels", mixinStandardHelpOptions = true,
        description = {"The paper's fMRI experiment: per voxel of a voxel-to-words table, iPrompt (with the paper's "
                + "preprefix) on 15 permutations of the voxel's top 15 words, first 7 in, last 8 out; one record per "
                + "voxel and seed; prints the recovery table (rank of the first prompt matching the voxel's regex, MRR).",
                "Records already written are skipped, so an interrupted run resumes.",
                "Table: tab-separated 'voxel, top words (best first)[, category description, recovery regex]', "
                        + "# comments (DATASETS.md); without --table, the shipped synthetic data_utils/voxel_words.tsv.",
                "Without --model: models/voxels, the shipped model trained on semantic-category word lists."})
final class VoxelsCommand implements Callable<Integer> {

    /** The shipped model that knows category words (the default model reads no word lists). */
    static final String VOXELS_MODEL = "models/voxels";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the records go, e.g. results/voxels.")
    Path out;

    @Option(names = "--table", paramLabel = "FILE", description = "A voxel-to-words table (default: the synthetic one).")
    Path table;

    @Option(names = "--voxels", paramLabel = "IDS", description = "Voxel ids, e.g. 0-9 or 0,3,5-7 (default: every voxel of the table).")
    String voxels;

    @Option(names = "--tokens", defaultValue = "6", paramLabel = "N", description = "Learned prompt tokens (default "
            + "${DEFAULT-VALUE}, the paper's; the committed results/voxels use 10, since models/voxels' tokenizer spells "
            + "most category names in 3-6 tokens).")
    int tokens;

    @Mixin
    SearchRunOptions run;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() {
        System.setProperty("promptscope.progress", "off");
        try (LanguageModel lm = model.loadOr(VOXELS_MODEL)) {
            VoxelExperiment exp = VoxelExperiment.of(lm).table(table).steps(run.steps).tokens(tokens)
                    .seeds(run.seeds());
            if (voxels != null) {
                exp.voxels(ids(voxels));
            }
            SweepReport report = exp.run(RecordStore.at(out));
            System.out.printf("%d runs done, %d skipped (already recorded), %d failed%n", report.done().size(),
                    report.skipped().size(), report.failed().size());
            report.failed().forEach(f -> System.out.println("  failed: " + f.config().dataset() + " seed "
                    + f.config().seed() + ": " + f.error().message()));
            for (Table t : VoxelTables.all(out)) {
                System.out.println(Tables.toText(t));
            }
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    /** "0-9" or "0,3,5-7" as voxel ids, in the order given. */
    static int[] ids(String spec) {
        return IndexList.parse("--voxels", spec, "voxel id", "0-9");
    }
}
