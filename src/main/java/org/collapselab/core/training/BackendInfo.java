package org.collapselab.core.training;

/**
 * Which ND4J backend runs the maths: device ("cpu"/"gpu"), backend name, BLAS vendor, a human device description,
 * whether the native binary was built with oneDNN, and which training engine ("samediff" / "multilayer") runs the
 * network, with the reason when it is not the default, and which nd4j-native binary was chosen for this CPU and why
 * ("onednn-avx2 (this CPU has avx2 but lacks avx512f, …)"). {@code engine} and {@code nativeBinary} are null in
 * reports written before they existed.
 */
public record BackendInfo(String device, String name, String blas, String description, boolean oneDnn,
                          String engine, String nativeBinary) {

    public BackendInfo(String device, String name, String blas, String description) {
        this(device, name, blas, description, false, null, null);
    }

    /**
     * Where training runs, in words for people: "the CPU: 2 cores, 2 maths threads (OpenMP), oneDNN (onednn-avx2
     * binary)" or "the GPU: NVIDIA H100 (79.6 GB, 79.1 GB free)". Reports written before the description lost its
     * leading "CPU, " read the same.
     */
    public String summary() {
        boolean gpu = "gpu".equalsIgnoreCase(device);
        String details = description == null ? "" : description.strip();
        String prefix = gpu ? "GPU" : "CPU";
        if (details.regionMatches(true, 0, prefix, 0, prefix.length())) {
            details = details.substring(prefix.length()).replaceFirst("^[,:·\\s]+", "");
        }
        return "the " + prefix + (details.isEmpty() ? "" : ": " + details);
    }

    /** {@link #summary()} and then the maths library and the engine: "…; maths library OpenBLAS; SameDiff engine". */
    public String fullSummary() {
        StringBuilder text = new StringBuilder(summary());
        if (blas != null && !blas.isBlank() && !"unknown".equalsIgnoreCase(blas)) {
            text.append("; maths library ").append(blasName(blas));
        }
        if (engine != null && !engine.isBlank()) {
            text.append("; ").append(engineName(engine));
        }
        return text.toString();
    }

    private static String blasName(String vendor) {
        return switch (vendor.toUpperCase(java.util.Locale.ROOT)) {
            case "OPENBLAS" -> "OpenBLAS";
            case "MKL" -> "Intel MKL";
            case "CUBLAS" -> "cuBLAS";
            default -> vendor;
        };
    }

    /** "samediff" → "SameDiff engine"; "multilayer (reason)" → "MultiLayerNetwork engine (reason)". */
    private static String engineName(String value) {
        if (value.startsWith("samediff")) {
            return "SameDiff engine" + value.substring("samediff".length());
        }
        if (value.startsWith("multilayer")) {
            return "MultiLayerNetwork engine" + value.substring("multilayer".length());
        }
        return value + " engine";
    }

    /** The same backend, run by the named engine ("samediff", or "multilayer (reason)"). */
    public BackendInfo withEngine(String value) {
        return new BackendInfo(device, name, blas, description, oneDnn, value, nativeBinary);
    }
}
