package io.github.promptscope.ptuning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Encoder weights as bytes: each parameter's PyTorch name, length and doubles, in state_dict order.
 * Reading checks every name and length against the encoder the run's config builds, so a weights file
 * from another design or model fails with the file and the first mismatch named.
 */
final class EncoderFiles {

    private static final String MAGIC = "promptscope-ptuning-encoder-1";

    private EncoderFiles() {}

    static byte[] toBytes(List<Param> params) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            write(out, params);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return bytes.toByteArray();
    }

    /** Loads {@code file} into {@code params}. */
    static void load(Path file, List<Param> params) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + ": not a P-tuning encoder file (header \"" + magic + "\")");
            }
            read(in, params, file);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }

    static void write(DataOutputStream out, List<Param> params) throws IOException {
        out.writeInt(params.size());
        for (Param p : params) {
            out.writeUTF(p.name());
            writeDoubles(out, p.value);
        }
    }

    static void read(DataInputStream in, List<Param> params, Path file) throws IOException {
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException(file + ": holds " + n + " tensors, this run's encoder has " + params.size()
                    + " (another --design or --mlp?)");
        }
        for (Param p : params) {
            String name = in.readUTF();
            if (!name.equals(p.name())) {
                throw new IOException(file + ": tensor \"" + name + "\" where the encoder has \"" + p.name() + "\"");
            }
            readDoubles(in, p.value, file, name);
        }
    }

    static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static void readDoubles(DataInputStream in, double[] into, Path file, String what) throws IOException {
        int len = in.readInt();
        if (len != into.length) {
            throw new IOException(file + ": \"" + what + "\" has " + len + " values, expected " + into.length
                    + " (another model width?)");
        }
        for (int i = 0; i < len; i++) {
            into[i] = in.readDouble();
        }
    }
}
