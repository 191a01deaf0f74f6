package org.collapselab.core.data.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.DatasetStatistics;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesGeneratorTest {

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        ShapesGenerator.Options options = ShapesGenerator.Options.balanced(3, 16, 42);
        ShapesGenerator.generate(dir.resolve("one"), options);
        ShapesGenerator.generate(dir.resolve("two"), options);
        ShapesGenerator.generate(dir.resolve("other"), ShapesGenerator.Options.balanced(3, 16, 43));
        Path file = Path.of("square", "square-002.png");
        assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)),
                Files.readAllBytes(dir.resolve("two").resolve(file)));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("one").resolve(file)),
                Files.readAllBytes(dir.resolve("other").resolve(file))));
    }

    @Test
    void countsPerClassAllowImbalance(@TempDir Path dir) throws Exception {
        List<String> classes = ShapesGenerator.generate(dir,
                ShapesGenerator.Options.balanced(0, 16, 1).withCounts(5, 2, 1, 1));
        assertEquals(List.of("circle", "square", "triangle", "cross"), classes);
        try (var files = Files.list(dir.resolve("circle"))) {
            assertEquals(5, files.count());
        }
        try (var files = Files.list(dir.resolve("cross"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void brightnessShortcutGivesEachClassItsOwnBrightness(@TempDir Path dir) throws Exception {
        ShapesGenerator.generate(dir, ShapesGenerator.Options.balanced(6, 16, 7).withBrightnessShortcut());
        DatasetStatistics stats = DatasetStatistics.of(new DatasetLoader(2).load(dir, 16, 3, ProgressObserver.NONE,
                CancellationToken.none()));
        double[] b = stats.meanBrightness();
        assertTrue(b[0] + 10 < b[1] && b[1] + 10 < b[2], java.util.Arrays.toString(b));
    }
}
