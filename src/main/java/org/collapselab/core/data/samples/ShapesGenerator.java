package org.collapselab.core.data.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes small, seeded, deterministic datasets of shape images (one PNG folder per class), used
 * for the bundled samples, the diagnostics scenarios and the tests. Headless-safe (Java2D only).
 */
public final class ShapesGenerator {
    public static final List<String> SHAPES = List.of("circle", "square", "triangle", "cross", "ring");

    /**
     * @param perClass           images per class (its length is the number of classes, at most 5)
     * @param imageSize          width and height of each PNG
     * @param noise              0–1: amount of pixel noise and clutter
     * @param minScale           smallest shape size as a fraction of the image (largest is minScale + scaleRange)
     * @param scaleRange         spread of shape sizes as a fraction of the image
     * @param maxRotation        shapes are rotated uniformly within ± this many degrees
     * @param contrast           0–1: how much the shape stands out from the background
     * @param brightnessShortcut each class gets its own background brightness, so brightness alone predicts the class
     * @param noSignal           every class folder holds a random mix of all shapes: the labels carry no signal
     */
    public record Options(int[] perClass, int imageSize, long seed, double noise, double minScale, double scaleRange,
                          double maxRotation, double contrast, boolean brightnessShortcut, boolean noSignal) {
        /** Easy, clearly separable shapes: large, upright-ish, high contrast. */
        public static Options balanced(int perClass, int imageSize, long seed) {
            return new Options(new int[]{perClass, perClass, perClass}, imageSize, seed, 0.02, 0.5, 0.3, 10, 1.0,
                    false, false);
        }

        public Options withCounts(int... counts) {
            return new Options(counts, imageSize, seed, noise, minScale, scaleRange, maxRotation, contrast,
                    brightnessShortcut, noSignal);
        }

        public Options withDifficulty(double newNoise, double newMinScale, double newMaxRotation, double newContrast) {
            return new Options(perClass, imageSize, seed, newNoise, newMinScale, scaleRange, newMaxRotation, newContrast,
                    brightnessShortcut, noSignal);
        }

        public Options withImageSize(int size) {
            return new Options(perClass, size, seed, noise, minScale, scaleRange, maxRotation, contrast,
                    brightnessShortcut, noSignal);
        }

        public Options withBrightnessShortcut() {
            return new Options(perClass, imageSize, seed, noise, minScale, scaleRange, maxRotation, contrast, true,
                    noSignal);
        }

        public Options withNoSignal() {
            return new Options(perClass, imageSize, seed, noise, minScale, scaleRange, maxRotation, contrast,
                    brightnessShortcut, true);
        }
    }

    private ShapesGenerator() {
    }

    /** Writes {@code dir/<shape>/<shape>-NNN.png}; returns the class names. */
    public static List<String> generate(Path dir, Options options) throws IOException {
        Random random = new Random(options.seed());
        List<String> classes = SHAPES.subList(0, options.perClass().length);
        for (int c = 0; c < classes.size(); c++) {
            Path folder = dir.resolve(classes.get(c));
            Files.createDirectories(folder);
            for (int i = 0; i < options.perClass()[c]; i++) {
                int shape = options.noSignal() ? random.nextInt(classes.size()) : c;
                BufferedImage image = draw(shape, c, classes.size(), options, random);
                ImageIO.write(image, "png", folder.resolve(String.format(java.util.Locale.ROOT, "%s-%03d.png", classes.get(c), i)).toFile());
            }
        }
        return classes;
    }

    static BufferedImage draw(int shape, int label, int classCount, Options o, Random random) {
        int s = o.imageSize();
        BufferedImage image = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double base = o.brightnessShortcut()
                ? 40 + 150.0 * label / Math.max(1, classCount - 1) + random.nextGaussian() * 6
                : 70 + random.nextDouble() * 80;
        int bg = clamp(base);
        Color background = new Color(clamp(bg + random.nextGaussian() * 8), clamp(bg + random.nextGaussian() * 8),
                clamp(bg + random.nextGaussian() * 8));
        g.setColor(background);
        g.fillRect(0, 0, s, s);
        // Clutter: faint lines that belong to no class.
        int clutter = (int) Math.round(o.noise() * 6);
        for (int i = 0; i < clutter; i++) {
            g.setColor(shade(bg, 0.25 * o.contrast(), random));
            g.setStroke(new BasicStroke(1f + random.nextFloat()));
            g.drawLine(random.nextInt(s), random.nextInt(s), random.nextInt(s), random.nextInt(s));
        }
        double size = s * (o.minScale() + random.nextDouble() * o.scaleRange());
        double cx = size / 2 + random.nextDouble() * (s - size);
        double cy = size / 2 + random.nextDouble() * (s - size);
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians((random.nextDouble() * 2 - 1) * o.maxRotation()), cx, cy);
        g.setColor(shade(bg, o.contrast(), random));
        int x = (int) Math.round(cx - size / 2);
        int y = (int) Math.round(cy - size / 2);
        int d = (int) Math.round(size);
        switch (shape) {
            case 0 -> g.fillOval(x, y, d, d);
            case 1 -> g.fillRect(x + d / 8, y + d / 8, d * 3 / 4, d * 3 / 4);
            case 2 -> g.fillPolygon(new Polygon(new int[]{x + d / 2, x, x + d}, new int[]{y, y + d, y + d}, 3));
            case 3 -> {
                g.fillRect(x + d * 3 / 8, y, d / 4, d);
                g.fillRect(x, y + d * 3 / 8, d, d / 4);
            }
            default -> {
                g.setStroke(new BasicStroke(Math.max(2f, d / 6f)));
                g.drawOval(x + d / 8, y + d / 8, d * 3 / 4, d * 3 / 4);
            }
        }
        g.setTransform(saved);
        g.dispose();
        if (o.noise() > 0) {
            int amplitude = (int) Math.round(o.noise() * 40);
            for (int py = 0; py < s; py++) {
                for (int px = 0; px < s; px++) {
                    if (random.nextDouble() < o.noise()) {
                        int v = image.getRGB(px, py);
                        int delta = random.nextInt(2 * amplitude + 1) - amplitude;
                        image.setRGB(px, py, (clamp(((v >> 16) & 0xFF) + delta) << 16)
                                | (clamp(((v >> 8) & 0xFF) + delta) << 8) | clamp((v & 0xFF) + delta));
                    }
                }
            }
        }
        return image;
    }

    /** A colour that differs from the background brightness by about {@code contrast} × 100 levels, random hue. */
    private static Color shade(int background, double contrast, Random random) {
        double direction = background > 128 ? -1 : 1;
        int target = clamp(background + direction * (30 + 110 * contrast));
        return new Color(clamp(target + random.nextGaussian() * 25), clamp(target + random.nextGaussian() * 25),
                clamp(target + random.nextGaussian() * 25));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
