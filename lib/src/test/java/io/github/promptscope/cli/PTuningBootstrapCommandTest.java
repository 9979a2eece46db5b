package io.github.promptscope.cli;

import static io.github.promptscope.cli.CommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ptuning bootstrap} on worked examples whose win counts follow from the draws alone. */
class PTuningBootstrapCommandTest {

    @TempDir
    Path dir;

    private Path scores(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void oneExampleApartSystemOneWinsExactlyTheRoundsThatDrawIt() throws IOException {
        // 10 examples; system 1 gets example 0 right, system 2 nothing; ratio 0.3 draws 3 ids per round.
        // A round is a win for system 1 iff it draws id 0, else a tie: expected 1 - 0.9^3 = 0.271 of rounds.
        Path f1 = scores("a.txt", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0");
        Path f2 = scores("b.txt", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0");
        // The rounds that draw id 0, counted from the same seeded stream of ids (3 per round, 1000 rounds).
        SplittableRandom rng = new SplittableRandom(5);
        int wins = 0;
        for (int round = 0; round < 1000; round++) {
            boolean hit = false;
            for (int j = 0; j < 3; j++) {
                hit |= rng.nextInt(10) == 0;
            }
            wins += hit ? 1 : 0;
        }
        assertTrue(wins > 230 && wins < 315, "binomial(1000, 0.271) far out: " + wins);
        CommandsTest.Run r = run("ptuning", "bootstrap", f1.toString(), f2.toString(), "--seed", "5");
        assertEquals(0, r.code(), r.err());
        String w = String.format(Locale.ROOT, "%.3f", wins / 1000.0);
        String ties = String.format(Locale.ROOT, "%.3f", 1 - wins / 1000.0);
        assertEquals("Average score of sys1: 0.100, sys2: 0.000\n"
                + "Win fractions: sys1 " + w + ", sys2 0.000, ties " + ties + " (1000 samples of 3)\n"
                + "System 1 wins with p value = " + ties + "\n", r.out());
    }

    @Test
    void aColumnOfXlsumRowsAndTheOtherWinner() throws IOException {
        // ROUGE-L (column 3) of system 2 is higher on every example: it wins every round, p = 0.
        Path f1 = scores("x1.tsv", "0.5\t0.2\t0.4", "0.1\t0.0\t0.1", "0.3\t0.1\t0.2", "0.6\t0.3\t0.5");
        Path f2 = scores("x2.tsv", "0.4\t0.2\t0.6", "0.2\t0.1\t0.3", "0.1\t0.0\t0.3", "0.6\t0.4\t0.7");
        CommandsTest.Run r = run("ptuning", "bootstrap", f1.toString(), f2.toString(), "--column", "3",
                "--samples", "200", "--ratio", "0.5");
        assertEquals(0, r.code(), r.err());
        // means of column 3: (0.4 + 0.1 + 0.2 + 0.5) / 4 = 0.300 and (0.6 + 0.3 + 0.3 + 0.7) / 4 = 0.475
        assertEquals("Average score of sys1: 0.300, sys2: 0.475\n"
                + "Win fractions: sys1 0.000, sys2 1.000, ties 0.000 (200 samples of 2)\n"
                + "System 2 wins with p value = 0.000\n", r.out());
    }

    @Test
    void identicalFilesTie() throws IOException {
        Path f = scores("same.txt", "1", "0", "1", "1");
        CommandsTest.Run r = run("ptuning", "bootstrap", f.toString(), f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ties 1.000") && r.out().contains("Neither system wins"), r.out());
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path good = scores("g.txt", "1", "0", "1", "0");
        Path shorter = scores("s.txt", "1", "0", "1");
        Path bad = scores("bad.txt", "1", "x", "1", "0");
        CommandsTest.Run r = run("ptuning", "bootstrap", good.toString(), shorter.toString());
        assertTrue(r.code() != 0 && r.err().contains("has 4 scores but F2") && r.err().contains("s.txt"), r.err());
        r = run("ptuning", "bootstrap", good.toString(), bad.toString());
        assertTrue(r.err().contains(bad + ":2:") && r.err().contains("\"x\""), r.err());
        r = run("ptuning", "bootstrap", good.toString(), good.toString(), "--column", "2");
        assertTrue(r.err().contains(good + ":1: --column 2"), r.err());
        r = run("ptuning", "bootstrap", good.toString(), dir.resolve("missing.txt").toString());
        assertTrue(r.err().contains("missing.txt: no such score file"), r.err());
        r = run("ptuning", "bootstrap", good.toString(), good.toString(), "--ratio", "0.1");
        assertTrue(r.err().contains("--ratio 0.1 draws no example"), r.err());
    }
}
