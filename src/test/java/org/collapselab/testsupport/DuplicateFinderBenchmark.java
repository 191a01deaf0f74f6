package org.collapselab.testsupport;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.DuplicateImages;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.DuplicatePlanter;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/**
 * Times the duplicate finder on a large folder: generates N small PNGs (3 classes of shapes, 32×32) plus planted
 * copies into a folder under /tmp once, loads it (decoding takes the fingerprints), then runs
 * {@link DuplicateImages#find} three times. Prints wall and CPU seconds; not a test (the machine is shared).
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.collapselab.testsupport.DuplicateFinderBenchmark [N] [folder]}
 */
public final class DuplicateFinderBenchmark {
    private DuplicateFinderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path root = Path.of(args.length > 1 ? args[1] : "/tmp/collapselab-duplicates-" + n);
        if (!Files.isDirectory(root)) {
            long t = System.nanoTime();
            int perClass = n / 3;
            ShapesGenerator.generate(root, ShapesGenerator.Options.balanced(perClass, 32, 11));
            DuplicatePlanter.Planted planted = DuplicatePlanter.plant(root, 50, 50, 20);
            System.out.printf(Locale.ROOT, "generated %d images + %d copies in %.1f s%n", 3 * perClass,
                    planted.total(), seconds(t));
        }
        long t = System.nanoTime();
        long cpu = cpu();
        ImageDataset data = new DatasetLoader().load(root, 32, 1, ProgressObserver.NONE, CancellationToken.none());
        System.out.printf(Locale.ROOT, "load (scan + decode + fingerprints): %d images, %.1f s wall, %.1f s CPU%n",
                data.count(), seconds(t), (cpu() - cpu) / 1e9);
        for (int round = 1; round <= 3; round++) {
            t = System.nanoTime();
            cpu = cpu();
            List<DuplicateImages.Match> matches = DuplicateImages.find(data);
            System.out.printf(Locale.ROOT, "find round %d: %d copies (%d exact) in %.3f s wall, %.3f s CPU%n", round,
                    matches.size(), matches.stream().filter(DuplicateImages.Match::exact).count(), seconds(t),
                    (cpu() - cpu) / 1e9);
        }
        t = System.nanoTime();
        for (int i = 0; i < data.count(); i++) {
            org.collapselab.core.data.ImageHash.of(data, i);
        }
        System.out.printf(Locale.ROOT, "fingerprints of all images at 32x32 (the cost the decoder adds, at this size): %.2f s%n",
                seconds(t));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
