package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.collapselab.core.model.Device;
import org.junit.jupiter.api.Test;

class BackendSwitchTest {

    @Test
    void environmentRanksTheChosenBackendFirst() {
        assertEquals("100", BackendSwitch.environment(Device.CPU).get("BACKEND_PRIORITY_CPU"));
        assertEquals("0", BackendSwitch.environment(Device.CPU).get("BACKEND_PRIORITY_GPU"));
        assertEquals("100", BackendSwitch.environment(Device.GPU).get("BACKEND_PRIORITY_GPU"));
        assertEquals("0", BackendSwitch.environment(Device.GPU).get("BACKEND_PRIORITY_CPU"));
    }

    @Test
    void relaunchStartsTheSameJvmOptionsClassPathAndLauncher() {
        List<String> command = BackendSwitch.relaunchCommand();
        assertTrue(command.get(0).endsWith("java"), command.toString());
        int classPath = command.indexOf("-cp");
        // Surefire starts this JVM with -Xmx and -D options; a restart must keep them (and the JIT mode).
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), command.subList(1, classPath));
        assertEquals(System.getProperty("java.class.path"), command.get(classPath + 1));
        assertEquals(Launcher.class.getName(), command.get(classPath + 2));
    }
}
