package org.collapselab.core.data.samples;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Plants copies into a class-per-folder dataset, for the {@code duplicate-images} scenario and its tests. Per class,
 * in file-name order: the first {@code exact} images are copied byte for byte ({@code -copy.png}), the next
 * {@code resized} are saved again at twice the size ({@code -large.png}), and the next {@code misfiled} are re-encoded
 * as JPEG into the next class's folder ({@code -misfiled.jpg}), copies with a wrong label. Which copies land across
 * training and validation is left to the seeded split. Blocking file I/O.
 */
public final class DuplicatePlanter {
    private DuplicatePlanter() {
    }

    /** What was planted: counts of each kind over all classes. */
    public record Planted(int exact, int resized, int misfiled) {
        public int total() {
            return exact + resized + misfiled;
        }
    }

    public static Planted plant(Path root, int exact, int resized, int misfiled) throws IOException {
        List<Path> classes;
        try (Stream<Path> folders = Files.list(root)) {
            classes = folders.filter(Files::isDirectory).sorted().toList();
        }
        int[] done = new int[3];
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files;
            try (Stream<Path> list = Files.list(classes.get(c))) {
                files = list.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
            }
            Path next = classes.get((c + 1) % classes.size());
            for (int i = 0; i < Math.min(files.size(), exact + resized + misfiled); i++) {
                Path file = files.get(i);
                String base = file.getFileName().toString().replaceFirst("\\.png$", "");
                if (i < exact) {
                    Files.copy(file, file.resolveSibling(base + "-copy.png"));
                    done[0]++;
                } else if (i < exact + resized) {
                    BufferedImage image = ImageIO.read(file.toFile());
                    ImageIO.write(scaled(image, 2), "png", file.resolveSibling(base + "-large.png").toFile());
                    done[1]++;
                } else {
                    BufferedImage image = ImageIO.read(file.toFile());
                    ImageIO.write(scaled(image, 1), "jpg", next.resolve(base + "-misfiled.jpg").toFile());
                    done[2]++;
                }
            }
        }
        return new Planted(done[0], done[1], done[2]);
    }

    private static BufferedImage scaled(BufferedImage image, int factor) {
        int w = image.getWidth() * factor;
        int h = image.getHeight() * factor;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
