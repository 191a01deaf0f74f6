package org.collapselab.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses which nd4j-native binary JavaCPP loads: the oneDNN build ({@code -onednn-avx2}) when the CPU has AVX2, the
 * generic one otherwise. Must run before any ND4J class loads (JavaCPP reads the property once); the CLI, the GUI
 * launcher and the test launcher call {@link #configure()} first. Idempotent and thread-safe.
 *
 * @implNote SameDiff's NHWC conv2d/maxPooling2d run through oneDNN about 5x faster than on the generic binary
 * (measured 158 vs 28–30 img/s on the reference CNN). MultiLayerNetwork never uses oneDNN in M2.1 but runs on that
 * binary as well as on the generic one.
 */
public final class NativeRuntime {
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String ONEDNN_EXTENSION = "-onednn-avx2";
    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static volatile String decision;

    private NativeRuntime() {
    }

    /**
     * Sets the platform extension to the oneDNN binary when the CPU supports AVX2 and the user chose no extension.
     * Returns a one-line description of the decision.
     */
    public static synchronized String configure() {
        if (decision != null) {
            return decision;
        }
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen != null) {
            decision = "native binary: extension '" + chosen + "' chosen by the user";
        } else if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !"x86_64".equals(arch()) && !"amd64".equals(arch())) {
            decision = "native binary: generic (the app ships the oneDNN build for Linux x86-64 with AVX2 only)";
        } else if (onClassPath("org.nd4j.linalg.jcublas.JCublasBackend")) {
            // The extension applies to every JavaCPP library, the CUDA backend's included; leave GPU builds as they were.
            decision = "native binary: generic (GPU build; oneDNN is not requested next to the CUDA backend)";
        } else if (cpuHasAvx2()) {
            System.setProperty(EXTENSION_PROPERTY, ONEDNN_EXTENSION);
            decision = "native binary: oneDNN (" + ONEDNN_EXTENSION + ")";
        } else {
            decision = "native binary: generic, because this CPU lacks AVX2 (oneDNN build not used; SameDiff training "
                    + "will be several times slower)";
            LOG.info(decision);
        }
        return decision;
    }

    /** Whether the oneDNN binary was requested; {@code Backends} checks whether it actually loaded. */
    public static boolean oneDnnRequested() {
        return ONEDNN_EXTENSION.equals(System.getProperty(EXTENSION_PROPERTY));
    }

    /** AVX2 flag of /proc/cpuinfo (Linux); false where it cannot be read. */
    static boolean cpuHasAvx2() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return false;
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> (" " + line.substring(line.indexOf(':') + 1) + " ").contains(" avx2 "))
                    .orElse(false);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, NativeRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String arch() {
        return System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    }
}
