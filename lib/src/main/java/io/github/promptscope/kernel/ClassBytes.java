package io.github.promptscope.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Compares two class files while ignoring their {@code LineNumberTable}s. When a later cell adds an
 * import, JShell recompiles earlier snippets; their wrapper source gains a line, so the bytecode differs
 * only in line numbers. Such a redefinition changes nothing that runs and can be accepted as is.
 */
final class ClassBytes {

    private ClassBytes() {
    }

    /** True when the class files are equal apart from line number tables; false if either is unreadable. */
    static boolean sameIgnoringLineNumbers(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        try {
            return Arrays.equals(canonical(a), canonical(b));
        } catch (RuntimeException e) {
            return false; // an unexpected layout: treat as different, JShell then reloads the class
        }
    }

    private static byte[] canonical(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        copy(in, out, 8); // magic, minor, major
        int cpCount = u2(in, out);
        String[] utf8 = new String[cpCount];
        for (int i = 1; i < cpCount; i++) {
            int tag = u1(in, out);
            switch (tag) {
                case 1 -> {
                    int len = u2(in, out);
                    byte[] s = new byte[len];
                    in.get(s);
                    out.writeBytes(s);
                    utf8[i] = new String(s, java.nio.charset.StandardCharsets.UTF_8);
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> copy(in, out, 4);
                case 5, 6 -> {
                    copy(in, out, 8);
                    i++; // longs and doubles take two slots
                }
                case 7, 8, 16, 19, 20 -> copy(in, out, 2);
                case 15 -> copy(in, out, 3);
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            }
        }
        copy(in, out, 6); // access, this, super
        int interfaces = u2(in, out);
        copy(in, out, 2 * interfaces);
        for (int members = 0; members < 2; members++) { // fields, then methods
            int count = u2(in, out);
            for (int m = 0; m < count; m++) {
                copy(in, out, 6);
                attributes(in, out, utf8);
            }
        }
        attributes(in, out, utf8);
        return out.toByteArray();
    }

    private static void attributes(ByteBuffer in, ByteArrayOutputStream out, String[] utf8) {
        int count = Short.toUnsignedInt(in.getShort());
        for (int i = 0; i < count; i++) {
            int nameIndex = Short.toUnsignedInt(in.getShort());
            int length = in.getInt();
            String name = utf8[nameIndex];
            if ("LineNumberTable".equals(name)) {
                in.position(in.position() + length);
                continue;
            }
            out.write(nameIndex >> 8);
            out.write(nameIndex);
            if ("Code".equals(name)) {
                copy(in, out, 4); // max stack, max locals
                int codeLength = in.getInt();
                writeInt(out, codeLength);
                copy(in, out, codeLength);
                int exceptions = u2(in, out);
                copy(in, out, 8 * exceptions);
                attributes(in, out, utf8);
            } else {
                writeInt(out, length);
                copy(in, out, length);
            }
        }
    }

    private static int u1(ByteBuffer in, ByteArrayOutputStream out) {
        int v = Byte.toUnsignedInt(in.get());
        out.write(v);
        return v;
    }

    private static int u2(ByteBuffer in, ByteArrayOutputStream out) {
        int v = Short.toUnsignedInt(in.getShort());
        out.write(v >> 8);
        out.write(v);
        return v;
    }

    private static void copy(ByteBuffer in, ByteArrayOutputStream out, int n) {
        byte[] b = new byte[n];
        in.get(b);
        out.writeBytes(b);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
