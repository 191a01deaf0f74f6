package org.collapselab.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses which nd4j-native binary JavaCPP loads, from the CPU's flags and the binaries this build carries: the
 * oneDNN build for AVX-512 ({@code -onednn-avx512}) where the CPU has every AVX-512 subset it was compiled for and
 * the build carries it, else the oneDNN build for AVX2 ({@code -onednn-avx2}), else the generic one. Must run before
 * any ND4J class loads (JavaCPP reads the property once); the CLI, the GUI launcher and the test launcher call
 * {@link #configure()} first. Idempotent and thread-safe.
 *
 * @implNote SameDiff's NHWC conv2d/maxPooling2d run through oneDNN about 5x faster than on the generic binary
 * (measured 158 vs 28–30 img/s on the reference CNN). A binary compiled for instructions the CPU lacks is not
 * refused by ND4J: the JVM dies with SIGILL while the library loads (measured with {@code -onednn-avx512} on an AMD
 * EPYC without AVX-512), so the flags are checked strictly and there is no try-and-fall-back.
 */
public final class NativeRuntime {
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String ONEDNN_EXTENSION = "-onednn-avx2";
    public static final String ONEDNN_AVX512_EXTENSION = "-onednn-avx512";
    /** The AVX-512 subsets of libnd4j's avx512 build (Skylake-SP level); all must be present. */
    static final List<String> AVX512_FLAGS = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64";
    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static volatile Choice decision;

    /** The binary chosen: the platform extension ("" for the generic binary) and why, in one line. */
    public record Choice(String extension, String reason) {
        /** "onednn-avx2", "onednn-avx512" or "generic". */
        public String binary() {
            return extension.isEmpty() ? "generic" : extension.substring(1);
        }

        /** How reports and logs show it: "onednn-avx2 (this CPU has avx2 but lacks avx512f, …)". */
        public String describe() {
            return binary() + " (" + reason + ")";
        }
    }

    private NativeRuntime() {
    }

    /**
     * Sets the platform extension to the best oneDNN binary for this CPU unless the user chose one. Returns a one-line
     * description of the decision.
     */
    public static synchronized String configure() {
        return choice().describe();
    }

    /** The decision of {@link #configure()} (made on the first call). */
    public static synchronized Choice choice() {
        if (decision != null) {
            return decision;
        }
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen != null) {
            decision = new Choice(chosen, "chosen by the user with -D" + EXTENSION_PROPERTY);
        } else if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !"x86_64".equals(arch()) && !"amd64".equals(arch())) {
            decision = new Choice("", "the app ships oneDNN builds for Linux x86-64 only");
        } else if (onClassPath("org.nd4j.linalg.jcublas.JCublasBackend")) {
            // The extension applies to every JavaCPP library, the CUDA backend's included; leave GPU builds as they were.
            decision = new Choice("", "GPU build; oneDNN is not requested next to the CUDA backend");
        } else {
            decision = choose(cpuFlags(), NativeRuntime::binaryPresent);
            if (!decision.extension().isEmpty()) {
                System.setProperty(EXTENSION_PROPERTY, decision.extension());
            } else {
                LOG.info("native binary: {}", decision.describe());
            }
        }
        return decision;
    }

    /**
     * The best binary for a CPU with {@code flags} among those {@code present} (keyed by platform extension).
     */
    static Choice choose(Set<String> flags, Predicate<String> present) {
        List<String> missing512 = AVX512_FLAGS.stream().filter(flag -> !flags.contains(flag)).toList();
        boolean avx512 = missing512.isEmpty();
        if (avx512 && present.test(ONEDNN_AVX512_EXTENSION)) {
            return new Choice(ONEDNN_AVX512_EXTENSION, "this CPU has " + String.join(", ", AVX512_FLAGS));
        }
        if (flags.contains("avx2") && present.test(ONEDNN_EXTENSION)) {
            return new Choice(ONEDNN_EXTENSION, avx512
                    ? "this CPU has AVX-512, but this build carries no " + ONEDNN_AVX512_EXTENSION.substring(1) + " binary"
                    : "this CPU has avx2 but lacks " + String.join(", ", missing512));
        }
        return new Choice("", flags.contains("avx2")
                ? "this build carries no oneDNN binary; SameDiff training will be several times slower"
                : "this CPU lacks avx2; SameDiff training will be several times slower");
    }

    /** Whether the oneDNN binary (either one) was requested; {@code Backends} checks whether it actually loaded. */
    public static boolean oneDnnRequested() {
        String extension = System.getProperty(EXTENSION_PROPERTY);
        return ONEDNN_EXTENSION.equals(extension) || ONEDNN_AVX512_EXTENSION.equals(extension);
    }

    /** Whether this class path carries the nd4j-native binary of platform extension {@code extension}. */
    static boolean binaryPresent(String extension) {
        return NativeRuntime.class.getClassLoader().getResource(BINDINGS + extension + "/libnd4jcpu.so") != null;
    }

    /** The flags line of /proc/cpuinfo (Linux); empty where it cannot be read. */
    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Set.of();
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(NativeRuntime::parseFlags)
                    .orElse(Set.of());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Set.of();
        }
    }

    static Set<String> parseFlags(String flagsLine) {
        return Arrays.stream(flagsLine.substring(flagsLine.indexOf(':') + 1).trim().split("\\s+"))
                .filter(flag -> !flag.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
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
