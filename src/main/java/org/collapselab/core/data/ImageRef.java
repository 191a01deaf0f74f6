package org.collapselab.core.data;

import java.nio.file.Path;

/** A candidate image found by the scanner, labelled by its class folder. */
public record ImageRef(Path path, int classIndex) {
}
