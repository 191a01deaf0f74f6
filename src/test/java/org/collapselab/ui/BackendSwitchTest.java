package org.collapselab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void relaunchStartsTheSameClassPathAndLauncher() {
        List<String> command = BackendSwitch.relaunchCommand();
        assertTrue(command.get(0).endsWith("java"), command.toString());
        assertEquals(System.getProperty("java.class.path"), command.get(2));
        assertEquals(Launcher.class.getName(), command.get(3));
    }
}
