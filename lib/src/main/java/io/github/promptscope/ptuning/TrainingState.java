package io.github.promptscope.ptuning;

import io.github.promptscope.util.JsonFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code state.bin}: everything a restart needs, in one file so it is replaced atomically as a whole:
 * the progress (JSON), the current weights, Adam's step and moments, and the kept (best-dev) weights.
 */
final class TrainingState {

    private static final String MAGIC = "promptscope-ptuning-state-1";

    private TrainingState() {}

    static byte[] toBytes(TrainingProgress p, PromptEncoder encoder, Adam adam, double[][] best) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            byte[] json = TrainingProgress.JSON.writeValueAsBytes(p);
            out.writeInt(json.length);
            out.write(json);
            EncoderFiles.write(out, encoder.parameters());
            out.writeLong(adam.step);
            for (int i = 0; i < adam.m.length; i++) {
                EncoderFiles.writeDoubles(out, adam.m[i]);
                EncoderFiles.writeDoubles(out, adam.v[i]);
            }
            for (double[] b : best) {
                out.writeBoolean(b != null);
                if (b != null) {
                    EncoderFiles.writeDoubles(out, b);
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Restores weights, Adam and the kept weights into the given objects; returns the progress. */
    static TrainingProgress load(Path file, PromptEncoder encoder, Adam adam, double[][] best) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + ": not a P-tuning training state (header \"" + magic + "\")");
            }
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            TrainingProgress p = JsonFiles.read(TrainingProgress.JSON, json, file, TrainingProgress.class);
            List<Param> params = encoder.parameters();
            EncoderFiles.read(in, params, file);
            adam.step = in.readLong();
            for (int i = 0; i < adam.m.length; i++) {
                EncoderFiles.readDoubles(in, adam.m[i], file, "adam.m." + params.get(i).name());
                EncoderFiles.readDoubles(in, adam.v[i], file, "adam.v." + params.get(i).name());
            }
            for (int i = 0; i < best.length; i++) {
                if (in.readBoolean()) {
                    best[i] = new double[params.get(i).size()];
                    EncoderFiles.readDoubles(in, best[i], file, "best." + params.get(i).name());
                }
            }
            return p;
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }
}
