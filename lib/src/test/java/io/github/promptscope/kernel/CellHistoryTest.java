package io.github.promptscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    /** Cells 1..5 as a notebook runs them; cell 3 showed no value. */
    private static CellHistory fiveCells() {
        CellHistory h = new CellHistory();
        h.add(1, "int a = 1;", "1");
        h.add(2, "a + 1", "2");
        h.add(3, "System.out.println(a);", null);
        h.add(4, "a + 1", "2");
        h.add(5, "String s = \"x\";", "\"x\"");
        return h;
    }

    private static List<Integer> lines(List<CellHistory.Cell> cells) {
        return cells.stream().map(CellHistory.Cell::line).toList();
    }

    @Test
    void tailIsTheLastCellsOldestFirst() {
        CellHistory h = fiveCells();
        assertEquals(List.of(4, 5), lines(h.tail(2)));
        assertEquals(List.of(1, 2, 3, 4, 5), lines(h.tail(10)));
        assertEquals(List.of(), lines(h.tail(0)));
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveInThisSessionOnly() {
        CellHistory h = fiveCells();
        assertEquals(List.of(2, 3), lines(h.range(0, 2, 4)));
        assertEquals(List.of(2, 3), lines(h.range(CellHistory.SESSION, 2, 4)));
        assertEquals(List.of(4, 5), lines(h.range(0, 4, 0))); // stop left out: to the last cell
        assertEquals(List.of(), lines(h.range(-1, 1, 0))); // an earlier session: none kept
    }

    @Test
    void searchMatchesWholeSourceByGlobWithUniqueAndLimit() {
        CellHistory h = fiveCells();
        assertEquals(List.of(2, 4), lines(h.search("a + ?", 0, false)));
        assertEquals(List.of(4), lines(h.search("a + ?", 0, true)));
        assertEquals(List.of(1, 5), lines(h.search("*=*;", 0, false)));
        assertEquals(List.of(5), lines(h.search("*=*;", 1, false)));
        assertEquals(List.of(), lines(h.search("a", 0, false))); // GLOB matches the whole source
        assertEquals(List.of(1, 3, 4, 5), lines(h.search("*", 0, true)));
        assertTrue(CellHistory.globPattern("a.b").matcher("a.b").matches());
        assertTrue(!CellHistory.globPattern("a.b").matcher("axb").matches()); // '.' is literal
    }

    @Test
    void replyHoldsSpecTriplesWithOutputPairsWhenAsked() {
        CellHistory h = fiveCells();
        JsonObject plain = h.reply(new HistoryRequest.Tail(false, true, 1));
        assertEquals("{\"status\":\"ok\",\"history\":[[1,5,\"String s = \\\"x\\\";\"]]}", plain.toString());
        JsonObject withOutput = h.reply(new HistoryRequest.Range(true, true, 0, 2, 4));
        assertEquals("{\"status\":\"ok\",\"history\":[[1,2,[\"a + 1\",\"2\"]],[1,3,[\"System.out.println(a);\",null]]]}",
                withOutput.toString());
        JsonObject found = h.reply(new HistoryRequest.Search(false, true, 0, "int*", false));
        assertEquals("[[1,1,\"int a = 1;\"]]", found.get("history").toString());
    }
}
