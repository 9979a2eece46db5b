package io.github.promptscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * The quickstart's hook cell, run as the kernel runs it (JShell, in order, from the notebook file)
 * up to and including the cell that caches block 0's MLP activations as a table: so the notebook
 * cannot drift from the hook API even where Jupyter is not installed.
 */
class QuickstartHooksCellTest {

    @Test
    void theHookCellShowsOneRowPerTokenAndEightRoundedNeurons() throws Exception {
        List<String> cells = codeCells(locate("notebooks/00_quickstart.ipynb"));
        int hookCell = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).contains("Hooks.mlpPost(0)")) {
                hookCell = i;
            }
        }
        assertTrue(hookCell > 0, "the quickstart has the hook cell");
        try (NotebookSession session = new NotebookSession()) {
            Object value = null;
            for (int i = 0; i <= hookCell; i++) {
                value = session.run(cells.get(i));
            }
            Table t = assertInstanceOf(Table.class, value);
            // "The sum of 12 and 7 is 19." is 14 tokens for the default model (digits and spaces apart)
            assertEquals(14, t.rowCount(), t.print());
            assertEquals(List.of("token", "n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"), t.columnNames());
            assertEquals("The", t.stringColumn("token").get(0));
            assertEquals(" sum", t.stringColumn("token").get(1));
            assertEquals(1.314, t.doubleColumn("n0").get(1), 0.0, "neuron 0 at \" sum\", as printed above");
            for (int c = 1; c <= 8; c++) {
                for (double v : t.doubleColumn(c).asDoubleArray()) {
                    assertEquals(Math.round(v * 1000) / 1000.0, v, 0.0, "rounded to 3 decimals");
                }
            }
            session.run("lm.close();");
        }
    }

    /**
     * The loss-curve cell, run verbatim after the notebook's imports, model and data cells and a
     * 2-step search in place of the 60-step one (same variable, {@code result}): one point per step.
     */
    @Test
    void theLossCurveCellPlotsOnePointPerStep() throws Exception {
        List<String> cells = codeCells(locate("notebooks/00_quickstart.ipynb"));
        String curveCell = cells.stream().filter(c -> c.contains("SearchTables.series(result)")).findFirst()
                .orElseThrow(() -> new AssertionError("the quickstart plots the loss curve"));
        String dataCell = cells.stream().filter(c -> c.contains("Datasets.get(\"add_two\"")).findFirst().orElseThrow();
        try (NotebookSession session = new NotebookSession()) {
            session.run("System.setProperty(\"promptscope.progress\", \"off\");");
            session.run(cells.get(0)); // imports
            session.run(cells.get(1)); // the default model, as lm
            session.run(dataCell);
            session.run("SearchResult result = new IPrompt(IPromptConfig.quick().toBuilder().numLearnedTokens(3)"
                    + ".numMutations(1).doFinalReranking(false).seed(1).build())"
                    + ".search(lm, ds.train().stream().map(Example::input).toList(),"
                    + " ds.train().stream().map(Example::output).toList(), Budget.steps(2));");
            assertInstanceOf(Figure.class, session.run(curveCell));
            Table curve = assertInstanceOf(Table.class, session.run("curve"));
            assertEquals(2, curve.rowCount());
            assertEquals(List.of(0, 1), curve.intColumn("step").asList());
            assertEquals(((Number) session.run("result.series().get(1).loss()")).doubleValue(),
                    curve.doubleColumn("loss").get(1), 0.0);
            session.run("lm.close();");
        }
    }

    private static List<String> codeCells(Path notebook) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode cell : new ObjectMapper().readTree(notebook.toFile()).path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                StringBuilder src = new StringBuilder();
                cell.path("source").forEach(line -> src.append(line.asText()));
                out.add(src.toString());
            }
        }
        return out;
    }

    private static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
