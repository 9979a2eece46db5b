package io.github.promptscope.cli;

import io.github.promptscope.data.DataException;
import io.github.promptscope.data.Dataset;
import io.github.promptscope.data.Datasets;
import io.github.promptscope.data.Example;
import io.github.promptscope.data.PromptLayout;
import io.github.promptscope.data.TaskInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code promptscope datasets}: list the generated tasks, or {@code datasets show add_two} to see
 * examples exactly as a search sees them.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the built-in tasks (name and ground-truth description).")
public class DatasetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Print a Markdown table (task, example, ground truth, keywords, source).")
    boolean markdown;

    public DatasetsCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            printMarkdown(out);
        } else {
            int width = Datasets.list().stream().mapToInt(i -> i.name().length()).max().orElse(10);
            for (TaskInfo info : Datasets.list()) {
                out.printf("%-" + width + "s  %-9s  %s%n", info.name(), info.collection(), info.description());
            }
        }
        out.flush();
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print examples of a task as a search sees them: each input + output (trailing whitespace and",
                    "periods stripped) + \".\", joined by blank lines, as in a proposal context."})
    int show(@Parameters(paramLabel = "NAME", description = "Task name, see 'datasets'.") String name,
             @Option(names = "--n", defaultValue = "5", description = "Examples to print (default ${DEFAULT-VALUE}).") int n,
             @Option(names = "--seed", defaultValue = "0", description = "Generation and split seed (default ${DEFAULT-VALUE}).") long seed,
             @Option(names = "--size", defaultValue = "10000", description = "Examples generated before the split (default ${DEFAULT-VALUE}).") int size,
             @Option(names = "--escaped", description = "One example per line as JSON strings: input, output.") boolean escaped) {
        PrintWriter out = spec.commandLine().getOut();
        Dataset d;
        try {
            d = Datasets.get(name, seed, size);
        } catch (DataException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        List<Example> shown = d.train().subList(0, Math.min(n, d.train().size()));
        if (escaped) {
            out.printf("# %s: %s (train %d, test %d, seed %d)%n", d.name(), d.description(), d.train().size(),
                    d.test().size(), seed);
            for (Example e : shown) {
                out.println(quote(e.input()) + "\t" + quote(e.output()));
            }
        } else {
            out.println(PromptLayout.searchText(shown));
        }
        out.flush();
        return 0;
    }

    private static void printMarkdown(PrintWriter out) {
        out.println("| task | collection | example (seed 0, as shown to a search) | ground truth | keywords | source |");
        out.println("|---|---|---|---|---|---|");
        for (TaskInfo info : Datasets.list()) {
            Example e = Datasets.get(info.name(), 0, 10_000).train().get(0);
            out.printf("| `%s` | %s | `%s` | %s | `%s` | %s |%n", info.name(), info.collection(),
                    cell(quote(PromptLayout.exampleText(e))), cell(info.description()), cell(info.keywords()), cell(info.source()));
        }
    }

    /** JSON-style quoting, so newlines and trailing spaces are visible. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
