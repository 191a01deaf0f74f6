package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
    private static final String SAME_SECOND = "20260101-120000";

    @TempDir
    Path runs;

    @Test
    void namesFollowTheTimeAndTheExperimentWithASuffixWhenTaken() throws IOException {
        assertEquals("20260101-120000-my-run", RunFolders.create(runs, "my run", SAME_SECOND).getFileName().toString());
        assertEquals("20260101-120000-my-run-2", RunFolders.create(runs, "my run", SAME_SECOND).getFileName().toString());
        assertEquals("20260101-120000-run", RunFolders.create(runs, null, SAME_SECOND).getFileName().toString());
    }

    @Test
    void threadsCreatingTogetherEachGetTheirOwnFolder() throws Exception {
        int threads = 8;
        int each = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Path>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit((Callable<List<Path>>) () -> {
                    start.await();
                    List<Path> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(RunFolders.create(runs, "race", SAME_SECOND));
                    }
                    return mine;
                }));
            }
            start.countDown();
            Set<Path> all = new HashSet<>();
            for (Future<List<Path>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(threads * each, all.size(), "every call got a folder no other call got");
            assertEquals(threads * each, folderCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Tag("slow") // 48 JVM starts: about 18 s on a shared 2-core machine
    void twoProcessesStartedTogetherNeverShareAFolder() throws Exception {
        int rounds = 24;
        int each = 25;
        Set<String> all = new HashSet<>();
        for (int round = 0; round < rounds; round++) {
            Path go = runs.resolveSibling(runs.getFileName() + "-go-" + round);
            Process a = claimer(go, each);
            Process b = claimer(go, each);
            Files.createFile(go);
            List<String> fromA = output(a);
            List<String> fromB = output(b);
            assertEquals(each, fromA.size(), "process A: " + fromA);
            assertEquals(each, fromB.size(), "process B: " + fromB);
            Set<String> overlap = new HashSet<>(fromA);
            overlap.retainAll(fromB);
            assertEquals(Set.of(), overlap, "round " + round + ": both processes got the same folder");
            all.addAll(fromA);
            all.addAll(fromB);
            Files.delete(go);
        }
        assertEquals(rounds * each * 2, all.size());
        assertEquals(rounds * each * 2, folderCount());
    }

    @Test
    void aFileWhereTheRunsFolderShouldBeIsRefusedInWords() throws IOException {
        Path file = Files.writeString(runs.resolve("runs"), "not a folder");
        RunFolders.RunsFolderException e = assertThrows(RunFolders.RunsFolderException.class,
                () -> RunFolders.checkUsable(file));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void aMissingRunsFolderThatCannotBeCreatedIsRefusedInWords() throws IOException {
        Path file = Files.writeString(runs.resolve("plain-file"), "x");
        RunFolders.RunsFolderException e = assertThrows(RunFolders.RunsFolderException.class,
                () -> RunFolders.checkUsable(file.resolve("runs")));
        System.out.println("missing: " + e.getMessage());
        assertTrue(e.getMessage().contains("is missing and cannot be created"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Choose another folder for runs."), e.getMessage());
    }

    @Test
    void aMissingRunsFolderIsCreated() throws IOException {
        Path fresh = runs.resolve("a/b/runs");
        RunFolders.checkUsable(fresh);
        assertTrue(Files.isDirectory(fresh));
        try (Stream<Path> left = Files.list(fresh)) {
            assertEquals(0, left.count(), "the write probe was removed");
        }
    }

    @Test
    void aReadOnlyRunsFolderIsRefusedInWords() throws Exception {
        Path readOnly = Files.createDirectory(runs.resolve("read-only"));
        try (ReadOnly ignored = ReadOnly.make(readOnly)) {
            RunFolders.RunsFolderException e = assertThrows(RunFolders.RunsFolderException.class,
                    () -> RunFolders.checkUsable(readOnly));
            System.out.println("read-only: " + e.getMessage());
            assertTrue(e.getMessage().contains("is not writable"), e.getMessage());
            assertThrows(RunFolders.RunsFolderException.class, () -> RunFolders.create(readOnly, "x"));
        }
    }

    private long folderCount() throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(Files::isDirectory).count();
        }
    }

    private Process claimer(Path go, int count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), RunFolderClaimer.class.getName(), runs.toString(), go.toString(),
                String.valueOf(count)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> output(Process process) throws Exception {
        String text = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the claimer finished");
        assertEquals(0, process.exitValue());
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Makes a folder unwritable: permission bits, or for root (who ignores them) the immutable attribute. */
    static final class ReadOnly implements AutoCloseable {
        private final Path dir;
        private final boolean immutable;

        private ReadOnly(Path dir, boolean immutable) {
            this.dir = dir;
            this.immutable = immutable;
        }

        static ReadOnly make(Path dir) throws Exception {
            dir.toFile().setWritable(false, false);
            if (!canWrite(dir)) {
                return new ReadOnly(dir, false);
            }
            boolean set = run("chattr", "+i", dir.toString()) && !canWrite(dir);
            if (!set) {
                dir.toFile().setWritable(true, false);
            }
            Assumptions.assumeTrue(set, "cannot make a folder read-only here (root without chattr)");
            return new ReadOnly(dir, true);
        }

        private static boolean canWrite(Path dir) {
            try {
                Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean run(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (immutable) {
                run("chattr", "-i", dir.toString());
            }
            dir.toFile().setWritable(true, false);
        }
    }
}
