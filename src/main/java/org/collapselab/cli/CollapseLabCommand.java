package org.collapselab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collapse-lab} command and its subcommands (design §5). */
@Command(name = "collapse-lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train an image classifier and find out why it predicts one class for everything.")
public final class CollapseLabCommand implements Runnable {

    /** Runs the command line and returns the exit code of design §5. */
    public static int run(String... args) {
        return new CommandLine(new CollapseLabCommand()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
