package io.github.promptscope.lm.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes float32 tensors as a {@code .safetensors} file that {@code transformers} and
 * {@link SafetensorsFile} read. Written to a temporary file and moved into place, so an
 * interrupted save never leaves a half-written checkpoint behind.
 */
public final class SafetensorsWriter {

    /** A tensor to write: row-major values and shape. */
    public record Tensor(float[] values, long[] shape) {}

    private SafetensorsWriter() {}

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        metadata.forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            t.putArray("shape").addAll(java.util.Arrays.stream(e.getValue().shape())
                    .mapToObj(json.getNodeFactory()::numberNode).toList());
            long bytes = 4L * e.getValue().values().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        // pad the header with spaces so the data section starts 8-byte aligned, as the reference writer does
        int padded = (headerBytes.length + 7) / 8 * 8;
        byte[] head = java.util.Arrays.copyOf(headerBytes, padded);
        java.util.Arrays.fill(head, headerBytes.length, padded, (byte) ' ');

        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(head.length).array());
            out.write(head);
            for (Tensor t : tensors.values()) {
                ByteBuffer buf = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(t.values());
                out.write(buf.array());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Map<String, Tensor> ordered() {
        return new LinkedHashMap<>();
    }
}
