package org.collapselab.cli;

import org.collapselab.core.util.JitMode;
import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ("dev" when run from classes), and names the JVM and its JIT mode. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"Collapse Lab " + (version == null ? "dev" : version),
                "Java " + System.getProperty("java.version") + ", JIT " + JitMode.current()};
    }
}
