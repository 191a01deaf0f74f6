package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipFile;
import org.collapselab.security.CraftedZips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    private static final ModelArchive.Limits ONE_MIB = new ModelArchive.Limits(1 << 20, 2 << 20, 8);

    @TempDir
    Path dir;

    @Test
    void anOrdinaryZipPasses() throws IOException {
        Path zip = CraftedZips.named(dir.resolve("ok.zip"), "collapselab-config.json", "collapselab-model.json");
        assertDoesNotThrow(() -> ModelArchive.verify(zip, Set.of("collapselab-config.json", "collapselab-model.json"),
                ONE_MIB));
    }

    @Test
    void anEntryThatInflatesPastTheLimitIsRefused() throws IOException {
        Path zip = CraftedZips.zeros(dir.resolve("bomb.zip"), "coefficients.bin", 8L << 20);
        assertTrue(Files.size(zip) < 64 * 1024, "the bomb is small on disk: " + Files.size(zip));
        IOException e = assertThrows(IOException.class, () -> ModelArchive.verify(zip, null, ONE_MIB));
        System.out.println("zip bomb: " + e.getMessage());
        assertTrue(e.getMessage().contains("'coefficients.bin' expands past 1 MiB"), e.getMessage());
    }

    @Test
    void theSizeTheZipDeclaresIsNotTrusted() throws IOException {
        Path zip = CraftedZips.zeros(dir.resolve("liar.zip"), "coefficients.bin", 8L << 20);
        declareUncompressedSize(zip, 10);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertTrue(file.getEntry("coefficients.bin").getSize() == 10, "the directory now claims 10 bytes");
        }
        IOException e = assertThrows(IOException.class, () -> ModelArchive.verify(zip, null, ONE_MIB));
        assertTrue(e.getMessage().contains("expands past"), e.getMessage());
    }

    @Test
    void entriesTogetherPastTheTotalLimitAreRefused() throws IOException {
        Path zip = dir.resolve("many.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 3; i++) {
                out.putNextEntry(new java.util.zip.ZipEntry("part" + i));
                out.write(new byte[900 * 1024]);
                out.closeEntry();
            }
        }
        IOException e = assertThrows(IOException.class, () -> ModelArchive.verify(zip, null, ONE_MIB));
        assertTrue(e.getMessage().contains("in all"), e.getMessage());
    }

    @Test
    void parentSegmentsAndAbsoluteNamesAreRefused() throws IOException {
        for (String name : new String[]{"../evil.json", "a/../../evil.json", "..\\evil.json", "/etc/cron.d/evil",
                "C:\\evil.json", "\\\\server\\share\\evil"}) {
            Path zip = CraftedZips.named(dir.resolve("names" + Math.abs(name.hashCode()) + ".zip"), name);
            IOException e = assertThrows(IOException.class, () -> ModelArchive.verify(zip), name);
            assertTrue(e.getMessage().contains("points outside the archive"), e.getMessage());
        }
        Path fine = CraftedZips.named(dir.resolve("dots.zip"), "weights..bin");
        assertDoesNotThrow(() -> ModelArchive.verify(fine));
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        String[] names = new String[9];
        for (int i = 0; i < names.length; i++) {
            names[i] = "entry" + i;
        }
        Path zip = CraftedZips.named(dir.resolve("crowd.zip"), names);
        IOException e = assertThrows(IOException.class, () -> ModelArchive.verify(zip, null, ONE_MIB));
        assertTrue(e.getMessage().contains("more than 8 entries"), e.getMessage());
    }

    @Test
    void anEntryOutsideTheEnginesListIsRefused() throws IOException {
        Path zip = CraftedZips.named(dir.resolve("extra.zip"), "configuration.json", "preprocessor.bin");
        IOException e = assertThrows(IOException.class,
                () -> ModelArchive.verify(zip, Set.of("configuration.json"), ONE_MIB));
        assertTrue(e.getMessage().contains("never has: 'preprocessor.bin'"), e.getMessage());
    }

    @Test
    void somethingThatIsNotAZipIsRefusedInWords() throws IOException {
        Path file = Files.writeString(dir.resolve("model.zip"), "not a zip");
        IOException e = assertThrows(IOException.class, () -> ModelArchive.verify(file));
        assertTrue(e.getMessage().startsWith("refused to load the model"), e.getMessage());
    }

    /** Rewrites the uncompressed size in the central directory (offset 24 of each 0x02014b50 header). */
    private static void declareUncompressedSize(Path zip, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, size);
            }
        }
        Files.write(zip, bytes);
    }
}
