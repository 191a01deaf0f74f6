package org.collapselab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The backend line people read in the status bar, on the Train screen and in the CLI. */
class BackendInfoTest {

    @Test
    void theCpuLineNamesTheCpuOnceAndSpellsOutTheLibrariesAndTheEngine() {
        BackendInfo info = new BackendInfo("cpu", "CpuBackend", "OPENBLAS",
                "2 cores, 2 maths threads (OpenMP), oneDNN (onednn-avx2 binary)", true, "samediff", "onednn-avx2");
        assertEquals("the CPU: 2 cores, 2 maths threads (OpenMP), oneDNN (onednn-avx2 binary)", info.summary());
        assertEquals("the CPU: 2 cores, 2 maths threads (OpenMP), oneDNN (onednn-avx2 binary); maths library OpenBLAS; "
                + "SameDiff engine", info.fullSummary());
    }

    @Test
    void anOldReportsDescriptionDoesNotRepeatTheDevice() {
        BackendInfo old = new BackendInfo("cpu", "CpuBackend", "OPENBLAS", "CPU, 2 cores, 2 OpenMP threads, no oneDNN");
        assertEquals("the CPU: 2 cores, 2 OpenMP threads, no oneDNN", old.summary());
        BackendInfo gpu = new BackendInfo("gpu", "CudaBackend", "CUBLAS", "GPU NVIDIA H100 (79.6 GB, 79.1 GB free)")
                .withEngine("multilayer (batch normalization)");
        assertEquals("the GPU: NVIDIA H100 (79.6 GB, 79.1 GB free); maths library cuBLAS; MultiLayerNetwork engine "
                + "(batch normalization)", gpu.fullSummary());
    }
}
