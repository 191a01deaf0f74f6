package org.collapselab.core.training.samediff;

import java.io.OutputStream;
import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Creates a graph's gradient function without M2.1's debug output: {@code SameDiff.createGradFunction} prints one
 * "Added differentiated op" line per op to standard output, which would corrupt the CLI's JSON output ({@code bench})
 * and the console. Standard output is swapped out for the few milliseconds the call takes, on the calling thread's
 * watch; lines printed by other threads in that window are lost, an accepted cost.
 */
final class GradientFunction {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private GradientFunction() {
    }

    static synchronized void create(SameDiff sd) {
        PrintStream original = System.out;
        System.setOut(DISCARD);
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(original);
        }
    }
}
