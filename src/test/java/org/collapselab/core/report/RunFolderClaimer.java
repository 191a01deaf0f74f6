package org.collapselab.core.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second process for {@link RunFoldersTest}: waits for a start file, then claims {@code count} run folders with a
 * fixed time stamp and prints each path it got.
 */
public final class RunFolderClaimer {
    private RunFolderClaimer() {
    }

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args[0]);
        Path go = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(RunFolders.create(runs, "race", "20260101-120000").getFileName()).append('\n');
        }
        System.out.print(out);
    }
}
