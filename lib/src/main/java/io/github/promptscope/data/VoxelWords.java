package io.github.promptscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The fMRI explanation task (spec 3.4): a voxel's top-responding words become a dataset of word
 * lists whose pattern is the voxel's semantic category.
 *
 * <p>Inputs are a words file (one word per line) and a responses file with one line per word, each
 * line holding one number per voxel (whitespace, comma or tab separated). The voxel's top
 * {@code topWords} words (15) are permuted {@code permutations} times (15); each permutation is one
 * example: text = the words joined by spaces, input = the first 7, output = a space and the last 8.
 * Permutations come from a seeded {@link java.util.Random}, not numpy's {@code default_rng(77)}.
 *
 * <p>Or from a voxel-to-words table ({@link #table(Path)}): UTF-8, tab-separated, {@code #} lines are
 * comments; each line is {@code voxel<TAB>top words, space-separated, highest response first} with an
 * optional {@code <TAB>category description<TAB>recovery regex}. {@link #synthetic()} is the shipped
 * {@code data_utils/voxel_words.tsv}: 10 voxels with planted categories (colours, animals, numbers, ...).
 *
 * <pre>{@code
 * Dataset d = VoxelWords.from(words, responses).voxel(3).seed(77).read();
 * Dataset v = VoxelWords.synthetic().voxel(1).read();   // the "animals" voxel; run with PREPREFIX
 * }</pre>
 */
public final class VoxelWords {

    /** The preprefix the paper's fMRI runs put before the learned prompt. */
    public static final String PREPREFIX = "The following list of words all belong to the same semantic category: ";

    /** The shipped synthetic table in {@code data_utils/}. */
    public static final String SYNTHETIC_TABLE = "voxel_words.tsv";

    private final Path wordsFile;
    private final Path responsesFile;
    private final String tableName;
    private final List<String> tableLines;
    private boolean truthGiven;
    private int voxel = 0;
    private int topWords = 15;
    private int inputWords = 7;
    private int permutations = 15;
    private long seed = 77;
    private String groundTruth = "";
    private String keywords = "(?!)";

    private VoxelWords(Path wordsFile, Path responsesFile, String tableName, List<String> tableLines) {
        this.wordsFile = wordsFile;
        this.responsesFile = responsesFile;
        this.tableName = tableName;
        this.tableLines = tableLines;
    }

    public static VoxelWords from(Path wordsFile, Path responsesFile) {
        return new VoxelWords(Objects.requireNonNull(wordsFile, "wordsFile"),
                Objects.requireNonNull(responsesFile, "responsesFile"), null, null);
    }

    /** A user's voxel-to-words table (format in the class comment). */
    public static VoxelWords table(Path table) {
        return new VoxelWords(null, null, table.toString(), TextFiles.utf8(table).lines().toList());
    }

    /** The shipped synthetic table, {@code data_utils/voxel_words.tsv}. */
    public static VoxelWords synthetic() {
        return new VoxelWords(null, null, DataFiles.DIR + "/" + SYNTHETIC_TABLE, DataFiles.lines(SYNTHETIC_TABLE));
    }

    /** Which column of the responses file (0-based), or which voxel id of a table. */
    public VoxelWords voxel(int voxel) {
        this.voxel = voxel;
        return this;
    }

    public VoxelWords topWords(int topWords, int inputWords) {
        if (inputWords <= 0 || inputWords >= topWords) {
            throw new DataException("need 0 < inputWords < topWords, got " + inputWords + " and " + topWords);
        }
        this.topWords = topWords;
        this.inputWords = inputWords;
        return this;
    }

    public VoxelWords permutations(int permutations) {
        this.permutations = permutations;
        return this;
    }

    public VoxelWords seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The category, if known (e.g. for a synthetic voxel), and its recovery regex. */
    public VoxelWords groundTruth(String description, String keywords) {
        this.groundTruth = Objects.requireNonNull(description);
        this.keywords = Objects.requireNonNull(keywords);
        this.truthGiven = true;
        return this;
    }

    /** The voxel's top words, highest response first (ties keep file order). */
    public List<String> topWords() {
        if (tableLines != null) {
            List<String> ranked = tableRow().words();
            if (ranked.size() < topWords) {
                throw DataException.at(tableName, tableRow().line(), "voxel " + voxel + " has " + ranked.size()
                        + " words, need at least " + topWords);
            }
            return ranked.subList(0, topWords);
        }
        List<String> words = TextFiles.utf8(wordsFile).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        double[] response = responses(words.size());
        if (words.size() < topWords) {
            throw new DataException(wordsFile + ": " + words.size() + " words, need at least " + topWords);
        }
        return IntStream.range(0, words.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> response[i]).reversed())
                .limit(topWords).map(words::get).toList();
    }

    public Dataset read() {
        List<String> top = topWords();
        java.util.Random rng = new java.util.Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int p = 0; p < permutations; p++) {
            List<String> perm = new ArrayList<>(top);
            java.util.Collections.shuffle(perm, rng);
            examples.add(ExampleTemplate.WORD_LIST.format(String.join(" ", perm.subList(0, inputWords)),
                    String.join(" ", perm.subList(inputWords, perm.size()))));
        }
        String truth = groundTruth;
        String regex = keywords;
        if (tableLines != null && !truthGiven && tableRow().description() != null) {
            truth = tableRow().description();
            regex = tableRow().keywords();
        }
        String source = tableLines != null ? "voxel " + voxel + " of " + tableName
                : "fMRI voxel " + voxel + " of " + responsesFile + " (words " + wordsFile + ")";
        TaskInfo info = new TaskInfo("voxel_" + voxel, "fmri", truth, regex, source);
        return Dataset.builder(info).template(ExampleTemplate.WORD_LIST).examples(examples)
                .seed(seed).trainFraction(1.0).keepOrder().build();
    }

    private double[] responses(int nWords) {
        List<String> lines = TextFiles.utf8(responsesFile).lines().filter(s -> !s.isBlank()).toList();
        if (lines.size() != nWords) {
            throw new DataException(responsesFile + ": " + lines.size() + " response lines but " + wordsFile
                    + " has " + nWords + " words; they must align line by line");
        }
        double[] r = new double[nWords];
        for (int i = 0; i < nWords; i++) {
            String[] cells = lines.get(i).strip().split("[\\s,]+");
            if (voxel < 0 || voxel >= cells.length) {
                throw DataException.at(responsesFile.toString(), i + 1, "no column for voxel " + voxel
                        + " (line has " + cells.length + ")");
            }
            try {
                r[i] = Double.parseDouble(cells[voxel]);
            } catch (NumberFormatException e) {
                throw DataException.at(responsesFile.toString(), i + 1, "not a number: \"" + cells[voxel] + "\"");
            }
        }
        return r;
    }

    /** One voxel of a table: its ranked words and, when given, its category and recovery regex. */
    record TableRow(String voxel, List<String> words, String description, String keywords, long line) {}

    /** Every voxel of the table, checked: 2 or 4 tab-separated columns, distinct ids, a valid regex. */
    public List<String> voxels() {
        return tableRows().stream().map(TableRow::voxel).toList();
    }

    private TableRow tableRow() {
        String id = Integer.toString(voxel);
        return tableRows().stream().filter(r -> r.voxel().equals(id)).findFirst()
                .orElseThrow(() -> new DataException(tableName + ": no voxel " + id + "; voxels: "
                        + String.join(", ", voxels())));
    }

    private List<TableRow> tableRows() {
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < tableLines.size(); i++) {
            String line = tableLines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 2 && cells.length != 4) {
                throw DataException.at(tableName, i + 1, "expected 2 or 4 tab-separated columns (voxel, words"
                        + " [, description, regex]), found " + cells.length);
            }
            String id = cells[0].strip();
            List<String> words = List.of(cells[1].strip().split("\\s+"));
            if (id.isEmpty() || cells[1].isBlank()) {
                throw DataException.at(tableName, i + 1, "empty voxel id or word list");
            }
            if (rows.stream().anyMatch(r -> r.voxel().equals(id))) {
                throw DataException.at(tableName, i + 1, "voxel " + id + " listed twice");
            }
            String description = cells.length == 4 ? cells[2].strip() : null;
            String regex = cells.length == 4 ? cells[3].strip() : null;
            if (regex != null) {
                try {
                    java.util.regex.Pattern.compile(regex);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw DataException.at(tableName, i + 1, "bad recovery regex \"" + regex + "\": " + e.getDescription());
                }
            }
            rows.add(new TableRow(id, words, description, regex, i + 1));
        }
        if (rows.isEmpty()) {
            throw new DataException(tableName + ": no voxels");
        }
        return rows;
    }
}
