package io.github.promptscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Point(int x, int y) {
    }

    @Test
    void aFileHoldingJsonNullIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("spec.json"), " null\n");
        // Jackson itself hands back no object, which is what the readers used to pass on.
        assertEquals(null, MAPPER.readValue(f.toFile(), Point.class));
        IOException e = assertThrows(IOException.class, () -> JsonFiles.read(MAPPER, f, Point.class));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("null"), e.getMessage());
        assertThrows(IOException.class, () -> JsonFiles.read(MAPPER, f, new TypeReference<List<Point>>() {}));
        assertThrows(IOException.class,
                () -> JsonFiles.read(MAPPER, "null".getBytes(StandardCharsets.UTF_8), f, Point.class));
    }

    @Test
    void aValueReadsAsJacksonReadsIt(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("p.json"), "{\"x\": 3, \"y\": -4}");
        assertEquals(new Point(3, -4), JsonFiles.read(MAPPER, f, Point.class));
        Path l = Files.writeString(dir.resolve("l.json"), "[{\"x\": 1, \"y\": 2}]");
        assertEquals(List.of(new Point(1, 2)), JsonFiles.read(MAPPER, l, new TypeReference<List<Point>>() {}));
        assertEquals(Map.of("a", 1), JsonFiles.read(MAPPER, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), f,
                Map.class));
    }
}
