package io.github.promptscope.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RecoveryTablesTest {

    private static Table runs() {
        return Table.create("runs",
                StringColumn.create("status", "done", "done", "done", "failed", "done"),
                StringColumn.create("config.method", "iprompt", "iprompt", "iprompt", "iprompt", "suffix"),
                StringColumn.create("config.dataset", "add_two", "country_capital", "question_to_sql", "rhymes", "rhymes"),
                DoubleColumn.create("metrics.reciprocal_rank", 1.0, 0.5, 0.25, 1.0, 1e-10),
                DoubleColumn.create("metrics.top1_correct", 1.0, 0.0, 0.0, 1.0, 0.0));
    }

    @Test
    void collectionsAverageTheirOwnDoneRunsBesideThePaper() {
        Table t = RecoveryTables.byCollection(runs());
        assertEquals(3, t.rowCount()); // math/iprompt, anli/iprompt, induction/suffix (the failed run is left out)
        assertEquals("anli", t.stringColumn("collection").get(1));
        assertEquals(0.375, t.doubleColumn("MRR").get(1), 1e-12);
        assertEquals(2, t.intColumn("runs").get(1));
        assertEquals(0.41, t.doubleColumn("GPT-J MRR (paper)").get(1), 1e-12);
        assertEquals("suffix", t.stringColumn("method").get(2));
        assertEquals(0.035, t.doubleColumn("GPT-J MRR (paper)").get(2), 1e-12);
    }

    @Test
    void tasksCarryTheirCollectionAndThePapersIPromptNumberWhenItHasOne() {
        Table t = RecoveryTables.byTask(runs());
        for (int i = 0; i < t.rowCount(); i++) {
            String task = t.stringColumn("config.dataset").get(i);
            DoubleColumn paper = t.doubleColumn("GPT-J iPrompt MRR (paper)");
            switch (task) {
                case "add_two" -> assertEquals(1.0, paper.get(i));
                case "question_to_sql" -> assertEquals(0.43, paper.get(i));
                case "rhymes" -> assertTrue(paper.isMissing(i), "the paper gives no per-task induction MRR");
                default -> { }
            }
        }
        assertEquals(4, t.rowCount());
    }
}
