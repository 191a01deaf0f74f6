package org.collapselab.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.core.util.JitMode;

/**
 * Gives a plain {@code java -jar collapse-lab.jar} the JIT mode of the packaged app: when the JVM was started without
 * any JIT option, the launcher starts the same command again in a child JVM with {@value JitMode#RECOMMENDED_OPTION}
 * added, waits for it and exits with its exit code. A JAR's manifest cannot carry JVM options, so this is the only way
 * short of asking every user to type the option. {@code -Dcollapselab.relaunch=false} (or any JIT option of one's
 * own) keeps the first JVM. The packaged app on Linux relaunches its own launcher once for the same reason's second
 * half: its child gets {@code MALLOC_ARENA_MAX=2}, which a jpackage launcher cannot set.
 *
 * @implNote Measured on two cores: the relaunch costs about 0.2 s of CPU at start-up and 42 MB for the waiting JVM
 * (docs/benchmarks/speed-and-latency.md); C1 only made the 64×64×3 bench train 1.2–1.5× faster and the window appear
 * 0.2–0.7 s sooner (docs/decisions/0004-c1-jit-only.md).
 */
final class JitRelaunch {
    static final String OPT_OUT_PROPERTY = "collapselab.relaunch";
    /** Set in the child's environment, so that it never relaunches itself again. */
    static final String RELAUNCHED_VARIABLE = "COLLAPSELAB_RELAUNCHED";
    /**
     * glibc's malloc arena limit for the child. With the default (8 × cores) the GUI's resident memory grew from
     * 1.58 to 2.27 GB over five default-config runs on the sample; with 2 it stayed at 1.33–1.59 GB (one session,
     * 2026-12-03, docs/decisions/0014-memory.md). A value the user set is kept.
     */
    static final String MALLOC_ARENAS_VARIABLE = "MALLOC_ARENA_MAX";
    static final String MALLOC_ARENAS = "2";
    static final String JPACKAGE_LAUNCHER_VARIABLE = "_JPACKAGE_LAUNCHER";

    private JitRelaunch() {
    }

    /**
     * Whether this JVM should hand over to a child in the fast JIT mode: it runs both compilers, nobody chose a JIT
     * option or opted out, it is not the packaged app (whose launcher sets the option) or a child already, and no
     * debugger is attached (the child would run without it).
     */
    static boolean wanted(String jitMode, List<String> jvmOptions, Map<String, String> environment, String optOut,
                          String packagedAppPath) {
        if (!JitMode.TIERED.equals(jitMode) || "false".equalsIgnoreCase(optOut) || packagedAppPath != null
                || environment.containsKey(RELAUNCHED_VARIABLE)) {
            return false;
        }
        for (String option : jvmOptions) {
            if (option.contains("Tiered") || option.equals("-Xint") || option.equals("-Xcomp")
                    || option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp")) {
                return false;
            }
        }
        return true;
    }

    /** java, this JVM's options plus the recommended one, the class path, the launcher and the arguments. */
    static List<String> command(String javaHome, List<String> jvmOptions, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(JitMode.RECOMMENDED_OPTION);
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Whether the packaged app should start its launcher again to bound glibc's malloc arenas: its launcher sets the
     * JIT option but cannot set an environment variable, so the memory bound needs one relaunch on Linux (glibc),
     * unless the user set the variable, opted out, or this is the child already.
     */
    static boolean wantedForPackagedApp(String packagedAppPath, String osName, Map<String, String> environment,
                                        String optOut) {
        return packagedAppPath != null && osName != null && osName.toLowerCase(Locale.ROOT).contains("linux")
                && !"false".equalsIgnoreCase(optOut) && !environment.containsKey(RELAUNCHED_VARIABLE)
                && !environment.containsKey(MALLOC_ARENAS_VARIABLE);
    }

    /** The packaged launcher again with the same arguments; it adds its own JVM options from its .cfg file. */
    static List<String> packagedCommand(String packagedAppPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(packagedAppPath);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the child when {@link #wanted} or {@link #wantedForPackagedApp} says so and returns its exit code, or -1
     * when this JVM should go on itself. Blocks for the child's whole life.
     */
    static int relaunchIfWanted(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String packagedAppPath = System.getProperty("jpackage.app-path");
        String optOut = System.getProperty(OPT_OUT_PROPERTY);
        List<String> command;
        if (wanted(JitMode.current(), jvmOptions, System.getenv(), optOut, packagedAppPath)) {
            command = command(System.getProperty("java.home"), jvmOptions, System.getProperty("java.class.path"), args);
        } else if (wantedForPackagedApp(packagedAppPath, System.getProperty("os.name"), System.getenv(), optOut)) {
            command = packagedCommand(packagedAppPath, args);
        } else {
            return -1;
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        prepareChildEnvironment(builder.environment());
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return -1; // no java executable where java.home says: go on in this JVM, only slower
        }
        ignoreInterruptsWhileChildRuns(child);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the app ends
            }
        }
    }

    /**
     * Marks the child as relaunched, bounds its malloc arenas unless the user chose, and drops JDK_JAVA_OPTIONS and
     * jpackage's re-exec marker.
     */
    static void prepareChildEnvironment(Map<String, String> environment) {
        environment.put(RELAUNCHED_VARIABLE, "1");
        environment.putIfAbsent(MALLOC_ARENAS_VARIABLE, MALLOC_ARENAS);
        // The input arguments already hold what JDK_JAVA_OPTIONS added; the child must not add them twice.
        environment.remove("JDK_JAVA_OPTIONS");
        // jpackage's launcher marks its own re-exec with this variable; a relaunched launcher that inherits it takes
        // the app's arguments for java's ("Could not find or load main class train").
        environment.remove(JPACKAGE_LAUNCHER_VARIABLE);
    }

    /**
     * Ctrl+C reaches the child too (same process group), which stops its training cleanly; this JVM must not exit
     * before it. A SIGTERM meant for this JVM is passed on to the child.
     */
    @SuppressWarnings("removal")
    private static void ignoreInterruptsWhileChildRuns(Process child) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> child.destroy());
        } catch (IllegalArgumentException | LinkageError e) {
            // a platform without these signals: the default handling stays
        }
    }
}
