package org.collapselab.ui;

import javafx.application.Application;
import org.collapselab.cli.CollapseLabCommand;
import org.collapselab.core.training.Backends;
import org.collapselab.core.util.NativeCache;

/**
 * Entry point of the jar and the packaged app. Deliberately not an {@code Application}: on the
 * class path the JVM refuses to start a main class that extends it. No arguments opens the GUI;
 * any argument runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * A GPU build remembers the user's CPU/GPU choice; ND4J only reads it from the environment, so
     * the first process starts the app again with it set. Returns true when it did.
     */
    private static boolean restartedOnChosenBackend() {
        String device = java.util.prefs.Preferences.userRoot().node("org/collapselab").get("device", "auto");
        if ("auto".equals(device) || BackendSwitch.chosenByEnvironment() || !Backends.cudaBuild() || !Backends.cpuBuild()) {
            return false;
        }
        try {
            BackendSwitch.relaunch(org.collapselab.core.model.Device.fromJson(device));
            return true;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        // First, before anything loads: a plain `java -jar` hands over to a JVM in the packaged app's JIT mode.
        int relaunchedExitCode = JitRelaunch.relaunchIfWanted(args);
        if (relaunchedExitCode >= 0) {
            System.exit(relaunchedExitCode);
        }
        org.collapselab.core.util.DeserializationGuard.install();
        NativeCache.configure();
        org.collapselab.core.util.NativeRuntime.configure();
        if (args.length == 0) {
            if (restartedOnChosenBackend()) {
                return;
            }
            LatencyBenchmark.startIfRequested();
            Application.launch(CollapseLabApp.class);
        } else {
            System.exit(CollapseLabCommand.run(args));
        }
    }
}
