package org.collapselab.testsupport;

import org.collapselab.core.util.NativeRuntime;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Picks the native binary (oneDNN where the CPU has AVX2) before any test class loads ND4J, as the launcher does. */
public final class NativeRuntimeSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeRuntime.configure();
    }
}
