package org.collapselab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeRuntimeTest {
    private static final String EPYC_AVX512 = "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512dq avx512ifma avx512cd avx512bw "
            + "avx512vl avx512_bf16 avx512vbmi avx512_vnni";
    private static final String EPYC_AVX2 = "flags\t\t: fpu sse2 avx f16c avx2 bmi2 sha_ni vaes vpclmulqdq";
    private static final Set<String> BOTH = Set.of(NativeRuntime.ONEDNN_EXTENSION, NativeRuntime.ONEDNN_AVX512_EXTENSION);

    @Test
    void picksTheAvx512BinaryOnlyWhereTheCpuHasEveryAvx512SubsetAndTheBuildCarriesIt() {
        NativeRuntime.Choice choice = NativeRuntime.choose(NativeRuntime.parseFlags(EPYC_AVX512), BOTH::contains);
        assertEquals(NativeRuntime.ONEDNN_AVX512_EXTENSION, choice.extension());
        assertEquals("onednn-avx512", choice.binary());

        NativeRuntime.Choice withoutBinary = NativeRuntime.choose(NativeRuntime.parseFlags(EPYC_AVX512),
                NativeRuntime.ONEDNN_EXTENSION::equals);
        assertEquals(NativeRuntime.ONEDNN_EXTENSION, withoutBinary.extension());
        assertTrue(withoutBinary.reason().contains("carries no onednn-avx512"), withoutBinary.reason());
    }

    @Test
    void fallsBackToAvx2WhenOneAvx512SubsetIsMissing() {
        // The avx512 build dies with SIGILL on a CPU that lacks any subset it was compiled for.
        Set<String> flags = new HashSet<>(NativeRuntime.parseFlags(EPYC_AVX512));
        flags.remove("avx512vl");
        NativeRuntime.Choice choice = NativeRuntime.choose(flags, BOTH::contains);
        assertEquals(NativeRuntime.ONEDNN_EXTENSION, choice.extension());
        assertTrue(choice.reason().contains("lacks avx512vl"), choice.reason());

        NativeRuntime.Choice avx2Cpu = NativeRuntime.choose(NativeRuntime.parseFlags(EPYC_AVX2), BOTH::contains);
        assertEquals(NativeRuntime.ONEDNN_EXTENSION, avx2Cpu.extension());
        assertEquals("onednn-avx2 (this CPU has avx2 but lacks avx512f, avx512cd, avx512bw, avx512dq, avx512vl)",
                avx2Cpu.describe());
    }

    @Test
    void fallsBackToTheGenericBinaryWithoutAvx2OrWithoutAOneDnnBinary() {
        NativeRuntime.Choice noAvx2 = NativeRuntime.choose(NativeRuntime.parseFlags("flags : fpu sse2 avx"), BOTH::contains);
        assertEquals("", noAvx2.extension());
        assertEquals("generic", noAvx2.binary());
        assertTrue(noAvx2.reason().contains("lacks avx2"), noAvx2.reason());

        NativeRuntime.Choice noBinary = NativeRuntime.choose(NativeRuntime.parseFlags(EPYC_AVX512), extension -> false);
        assertEquals("", noBinary.extension());
    }

    @Test
    void findsTheBinariesThisClassPathCarries() {
        // The build always carries the avx2 oneDNN binary (pom.xml); an extension nobody builds is never present.
        assertTrue(NativeRuntime.binaryPresent(NativeRuntime.ONEDNN_EXTENSION));
        assertEquals(false, NativeRuntime.binaryPresent("-onednn-avx1024"));
    }
}
