package io.github.promptscope.experiments;

import io.github.promptscope.data.DataException;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.VoxelWords;
import io.github.promptscope.lm.LanguageModel;
import io.github.promptscope.results.RecordStore;
import io.github.promptscope.results.RunConfig;
import io.github.promptscope.results.RunOutput;
import io.github.promptscope.results.SweepReport;
import io.github.promptscope.results.SweepRunner;
import io.github.promptscope.search.Budget;
import io.github.promptscope.search.IPrompt;
import io.github.promptscope.search.IPromptConfig;
import io.github.promptscope.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The paper's fMRI experiment (iPrompt spec 3.4) on a voxel-to-words table: per voxel, the dataset
 * of 15 permutations of its top 15 words (first 7 in, last 8 out; {@link VoxelWords}), searched by
 * iPrompt with the paper's preprefix ({@link VoxelWords#PREPREFIX}) before the learned prompt; the
 * recovery metrics (rank of the first prompt matching the voxel's regex, reciprocal rank, top-1
 * correct) when the table gives a regex. One record per (voxel, seed), atomic and resumable through
 * {@link SweepRunner}.
 *
 * <p>The spec gives no search settings for the fMRI runs beyond the preprefix, so the search is the
 * recovery sweep's by default (the quick preset: 6 tokens, 3 shots, final reranking; 30 steps). The
 * word permutations are the paper's dataset (fixed seed 77); the run's seed is the search's.
 *
 * <pre>{@code
 * SweepReport r = VoxelExperiment.of(lm).voxels(0, 1, 2).seeds(1).run(RecordStore.of("voxels"));
 * Table t = VoxelTables.byVoxel(Results.load(store.dir()));
 * }</pre>
 */
public final class VoxelExperiment {

    /** The permutation seed of the paper's datasets ({@code default_rng(77)}). */
    public static final long PERMUTATION_SEED = 77;

    private final LanguageModel model;
    private Path table; // null: the shipped synthetic table
    private List<Integer> voxels; // null: every voxel of the table
    private List<Long> seeds = List.of(1L, 2L, 3L);
    private int steps = 30;
    private IPromptConfig preset = IPromptConfig.quick();

    private VoxelExperiment(LanguageModel model) {
        this.model = model;
    }

    public static VoxelExperiment of(LanguageModel model) {
        return new VoxelExperiment(model);
    }

    /** A user's voxel-to-words table (format in {@link VoxelWords}); without one, the synthetic table. */
    public VoxelExperiment table(Path file) {
        this.table = file;
        return this;
    }

    /** Which voxels (ids of the table); an id the table lacks fails in {@link #configs()}. */
    public VoxelExperiment voxels(int... ids) {
        this.voxels = java.util.Arrays.stream(ids).boxed().toList();
        return this;
    }

    public VoxelExperiment seeds(long... s) {
        this.seeds = java.util.Arrays.stream(s).boxed().toList();
        return this;
    }

    /** Most search steps per run (default 30). */
    public VoxelExperiment steps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + n);
        }
        this.steps = n;
        return this;
    }

    /**
     * Learned prompt tokens (default 6, the quick preset's and the paper's). A category name that is one
     * token for GPT-J's tokenizer can be four or five for a small model's ({@code " colours"} is
     * {@code " ", "col", "ou", "r", "s"} for models/voxels), so such a model needs more to say it.
     */
    public VoxelExperiment tokens(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--tokens must be >= 1, got " + n);
        }
        this.preset = preset.toBuilder().numLearnedTokens(n).build();
        return this;
    }

    /**
     * The search settings (default: the quick preset); its preprefix and seed are replaced by the
     * paper's preprefix and each run's seed.
     */
    public VoxelExperiment preset(IPromptConfig settings) {
        this.preset = settings;
        return this;
    }

    /** The table read (and checked: column counts, duplicate ids, regexes) before anything runs. */
    private VoxelWords words() {
        return table == null ? VoxelWords.synthetic() : VoxelWords.table(table);
    }

    /** How records name the table: the file's name, never a local path. */
    private String tableName() {
        return table == null ? "data_utils/" + VoxelWords.SYNTHETIC_TABLE : table.getFileName().toString();
    }

    /** The voxel ids to run: the chosen ones, each checked against the table, or all of them. */
    public List<Integer> voxelIds() {
        List<String> inTable = words().voxels();
        if (voxels == null) {
            List<Integer> all = new ArrayList<>();
            for (String id : inTable) {
                try {
                    all.add(Integer.parseInt(id));
                } catch (NumberFormatException e) {
                    throw new DataException(tableName() + ": voxel id \"" + id + "\" is not a whole number");
                }
            }
            return all;
        }
        for (int v : voxels) {
            if (!inTable.contains(Integer.toString(v))) {
                throw new IllegalArgumentException("--voxels: " + tableName() + " has no voxel " + v + "; its voxels: "
                        + String.join(", ", inTable));
            }
        }
        return voxels;
    }

    /** One voxel's dataset: the paper's 15 permutations, all of them searched. */
    Dataset dataset(int voxel) {
        return words().voxel(voxel).seed(PERMUTATION_SEED).read();
    }

    IPromptConfig search(long seed) {
        return preset.toBuilder().preprefix(VoxelWords.PREPREFIX).seed(seed).build();
    }

    /** Per voxel, per seed: one iPrompt run. */
    public List<RunConfig> configs() {
        List<RunConfig> out = new ArrayList<>();
        for (int v : voxelIds()) {
            SearchedRows rows = rows(dataset(v));
            for (long seed : seeds) {
                out.add(SearchRecords.config("iprompt", rows, model, search(seed), Budget.steps(steps)));
            }
        }
        return out;
    }

    /**
     * The rows and what made them. The rows' hash covers the voxel's words; the category and regex
     * are named too, so editing a voxel's line in the table makes new records for that voxel only.
     */
    private SearchedRows rows(Dataset d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("table", tableName());
        s.put("permutationSeed", PERMUTATION_SEED);
        s.put("description", d.description());
        s.put("regex", d.info().keywords());
        return SearchedRows.file(d.name(), "voxels", s, d);
    }

    public SweepReport run(RecordStore store, boolean progressBar) {
        return SweepRunner.into(store).progressBar(progressBar).run(configs(), this::evaluate);
    }

    public SweepReport run(RecordStore store) {
        return run(store, true);
    }

    RunOutput evaluate(RunConfig c) {
        int voxel = Integer.parseInt(c.dataset().substring("voxel_".length()));
        Dataset d = dataset(voxel);
        SearchedRows rows = rows(d);
        SearchResult r = new IPrompt(search(c.seed())).search(model, rows.inputs(), rows.outputs(), Budget.steps(steps));
        // a table without a regex column has no ground truth: no recovery metrics, only the prompts
        Pattern truth = d.description().isEmpty() ? null : d.keywords();
        return SearchRecords.output(r, truth);
    }
}
