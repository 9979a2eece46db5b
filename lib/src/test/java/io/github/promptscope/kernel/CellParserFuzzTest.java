package io.github.promptscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the cell parser and the argument splitting every line magic goes through. The parser has no
 * error of its own, so the contract is stronger than "no crash": the segments give back the cell's
 * lines, in order, each once; only blank code is left out. Running the magics themselves is not
 * fuzzed: {@code %load} runs code, {@code %classpath} walks the file system, {@code %maven} reaches the
 * network. Corpus: {@code CellParserFuzzTestInputs/splitsCellsIntoCodeAndMagics/}.
 */
class CellParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void splitsCellsIntoCodeAndMagics(byte[] input) {
        String cell = new String(input, StandardCharsets.UTF_8);
        List<CellParser.Segment> segments = CellParser.parse(cell);
        String[] lines = cell.split("\n", -1);
        if (lines[0].strip().startsWith("%%")) {
            assertEquals(1, segments.size());
            assertEquals(CellParser.Segment.Kind.CELL_MAGIC, segments.get(0).kind());
            assertEquals(cell.contains("\n") ? cell.substring(cell.indexOf('\n') + 1) : "", segments.get(0).body());
            return;
        }
        boolean[] covered = new boolean[lines.length];
        int next = 0; // segments come in order and never overlap
        for (CellParser.Segment s : segments) {
            int first = s.line() - 1;
            assertTrue(first >= next, "segment at line " + s.line() + " overlaps the one before");
            if (s.kind() == CellParser.Segment.Kind.LINE_MAGIC) {
                String stripped = lines[first].strip();
                assertTrue(!s.name().isEmpty() && stripped.startsWith("%" + s.name()), stripped);
                assertEquals(CellParser.splitArgs(stripped.substring(1 + s.name().length())), s.args());
                covered[first] = true;
                next = first + 1;
            } else {
                assertEquals(CellParser.Segment.Kind.CODE, s.kind());
                int n = (int) s.body().chars().filter(c -> c == '\n').count();
                assertEquals(String.join("\n", Arrays.asList(lines).subList(first, first + n)) + "\n", s.body());
                Arrays.fill(covered, first, first + n, true);
                next = first + n;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            assertTrue(covered[i] || lines[i].isBlank(), "line " + (i + 1) + " was dropped: " + lines[i]);
        }
    }
}
