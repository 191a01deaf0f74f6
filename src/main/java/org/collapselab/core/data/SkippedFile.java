package org.collapselab.core.data;

import java.nio.file.Path;

/** A file or folder that was not loaded, and why (shown to the user, written to the report). */
public record SkippedFile(Path file, String reason) {
}
