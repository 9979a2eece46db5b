package io.github.promptscope.cli;

import io.github.promptscope.metrics.BootstrapResult;
import io.github.promptscope.metrics.PairedBootstrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Paired bootstrap test between two runs' per-example score files (spec B3, after the study's",
                "eval_utils.py): each of --samples rounds draws floor(--ratio * n) examples with replacement and",
                "compares the two means. Prints both averages, the win fractions and which system wins with what p value."})
final class PTuningBootstrapCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "F1", description = "System 1's scores: one number per line (the file `ptuning eval --metrics-to-file` writes).")
    Path file1;

    @Parameters(index = "1", paramLabel = "F2", description = "System 2's scores for the same examples in the same order.")
    Path file2;

    @Option(names = "--samples", defaultValue = "1000", description = "Resampling rounds (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--ratio", defaultValue = "0.3", description = "Fraction of the examples drawn per round (default ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the resampling (the reference has none; default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--column", paramLabel = "K", description = "Read the K-th tab-separated column (1-based) instead of the whole line, e.g. 3 for ROUGE-L in XL-Sum rows r1<TAB>r2<TAB>rL.")
    Integer column;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        if (!(ratio > 0)) {
            throw new IllegalArgumentException("--ratio must be above 0, got " + ratio);
        }
        if (column != null && column < 1) {
            throw new IllegalArgumentException("--column counts from 1, got " + column);
        }
        double[] s1 = scores(file1);
        double[] s2 = scores(file2);
        if (s1.length != s2.length) {
            throw new IllegalArgumentException("F1 " + file1 + " has " + s1.length + " scores but F2 " + file2 + " has "
                    + s2.length + "; both must score the same examples");
        }
        if ((int) (s1.length * ratio) < 1) {
            throw new IllegalArgumentException("--ratio " + ratio + " draws no example from " + s1.length
                    + " scores; raise --ratio");
        }
        BootstrapResult r = PairedBootstrap.samples(samples).sampleRatio(ratio).seed(seed).compare(s1, s2);
        System.out.printf(Locale.ROOT, "Average score of sys1: %.3f, sys2: %.3f%n", r.mean1(), r.mean2());
        System.out.printf(Locale.ROOT, "Win fractions: sys1 %.3f, sys2 %.3f, ties %.3f (%d samples of %d)%n",
                r.wins1(), r.wins2(), r.ties(), r.samples(), r.sampleSize());
        System.out.println(r.winner() == 0 ? "Neither system wins (equal win fractions)"
                : String.format(Locale.ROOT, "System %d wins with p value = %.3f", r.winner(), r.pValue()));
        return 0;
    }

    /** One score per line, or the --column cell of each line; a bad line names file and line. */
    private double[] scores(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such score file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": no scores (empty file)");
        }
        double[] out = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String cell = lines.get(i);
            if (column != null) {
                String[] cells = cell.split("\t", -1);
                if (cells.length < column) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": --column " + column + " but the line has "
                            + cells.length + " tab-separated column(s)");
                }
                cell = cells[column - 1];
            }
            try {
                out[i] = Double.parseDouble(cell.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": \"" + cell + "\" is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": score " + cell + " is not finite");
            }
        }
        return out;
    }
}
