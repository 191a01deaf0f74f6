package org.collapselab.core.training.dl4j;

import java.util.Properties;
import org.collapselab.core.training.BackendInfo;
import org.nd4j.linalg.factory.Nd4j;

/** Describes the ND4J backend in use. The first call initialises ND4J (seconds on a cold start). */
public final class Backends {
    private static volatile BackendInfo cached;

    private Backends() {
    }

    public static BackendInfo describe() {
        BackendInfo info = cached;
        if (info == null) {
            info = detect();
            cached = info;
        }
        return info;
    }

    private static BackendInfo detect() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        boolean gpu = backend.toLowerCase().contains("cuda") || backend.toLowerCase().contains("cublas");
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        String description;
        if (gpu) {
            Object name = env.get("cuda.devicesInformation");
            description = "GPU " + (name == null ? "" : name);
        } else {
            description = "CPU, " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + env.getOrDefault("omp.threads", "?") + " OpenMP threads";
        }
        return new BackendInfo(gpu ? "gpu" : "cpu", backend, blas, description);
    }
}
