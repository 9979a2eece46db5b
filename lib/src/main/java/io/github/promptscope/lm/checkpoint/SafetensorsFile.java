package io.github.promptscope.lm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code .safetensors} file: its header, and each tensor decoded to float32 on request.
 *
 * <p>Read by hand rather than with {@code NDList.decode}, which buffers the whole file in one
 * {@code byte[]} (so nothing over 2 GB loads) and cannot say which file a bad tensor came from.
 * Tensors are mapped one at a time, so peak memory is one tensor, not one file.
 */
public final class SafetensorsFile {

    /** Where one tensor lives in the file, as the header describes it. */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {
        /** The product of the shape; {@code Long.MAX_VALUE} when it overflows (no file holds that many). */
        long elementCount() {
            long n = 1;
            for (long d : shape) {
                try {
                    n = Math.multiplyExact(n, d);
                } catch (ArithmeticException overflow) {
                    return Long.MAX_VALUE;
                }
            }
            return n;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> BYTES_PER_ELEMENT =
            Map.of("F32", 4, "F16", 2, "BF16", 2, "F64", 8);

    private final Path file;
    private final long dataStart;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public SafetensorsFile(Path file) {
        this.file = file;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(lenBuf, 0) != 8) {
                throw new CheckpointException(file, "too short to be a safetensors file");
            }
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > 100_000_000L || 8 + headerLen > ch.size()) {
                throw new CheckpointException(file, "bad safetensors header length " + headerLen);
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLen);
            ch.read(header, 8);
            dataStart = 8 + headerLen;
            parseHeader(new String(header.array(), java.nio.charset.StandardCharsets.UTF_8), ch.size());
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private void parseHeader(String json, long fileSize) throws IOException {
        JsonNode root = JSON.readTree(json);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            String name = e.getKey();
            JsonNode t = e.getValue();
            long[] shape = nonNegativeLongs(t.path("shape"), name, "shape", -1);
            long[] offsets = nonNegativeLongs(t.path("data_offsets"), name, "data_offsets", 2);
            Entry entry = new Entry(name, t.path("dtype").asText(), shape, offsets[0], offsets[1]);
            if (entry.end() > fileSize - dataStart || entry.end() < entry.begin()) {
                throw new CheckpointException(file, "tensor '" + name + "' lies outside the file");
            }
            entries.put(e.getKey(), entry);
        }
    }

    /**
     * A header list of non-negative integers ({@code length} of them, unless -1), or an error naming
     * the tensor and the field.
     */
    private long[] nonNegativeLongs(JsonNode list, String tensor, String field, int length) {
        if (!list.isArray() || (length >= 0 && list.size() != length)) {
            throw new CheckpointException(file, "tensor '" + tensor + "': '" + field + "' must be a list of "
                    + (length >= 0 ? length + " " : "") + "non-negative integers, got " + list);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = list.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw new CheckpointException(file, "tensor '" + tensor + "': '" + field + "' must be a list of "
                        + "non-negative integers, got " + list);
            }
            out[i] = v.asLong();
        }
        return out;
    }

    public Path file() {
        return file;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** Decodes one tensor to float32, whatever its stored floating-point type. */
    public float[] readFloats(Entry e) {
        Integer width = BYTES_PER_ELEMENT.get(e.dtype());
        if (width == null) {
            throw new CheckpointException(
                    file, "tensor '" + e.name() + "' has dtype " + e.dtype() + "; expected F32, F16, BF16 or F64");
        }
        long n = e.elementCount();
        if (n > (e.end() - e.begin()) / width || n * width != e.end() - e.begin()) {
            throw new CheckpointException(
                    file, "tensor '" + e.name() + "' holds " + (e.end() - e.begin()) + " bytes, its shape needs "
                            + (n > Long.MAX_VALUE / width ? "more than " + Long.MAX_VALUE : String.valueOf(n * width)));
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(file, "tensor '" + e.name() + "' is too large to load (" + n + " elements)");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), e.end() - e.begin())
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[(int) n];
            switch (e.dtype()) {
                case "F32" -> buf.asFloatBuffer().get(out);
                case "F64" -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (float) buf.getDouble();
                    }
                }
                case "BF16" -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
                    }
                }
                default -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = HalfFloat.toFloat(buf.getShort());
                    }
                }
            }
            return out;
        } catch (IOException ex) {
            throw new CheckpointException(file, "cannot read tensor '" + e.name() + "': " + ex.getMessage(), ex);
        }
    }
}
