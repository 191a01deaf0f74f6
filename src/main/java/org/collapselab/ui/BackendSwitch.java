package org.collapselab.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.Device;

/**
 * Chooses CPU or GPU through ND4J's backend priorities. ND4J reads them from environment
 * variables once, when it starts, so a switch means starting the app again with them set.
 */
final class BackendSwitch {
    static final String CPU_PRIORITY = "BACKEND_PRIORITY_CPU";
    static final String GPU_PRIORITY = "BACKEND_PRIORITY_GPU";

    private BackendSwitch() {
    }

    /** The environment that makes ND4J prefer {@code device}. */
    static Map<String, String> environment(Device device) {
        return device == Device.CPU ? Map.of(CPU_PRIORITY, "100", GPU_PRIORITY, "0")
                : Map.of(CPU_PRIORITY, "0", GPU_PRIORITY, "100");
    }

    /** Whether this process already runs with a backend choice in its environment. */
    static boolean chosenByEnvironment() {
        return System.getenv(CPU_PRIORITY) != null || System.getenv(GPU_PRIORITY) != null;
    }

    /**
     * The command that starts this app again: the packaged launcher (which sets its own JVM options),
     * or the same JVM with this one's options (heap, JIT mode) and class path. A debugger agent is
     * left out, since its port is still taken by this process.
     */
    static List<String> relaunchCommand() {
        String packaged = System.getProperty("jpackage.app-path");
        if (packaged != null) {
            return List.of(packaged);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        return command;
    }

    /** Starts a new instance preferring {@code device}; the caller then exits. */
    static void relaunch(Device device) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(relaunchCommand()).inheritIO();
        builder.environment().putAll(environment(device));
        builder.start();
    }
}
