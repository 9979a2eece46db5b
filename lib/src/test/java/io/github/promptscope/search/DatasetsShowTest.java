package io.github.promptscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.PromptLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code datasets show} prints the very text the search's rows carry (DataRows), not a layout's own text. */
class DatasetsShowTest {

    private static String show(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, new CommandLine(new io.github.promptscope.cli.DatasetsCommand()).execute(args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showEqualsTheTextOfTheSearchsRows() {
        for (String task : List.of("add_two", "exp_one", "antonyms", "sentiment_words")) {
            List<Example> shown = Datasets.get(task, 0, 10_000).train().subList(0, 3);
            List<String> ins = shown.stream().map(Example::input).toList();
            List<String> outs = shown.stream().map(Example::output).toList();
            // one-shot rows, in order: their texts joined by the blank line a proposal context puts between them
            DataRows one = DataRows.build(ins, outs, 1, true, 100, new Random(0));
            String joined = String.join(PromptLayout.SHOT_SEPARATOR, one.rows().stream().map(DataRows.Row::text).toList());
            assertEquals(joined + "\n", show("show", task, "--n", "3", "--seed", "0"), task);
            // a 3-shot row holds the same three texts in some order
            DataRows three = DataRows.build(ins, outs, 3, true, 4, new Random(1));
            Set<String> orders = Set.of(
                    PromptLayout.searchText(List.of(shown.get(0), shown.get(1), shown.get(2))),
                    PromptLayout.searchText(List.of(shown.get(0), shown.get(2), shown.get(1))),
                    PromptLayout.searchText(List.of(shown.get(1), shown.get(0), shown.get(2))),
                    PromptLayout.searchText(List.of(shown.get(1), shown.get(2), shown.get(0))),
                    PromptLayout.searchText(List.of(shown.get(2), shown.get(0), shown.get(1))),
                    PromptLayout.searchText(List.of(shown.get(2), shown.get(1), shown.get(0))));
            for (DataRows.Row r : three.rows()) {
                assertTrue(orders.contains(r.text()), r.text());
            }
        }
        assertEquals("Given the input numbers 2 and 4, the answer is 6.\n", show("show", "add_two", "--n", "1"));
    }
}
