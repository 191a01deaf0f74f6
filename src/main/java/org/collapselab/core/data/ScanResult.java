package org.collapselab.core.data;

import java.nio.file.Path;
import java.util.List;

/** What a folder scan found: sorted class names, candidate images, and what was skipped before decoding. */
public record ScanResult(Path root, List<String> classes, List<ImageRef> images, List<SkippedFile> skipped) {
    public ScanResult {
        classes = List.copyOf(classes);
        images = List.copyOf(images);
        skipped = List.copyOf(skipped);
    }
}
