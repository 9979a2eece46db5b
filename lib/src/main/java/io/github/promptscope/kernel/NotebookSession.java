package io.github.promptscope.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One notebook's Java state: the JShell evaluator plus the IJava magics ({@code %classpath},
 * {@code %jars}, {@code %load}, {@code %maven}). Jupyter-free, so tests drive it directly.
 */
public final class NotebookSession implements AutoCloseable {

    /** PromptScope packages imported into every notebook (a package missing from the class path is skipped, so an older jar still starts). */
    static final List<String> LIBRARY_PACKAGES = List.of("util", "data", "lm", "lm.tokenizer", "lm.train", "backend",
            "search", "metrics", "results", "results.cluster", "plots", "experiments",
            "neurons", "functions", "ptuning", "explain");

    private final JShellEvaluator evaluator;
    private final MavenDependencies maven = new MavenDependencies();

    public NotebookSession() throws CompilationFailure, EvaluationFailure, CellInterrupted {
        this.evaluator = new JShellEvaluator(startupImports());
    }

    /** The imports every notebook starts with: IJava's defaults, Tablesaw, and PromptScope's packages. */
    public static List<String> startupImports() {
        List<String> s = new ArrayList<>(List.of(
                "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
                "import java.util.concurrent.*;", "import java.util.function.*;", "import java.util.regex.*;",
                "import java.util.stream.*;", "import java.nio.file.*;",
                "import tech.tablesaw.api.Table;", "import tech.tablesaw.plotly.components.Figure;",
                "import static io.github.promptscope.kernel.Notebook.*;"));
        ClassLoader loader = NotebookSession.class.getClassLoader();
        for (String p : LIBRARY_PACKAGES) {
            if (loader.getResource("io/github/promptscope/" + p.replace('.', '/') + "/") != null) {
                s.add("import io.github.promptscope." + p + ".*;");
            }
        }
        return s;
    }

    public JShellEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Runs a cell: its magics and Java in order.
     *
     * @return the trailing expression's value, or {@link JShellEvaluator#NO_VALUE}
     */
    public Object run(String cell) throws Exception {
        Object last = JShellEvaluator.NO_VALUE;
        for (CellParser.Segment s : CellParser.parse(cell)) {
            switch (s.kind()) {
                case CODE -> last = evaluator.eval(s.body(), s.line());
                case LINE_MAGIC -> {
                    lineMagic(s.name(), s.args());
                    last = JShellEvaluator.NO_VALUE;
                }
                case CELL_MAGIC -> throw new MagicException("%%" + s.name()
                        + ": no such cell magic; line magics are %classpath, %jars, %load, %maven");
            }
        }
        return last;
    }

    public void lineMagic(String name, List<String> args) throws Exception {
        switch (name) {
            case "classpath", "jars" -> classpath(name, args);
            case "load" -> load(args);
            case "maven", "addMavenDependency", "addMavenDependencies" -> {
                List<Path> jars = maven.resolve(args);
                jars.forEach(evaluator::addToClasspath);
            }
            default -> throw new MagicException("%" + name + ": no such magic; line magics are %classpath, %jars,"
                    + " %load, %maven");
        }
    }

    private void classpath(String name, List<String> globs) throws Exception {
        if (globs.isEmpty()) {
            throw new MagicException("%" + name + " needs a path or glob, e.g. %" + name + " libs/*.jar");
        }
        for (String glob : globs) {
            List<Path> found = new ArrayList<>();
            try {
                Iterable<Path> matches = name.equals("jars") ? new GlobFinder(glob).computeMatchingFiles()
                        : new GlobFinder(glob).computeMatchingPaths();
                matches.forEach(found::add);
            } catch (IOException e) {
                found.clear(); // a folder in the glob does not exist: same as no match
            }
            if (found.isEmpty()) {
                throw new MagicException("%" + name + " " + glob + ": nothing matches (relative paths start at "
                        + Path.of("").toAbsolutePath() + ")");
            }
            found.forEach(evaluator::addToClasspath);
        }
    }

    private void load(List<String> args) throws Exception {
        if (args.size() != 1) {
            throw new MagicException("%load needs one file: %load helpers.jsh (.jsh, .jshell, .java or .ipynb)");
        }
        Path file = resolveLoadable(args.get(0));
        if (file.getFileName().toString().endsWith(".ipynb")) {
            JsonNode nb = new ObjectMapper().readTree(file.toFile());
            for (JsonNode cell : nb.path("cells")) {
                if ("code".equals(cell.path("cell_type").asText())) {
                    JsonNode src = cell.path("source");
                    StringBuilder b = new StringBuilder();
                    if (src.isArray()) {
                        src.forEach(l -> b.append(l.asText()));
                    } else {
                        b.append(src.asText());
                    }
                    run(b.toString());
                }
            }
        } else {
            run(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    private static Path resolveLoadable(String name) throws MagicException, IOException {
        Path p = Path.of(name);
        if (Files.isRegularFile(p)) {
            return p;
        }
        for (String ext : List.of(".jsh", ".jshell", ".java", ".ijava", ".ipynb")) {
            Path q = Path.of(name + ext);
            if (Files.isRegularFile(q)) {
                return q;
            }
        }
        throw new MagicException("%load " + name + ": no such file (tried .jsh, .jshell, .java, .ijava, .ipynb; relative"
                + " paths start at " + Path.of("").toAbsolutePath() + ")");
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
