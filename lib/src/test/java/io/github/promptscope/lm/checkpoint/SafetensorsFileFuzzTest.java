package io.github.promptscope.lm.checkpoint;

import io.github.promptscope.util.FuzzContract;
import io.github.promptscope.util.FuzzFiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the safetensors reader: header length, header JSON, and each tensor's decoding. Each input is
 * read twice: as the file's bytes exactly, and as "header JSON, newline, data" with the length prefix
 * written for it, so mutations reach the JSON without first having to guess a matching length.
 * Corpus: {@code SafetensorsFileFuzzTestInputs/readsHeaderAndTensors/}.
 */
class SafetensorsFileFuzzTest {

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5m")
    void readsHeaderAndTensors(byte[] input) throws IOException {
        read(input);
        int newline = indexOf(input, (byte) '\n');
        byte[] header = Arrays.copyOfRange(input, 0, newline);
        byte[] data = Arrays.copyOfRange(input, Math.min(input.length, newline + 1), input.length);
        read(ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).put(data).array());
    }

    private void read(byte[] bytes) throws IOException {
        Path file = tmp.resolve("model.safetensors");
        FuzzFiles.rewrite(file, bytes);
        FuzzContract.namedErrorsOnly(() -> {
            SafetensorsFile f = new SafetensorsFile(file);
            for (SafetensorsFile.Entry e : f.entries().values()) {
                f.readFloats(e);
            }
        }, file.toString(), List.of(CheckpointException.class));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
