package org.collapselab.core.training;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a model zip before any engine opens it, since run folders are shared and a zip may be crafted. Refuses,
 * with a message that says why: entries that inflate past {@link Limits#maxEntryBytes} or, together, past
 * {@link Limits#maxTotalBytes} (a zip bomb; the inflated bytes are counted, the sizes the zip declares are not
 * trusted), more than {@link Limits#maxEntries} entries, names with a {@code ..} segment, an absolute path or a drive
 * letter, names outside the engine's own list, and zips whose local entries differ from their central directory (DL4J
 * reads the former, the zip file system the latter).
 */
public final class ModelArchive {
    /**
     * The defaults: the largest network the model screen can build (224 px input, wide dense layers) holds under
     * 100 M parameters, 400 MB as float32, and its Adam state twice that; so 1 GiB per entry and 2 GiB in all leave
     * room, while DL4J, which reads every entry into one byte array, cannot go past 2 GiB anyway.
     */
    public static final Limits DEFAULT_LIMITS = new Limits(1L << 30, 2L << 30, 64);

    private ModelArchive() {
    }

    /** What a model zip may hold. */
    public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
    }

    /** Checks {@code zip} against the default limits, allowing any entry name that is safe. */
    public static void verify(Path zip) throws IOException {
        verify(zip, null, DEFAULT_LIMITS);
    }

    /** Checks {@code zip} against the default limits; {@code allowedNamesOrNull} is the engine's list of entries. */
    public static void verify(Path zip, Set<String> allowedNamesOrNull) throws IOException {
        verify(zip, allowedNamesOrNull, DEFAULT_LIMITS);
    }

    public static void verify(Path zip, Set<String> allowedNamesOrNull, Limits limits) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("no model file at " + zip);
        }
        Set<String> directory = new HashSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                checkName(zip, name, allowedNamesOrNull);
                directory.add(name);
                if (directory.size() > limits.maxEntries()) {
                    throw refuse(zip, "it has more than " + limits.maxEntries() + " entries");
                }
            }
        } catch (ZipException e) {
            throw refuse(zip, "it is not a readable zip (" + e.getMessage() + ")");
        }
        Set<String> local = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(zip));
             ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                checkName(zip, name, allowedNamesOrNull);
                if (!local.add(name)) {
                    throw refuse(zip, "the entry '" + name + "' appears twice");
                }
                if (local.size() > limits.maxEntries()) {
                    throw refuse(zip, "it has more than " + limits.maxEntries() + " entries");
                }
                long size = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes()) {
                        throw refuse(zip, "the entry '" + name + "' expands past " + megabytes(limits.maxEntryBytes())
                                + " (a zip bomb?)");
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw refuse(zip, "its entries expand past " + megabytes(limits.maxTotalBytes())
                                + " in all (a zip bomb?)");
                    }
                }
            }
        } catch (ZipException e) {
            throw refuse(zip, "it is not a readable zip (" + e.getMessage() + ")");
        }
        if (!local.equals(directory)) {
            throw refuse(zip, "its entries differ from its central directory");
        }
    }

    private static void checkName(Path zip, String name, Set<String> allowedNamesOrNull) throws IOException {
        String unified = name.replace('\\', '/');
        boolean absolute = unified.startsWith("/") || unified.matches("^[A-Za-z]:.*");
        boolean parent = ("/" + unified + "/").contains("/../");
        if (absolute || parent || name.indexOf('\0') >= 0) {
            throw refuse(zip, "the entry name '" + printable(name) + "' points outside the archive");
        }
        if (allowedNamesOrNull != null && !allowedNamesOrNull.contains(name)) {
            throw refuse(zip, "it holds an entry a Collapse Lab model never has: '" + printable(name) + "'");
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static String megabytes(long bytes) {
        return bytes >= (1L << 20) ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private static IOException refuse(Path zip, String why) {
        return new IOException("refused to load the model " + zip + ": " + why);
    }
}
