package org.collapselab.core.diagnostics;

/** What was measured, the threshold it was compared with, and where that threshold comes from. */
public record Evidence(double measured, double threshold, String source) {
}
