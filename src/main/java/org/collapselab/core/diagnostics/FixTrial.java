package org.collapselab.core.diagnostics;

/** Balanced accuracy of a short trial run before and after applying a fix. */
public record FixTrial(double balancedAccuracyBefore, double balancedAccuracyAfter) {
    public double gain() {
        return balancedAccuracyAfter - balancedAccuracyBefore;
    }
}
