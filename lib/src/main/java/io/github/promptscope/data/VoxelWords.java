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
 * <pre>{@code
 * Dataset d = VoxelWords.from(words, responses).voxel(3).seed(77).read();
 * }</pre>
 */
public final class VoxelWords {

    /** The preprefix the paper's fMRI runs put before the learned prompt. */
    public static final String PREPREFIX = "The following list of words all belong to the same semantic category: ";

    private final Path wordsFile;
    private final Path responsesFile;
    private int voxel = 0;
    private int topWords = 15;
    private int inputWords = 7;
    private int permutations = 15;
    private long seed = 77;
    private String groundTruth = "";
    private String keywords = "(?!)";

    private VoxelWords(Path wordsFile, Path responsesFile) {
        this.wordsFile = Objects.requireNonNull(wordsFile, "wordsFile");
        this.responsesFile = Objects.requireNonNull(responsesFile, "responsesFile");
    }

    public static VoxelWords from(Path wordsFile, Path responsesFile) {
        return new VoxelWords(wordsFile, responsesFile);
    }

    /** Which column of the responses file (0-based). */
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
        return this;
    }

    /** The voxel's top words, highest response first (ties keep file order). */
    public List<String> topWords() {
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
        TaskInfo info = new TaskInfo("voxel_" + voxel, "fmri", groundTruth, keywords,
                "fMRI voxel " + voxel + " of " + responsesFile + " (words " + wordsFile + ")");
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
}
