package org.collapselab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @Test
    void atomicallyWrittenFileGetsTheSameModeAsAnyNewFile(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path written = dir.resolve("report.json");

        Json.writeAtomically(written, Map.of("a", 1));

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void atomicWriteReplacesTheTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("config.json");
        Json.writeAtomically(target, Map.of("a", 1));
        Json.writeAtomically(target, Map.of("a", 2));

        assertEquals(2, Json.MAPPER.readTree(target.toFile()).get("a").asInt());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the target remains");
        }
    }
}
