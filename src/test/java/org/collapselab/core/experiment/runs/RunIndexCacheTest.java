package org.collapselab.core.experiment.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collapselab.core.report.RunReport;
import org.collapselab.core.training.RunStatus;
import org.collapselab.testsupport.RunFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs table's cache: rows of unchanged folders are reused, anything changed is read again. */
class RunIndexCacheTest {
    @TempDir
    Path dir;
    private Path runs;
    private String previous;

    @BeforeEach
    void ownCacheFolder() throws Exception {
        previous = System.getProperty(RunIndexCache.DIRECTORY_PROPERTY);
        System.setProperty(RunIndexCache.DIRECTORY_PROPERTY, dir.resolve("cache").toString());
        runs = Files.createDirectory(dir.resolve("runs"));
        RunFolders.completed(runs.resolve("a"), RunFolders.config("name=a"), 3, 8, "class-imbalance");
        RunFolders.completed(runs.resolve("b"), RunFolders.config("name=b"), 3, 9);
        RunFolders.completed(runs.resolve("c"), RunFolders.config("name=c"), 3, 0);
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(RunIndexCache.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(RunIndexCache.DIRECTORY_PROPERTY, previous);
        }
    }

    @Test
    void unchangedFoldersComeFromTheCacheAndChangedOnesAreReadAgain() throws Exception {
        Map<String, RunSummary> first = byName(RunIndex.scan(runs));
        Path cacheFile = RunIndexCache.file(runs);
        assertTrue(Files.isRegularFile(cacheFile), "the first scan writes the cache");
        assertTrue(!Files.exists(runs.resolve(cacheFile.getFileName())), "nothing is written into the runs folder");
        // Mark a's cached row: if the next scan shows the mark, the row came from the cache, not from a's files.
        Files.writeString(cacheFile, Files.readString(cacheFile).replace("\"Finding class-imbalance\"", "\"from the cache\""));

        RunFolders.completed(runs.resolve("b"), RunFolders.config("name=b"), 5, 2, "dead-relu");
        RunIndex.writeNote(runs.resolve("c"), "edited elsewhere");
        RunFolders.completed(runs.resolve("d"), RunFolders.config("name=d"), 2, 7);
        Map<String, RunSummary> second = byName(RunIndex.scan(runs));

        assertEquals("Finding class-imbalance", first.get("a").topFinding());
        assertEquals("from the cache", second.get("a").topFinding(), "unchanged folder: cached row");
        assertEquals("Finding dead-relu", second.get("b").topFinding(), "rewritten report.json: read again");
        assertEquals(5, second.get("b").report().epochs().size(), "the whole report is read on demand");
        assertEquals("edited elsewhere", second.get("c").note(), "a new note.txt: read again");
        assertNotNull(second.get("d"), "a folder copied in is listed");
        assertEquals(first.get("a").balancedAccuracy(), second.get("a").balancedAccuracy());
        assertEquals(first.get("a").start(), second.get("a").start());
        assertEquals(first.get("a").parameters(), second.get("a").parameters());
        assertEquals(first.get("a").collapsed(), second.get("a").collapsed());
        assertTrue(second.get("c").collapsed() && second.get("c").judged());

        RunIndex.delete(runs.resolve("d"), true);
        assertEquals(3, RunIndex.scan(runs).runs().size(), "a deleted folder is gone");
    }

    @Test
    void aDamagedCacheIsIgnored() throws Exception {
        RunIndex.scan(runs);
        Files.writeString(RunIndexCache.file(runs), "{ not json");
        Map<String, RunSummary> rows = byName(RunIndex.scan(runs));
        assertEquals("Finding class-imbalance", rows.get("a").topFinding());
        assertEquals(3, rows.size());
    }

    @Test
    void aRunMarkedRunningIsAskedAgainEveryTime() throws Exception {
        RunReport done = RunReport.read(runs.resolve("a"));
        done.withStatus(RunStatus.RUNNING, null).write(runs.resolve("a"));
        assertEquals("interrupted", byName(RunIndex.scan(runs)).get("a").status(), "no process holds its lock");
        assertEquals("interrupted", byName(RunIndex.scan(runs)).get("a").status());
    }

    private static Map<String, RunSummary> byName(RunTable table) {
        return table.runs().stream().collect(Collectors.toMap(RunSummary::name, Function.identity()));
    }
}
