package org.collapselab.core.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.core.data.DatasetLoader;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.samples.Scenarios;
import org.collapselab.core.data.samples.ShapesGenerator;
import org.collapselab.core.diagnostics.DiagnosticContext;
import org.collapselab.core.diagnostics.checks.ShortcutProbeCheck;
import org.collapselab.core.experiment.Engines;
import org.collapselab.core.experiment.ExperimentRunner;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.training.TrainingObserver;
import org.collapselab.core.training.TrainingResult;
import org.collapselab.core.util.CancellationToken;
import org.collapselab.core.util.ProgressObserver;

/** Development aid: trains on generated variants and prints the counterfactual figures. */
public final class ShortcutExplore {
    public static void main(String[] args) throws Exception {
        org.collapselab.core.util.NativeRuntime.configure();
        Path tmp = Files.createTempDirectory("shortcut-explore");
        for (String variant : args) {
            ShapesGenerator.Options o = Scenarios.options(Scenarios.BRIGHTNESS);
            String[] p = variant.split(":");
            int offset = 0;
            if (p[0].startsWith("seed")) {
                o = ShapesGenerator.Options.balanced(120, 32, Long.parseLong(p[1])).withBrightnessShortcut();
            }
            if (p[0].startsWith("plain")) {
                o = ShapesGenerator.Options.balanced(Integer.parseInt(p[2]), 32, Long.parseLong(p[1]));
            }
            if (p[0].startsWith("mild")) {
                int classes = Integer.parseInt(p[1]);
                offset = Integer.parseInt(p[2]);
                int[] counts = new int[classes];
                java.util.Arrays.fill(counts, 120);
                java.util.Arrays.fill(counts, p.length > 4 ? Integer.parseInt(p[4]) : 120);
                o = ShapesGenerator.Options.balanced(120, 32, Long.parseLong(p[3])).withCounts(counts);
            }
            if (p.length == 5 && p[0].startsWith("hard")) {
                o = o.withDifficulty(Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]),
                        Double.parseDouble(p[4]));
            }
            Path dir = tmp.resolve(p[0]);
            ShapesGenerator.generate(dir, o);
            if (offset != 0) {
                brighten(dir.resolve(ShapesGenerator.SHAPES.get(0)), offset);
            }
            ExperimentConfig config = Scenarios.config("spurious-brightness");
            String extra = System.getProperty("explore.overrides", "");
            if (!extra.isBlank()) {
                config = org.collapselab.core.model.ConfigCodec.withOverrides(config, java.util.List.of(extra.split(";")));
            }
            ImageDataset images;
            images = new DatasetLoader().load(dir, config.data().imageSize(), config.data().channels(),
                    ProgressObserver.NONE, CancellationToken.none());
            long t = System.nanoTime();
            TrainingResult r = new ExperimentRunner(Engines.defaultEngine()).run(config, images, null,
                    tmp.resolve("run-" + p[0]), TrainingObserver.NONE, CancellationToken.none()).result();
            double train = (System.nanoTime() - t) / 1e9;
            DiagnosticContext ctx = DiagnosticContext.builder(config, images).trainingResult(r).build();
            var probe = ShortcutProbeCheck.probe(ctx.train(), ctx.validation());
            t = System.nanoTime();
            var res = ShortcutCounterfactuals.test(r.model(), ctx.train(), ctx.validation(), CancellationToken.none());
            System.out.printf("%s: train %.0f s, cf %.2f s; last epoch bal %.3f; probe %s%n  original %s%n  cf %s%n",
                    variant, train, (System.nanoTime() - t) / 1e9, r.lastEpoch().balancedAccuracy(), probe,
                    res.original(), res.counterfactuals());
        }
    }

    static void brighten(Path folder, int offset) throws Exception {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int v = img.getRGB(x, y);
                        int r = Math.min(255, (v >> 16 & 0xFF) + offset);
                        int g = Math.min(255, (v >> 8 & 0xFF) + offset);
                        int b = Math.min(255, (v & 0xFF) + offset);
                        img.setRGB(x, y, r << 16 | g << 8 | b);
                    }
                }
                javax.imageio.ImageIO.write(img, "png", f.toFile());
            }
        }
    }
}
