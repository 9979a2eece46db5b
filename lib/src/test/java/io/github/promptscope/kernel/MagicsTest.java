package io.github.promptscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    private static NotebookSession session;

    @BeforeAll
    static void start() throws Exception {
        session = new NotebookSession();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void parserSplitsMagicsFromCodeInOrder() {
        List<CellParser.Segment> s = CellParser.parse("%maven a:b:1\nimport x.*;\nint i = 1;\n  %load \"my file.jsh\"\ni");
        assertEquals(4, s.size());
        assertEquals(CellParser.Segment.Kind.LINE_MAGIC, s.get(0).kind());
        assertEquals(List.of("a:b:1"), s.get(0).args());
        assertEquals(2, s.get(1).line());
        assertEquals(List.of("my file.jsh"), s.get(2).args());
        assertEquals(5, s.get(3).line());
        assertEquals(CellParser.Segment.Kind.CELL_MAGIC, CellParser.parse("%%time\n1+1").get(0).kind());
        assertEquals(1, CellParser.parse("int m = 10 % 3;").size()); // % inside code is Java
    }

    @Test
    void loadRunsAJshFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("helpers.jsh");
        Files.writeString(f, "int triple(int x) { return 3 * x; }\nString greeting = \"hello\";\n");
        session.run("%load " + f);
        assertEquals(12, session.run("triple(4)"));
        String noExt = f.toString().replace(".jsh", "");
        session.run("%load " + noExt); // extension found like IJava
        assertEquals("hello", session.run("greeting"));
    }

    @Test
    void classpathAddsCompiledClasses(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/demo/Greeter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Greeter { public static String hi() { return \"hi from jar\"; } }");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString()));
        session.run("%classpath " + out);
        assertEquals("hi from jar", session.run("demo.Greeter.hi()"));
    }

    @Test
    void classpathWithNoMatchSaysWhere() {
        MagicException e = assertThrows(MagicException.class, () -> session.run("%classpath /nonexistent/*.jar"));
        assertTrue(e.getMessage().contains("nothing matches"), e.getMessage());
    }

    @Test
    void unknownMagicNamesTheKnownOnes() {
        MagicException e = assertThrows(MagicException.class, () -> session.run("%nosuch x"));
        assertTrue(e.getMessage().contains("%maven"), e.getMessage());
    }

    @Test
    void mavenErrorIsClear(@TempDir Path emptyRepo) {
        MavenDependencies maven = new MavenDependencies(emptyRepo);
        MagicException bad = assertThrows(MagicException.class, () -> maven.resolve(List.of("not-coordinates")));
        assertTrue(bad.getMessage().contains("group:artifact:version"), bad.getMessage());
        MagicException missing = assertThrows(MagicException.class,
                () -> maven.resolve(List.of("io.github.promptscope.nonexistent:nothing:0.0.1")));
        assertTrue(missing.getMessage().contains("cannot resolve from Maven Central"), missing.getMessage());
        assertTrue(missing.getMessage().contains("%classpath"), missing.getMessage());
    }

    @Test
    void mavenResolvesFromTheLocalRepository() throws Exception {
        // gson 2.11.0 is a build dependency, so it is in ~/.m2 and resolves without the network.
        List<Path> jars = new MavenDependencies().resolve(List.of("com.google.code.gson:gson:2.11.0"));
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().equals("gson-2.11.0.jar")), jars.toString());
    }
}
