package org.collapselab.core.training;

import java.util.Properties;
import org.collapselab.core.training.BackendInfo;
import org.collapselab.core.training.BackendUnavailableException;
import org.collapselab.core.util.NativeRuntime;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Describes the ND4J backend in use. The first call initialises ND4J (seconds on a cold start).
 * ND4J picks the available backend of highest priority (CUDA over CPU unless the environment
 * variables BACKEND_PRIORITY_CPU / BACKEND_PRIORITY_GPU say otherwise).
 */
public final class Backends {
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String CPU_BACKEND_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static volatile BackendInfo cached;

    private Backends() {
    }

    /** @throws BackendUnavailableException with an explanation when no backend can start */
    public static BackendInfo describe() {
        BackendInfo info = cached;
        if (info == null) {
            synchronized (Backends.class) {
                if (cached == null) {
                    cached = detect();
                }
                info = cached;
            }
        }
        return info;
    }

    /** Whether the CUDA backend is on the class path (a -Pcuda build). */
    public static boolean cudaBuild() {
        return present(CUDA_BACKEND_CLASS);
    }

    public static boolean cpuBuild() {
        return present(CPU_BACKEND_CLASS);
    }

    private static BackendInfo detect() {
        try {
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            boolean gpu = backend.toLowerCase().contains("cuda") || backend.toLowerCase().contains("cublas");
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
            boolean oneDnn = !gpu && oneDnnLoaded();
            String description;
            if (gpu) {
                description = "GPU " + describeDevices(env.get("cuda.devicesInformation"));
            } else {
                description = Runtime.getRuntime().availableProcessors() + " cores, "
                        + env.getOrDefault("omp.threads", "?") + " maths threads (OpenMP), "
                        + (oneDnn ? "oneDNN (" + NativeRuntime.choice().binary() + " binary)"
                        : "without oneDNN" + (NativeRuntime.oneDnnRequested() ? " (requested, but the "
                        + "oneDNN binary did not load)" : ""));
                if (cudaBuild()) {
                    description += " — this is a GPU build, but no usable NVIDIA GPU was found, so training runs on the CPU";
                }
            }
            return new BackendInfo(gpu ? "gpu" : "cpu", backend, blas, description, oneDnn, null,
                    NativeRuntime.choice().describe());
        } catch (Throwable e) { // ExceptionInInitializerError, UnsatisfiedLinkError, NoClassDefFoundError…
            throw new BackendUnavailableException(explain(e), e);
        }
    }

    /** Whether libnd4j was built with oneDNN: its build information lists HAVE_ONEDNN. */
    public static boolean oneDnnLoaded() {
        try {
            return Nd4j.getExecutioner().getClass().getSimpleName().startsWith("Native")
                    && String.valueOf(buildInfo()).contains("HAVE_ONEDNN");
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String buildInfo() {
        return org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }

    /** "NVIDIA H100 (79.6 GB, 79.1 GB free)" from ND4J's list of device maps. */
    static String describeDevices(Object devices) {
        if (!(devices instanceof java.util.List<?> list) || list.isEmpty()) {
            return "(device details unavailable)";
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Object item : list) {
            if (item instanceof java.util.Map<?, ?> device) {
                Object name = device.get("cuda.deviceName");
                Object total = device.get("cuda.totalMemory");
                Object free = device.get("cuda.freeMemory");
                // Locale.ROOT: the description goes into report.json, which reads the same on every machine.
                names.add(name + (total instanceof Number t
                        ? String.format(java.util.Locale.ROOT, " (%.1f GB", t.doubleValue() / 1e9)
                        + (free instanceof Number f
                        ? String.format(java.util.Locale.ROOT, ", %.1f GB free)", f.doubleValue() / 1e9) : ")") : ""));
            }
        }
        return String.join("; ", names);
    }

    static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (cudaBuild() && !cpuBuild()) {
            return "This is the GPU (CUDA) build of Collapse Lab, and it could not start the GPU backend: no usable "
                    + "NVIDIA GPU, driver or CUDA 11.6 libraries were found. Install the NVIDIA driver plus the CUDA 11.6 "
                    + "libraries (or the JavaCPP CUDA redist artifact), or use the CPU build. (" + detail + ")";
        }
        return "The numerical backend (ND4J) could not start, so nothing can be trained. This usually means the "
                + "native libraries for this platform are missing or could not be unpacked into "
                + System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache") + ". (" + detail + ")";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Backends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
