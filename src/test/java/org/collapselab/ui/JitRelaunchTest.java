package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.collapselab.core.util.JitMode;
import org.junit.jupiter.api.Test;

class JitRelaunchTest {
    private static final List<String> PLAIN = List.of("-Xmx2g");

    @Test
    void relaunchesOnlyAPlainTieredJvm() {
        assertTrue(JitRelaunch.wanted(JitMode.TIERED, PLAIN, Map.of(), null, null));
        assertFalse(JitRelaunch.wanted(JitMode.C1_ONLY, PLAIN, Map.of(), null, null), "already fast");
        assertFalse(JitRelaunch.wanted(JitMode.TIERED, PLAIN, Map.of(), "false", null), "opted out");
        assertFalse(JitRelaunch.wanted(JitMode.TIERED, PLAIN, Map.of(JitRelaunch.RELAUNCHED_VARIABLE, "1"), null, null),
                "a child never relaunches");
        assertFalse(JitRelaunch.wanted(JitMode.TIERED, PLAIN, Map.of(), null, "/opt/collapse-lab/bin/collapse-lab"));
        assertFalse(JitRelaunch.wanted(JitMode.TIERED, List.of("-XX:TieredStopAtLevel=4"), Map.of(), null, null),
                "the user chose the tiered JIT");
        assertFalse(JitRelaunch.wanted(JitMode.TIERED,
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), Map.of(), null, null),
                "the debugger would stay with the first JVM");
    }

    @Test
    void thePackagedAppRelaunchesItsLauncherOnceOnLinuxToBoundMallocArenas() {
        String app = "/opt/collapse-lab/bin/collapse-lab";
        assertTrue(JitRelaunch.wantedForPackagedApp(app, "Linux", Map.of(), null));
        assertFalse(JitRelaunch.wantedForPackagedApp(null, "Linux", Map.of(), null), "not packaged");
        assertFalse(JitRelaunch.wantedForPackagedApp(app, "Mac OS X", Map.of(), null), "no glibc");
        assertFalse(JitRelaunch.wantedForPackagedApp(app, "Linux", Map.of("MALLOC_ARENA_MAX", "8"), null),
                "the user chose");
        assertFalse(JitRelaunch.wantedForPackagedApp(app, "Linux", Map.of(JitRelaunch.RELAUNCHED_VARIABLE, "1"), null),
                "a child never relaunches");
        assertFalse(JitRelaunch.wantedForPackagedApp(app, "Linux", Map.of(), "false"), "opted out");
        assertEquals(List.of(app, "train", "--data", "my dir"),
                JitRelaunch.packagedCommand(app, new String[]{"train", "--data", "my dir"}));
    }

    @Test
    void childCommandKeepsTheJvmOptionsAndArgumentsAndAddsC1Only() {
        List<String> command = JitRelaunch.command("/jdk", List.of("-Xmx2g", "-Dx=1"), "app.jar",
                new String[]{"bench", "--data", "my dir"});
        assertEquals(List.of(Path.of("/jdk", "bin", "java").toString(), "-Xmx2g", "-Dx=1", JitMode.RECOMMENDED_OPTION,
                "-cp", "app.jar", Launcher.class.getName(), "bench", "--data", "my dir"), command);
    }

    @Test
    void theChildGetsTwoMallocArenasUnlessTheUserChoseAndNeverTheJdkJavaOptionsTwice() {
        java.util.Map<String, String> plain = new java.util.HashMap<>(
                java.util.Map.of("JDK_JAVA_OPTIONS", "-Dx=1", "_JPACKAGE_LAUNCHER", "0"));
        JitRelaunch.prepareChildEnvironment(plain);
        assertEquals(java.util.Map.of(JitRelaunch.RELAUNCHED_VARIABLE, "1", "MALLOC_ARENA_MAX", "2"), plain);

        java.util.Map<String, String> chosen = new java.util.HashMap<>(java.util.Map.of("MALLOC_ARENA_MAX", "4"));
        JitRelaunch.prepareChildEnvironment(chosen);
        assertEquals("4", chosen.get("MALLOC_ARENA_MAX"));
    }

    @Test
    void plainStartRunsTheCommandInTheFastJitModeAndOptOutKeepsTheFirstJvm() throws Exception {
        Run relaunched = launch(List.of(), "--version");
        assertEquals(0, relaunched.exitCode(), relaunched.output());
        assertTrue(relaunched.output().contains("JIT " + JitMode.C1_ONLY), relaunched.output());

        Run optedOut = launch(List.of("-D" + JitRelaunch.OPT_OUT_PROPERTY + "=false"), "--version");
        assertTrue(optedOut.output().contains("JIT " + JitMode.TIERED), optedOut.output());

        // The child's exit code is the app's: an unknown command is invalid input (2).
        assertEquals(2, launch(List.of(), "no-such-command").exitCode());
    }

    private record Run(int exitCode, String output) {
    }

    /** Launcher.main in a new JVM with the JVM's default JIT plus {@code options}. */
    private static Run launch(List<String> options, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(JitRelaunch.RELAUNCHED_VARIABLE);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }
}
