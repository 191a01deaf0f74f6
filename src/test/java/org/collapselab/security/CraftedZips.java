package org.collapselab.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds hostile variants of a model zip for tests. */
public final class CraftedZips {
    private CraftedZips() {
    }

    public static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** A copy of {@code source} with one more entry {@code name} holding {@code content}. */
    public static Path withEntry(Path source, Path target, String name, byte[] content) throws IOException {
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        return target;
    }

    /** A zip with one entry {@code name} of {@code zeros} zero bytes (compresses about 1000:1). */
    public static Path zeros(Path target, String name, long zeros) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.putNextEntry(new ZipEntry(name));
            writeZeros(out, zeros);
            out.closeEntry();
        }
        return target;
    }

    /** A zip with the given entry names, each holding a few bytes. */
    public static Path named(Path target, String... names) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write("{}".getBytes());
                out.closeEntry();
            }
        }
        return target;
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }
}
