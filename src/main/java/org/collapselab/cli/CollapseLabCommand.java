package org.collapselab.cli;

import org.collapselab.core.data.DataException;
import org.collapselab.core.model.ConfigError;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.util.CancelledException;
import org.collapselab.core.util.DeserializationGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code collapse-lab} command and its subcommands (design §5). */
@Command(name = "collapse-lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train an image classifier and find out why it predicts one class for everything.%n"
                + "Run without arguments to open the desktop app.",
        subcommands = {InspectCommand.class, TrainCommand.class, DiagnoseCommand.class, PredictCommand.class,
                ReportCommand.class, BenchCommand.class, SweepCommand.class, CompareCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, no critical finding", "1:done with a critical finding (e.g. collapse)",
                "2:invalid input (usage, config, data)", "3:failure while running"})
public final class CollapseLabCommand implements Runnable {

    /**
     * The command line without the GUI launcher: the entry point for {@code spark-submit --class} (a cluster sweep),
     * where no JavaFX class may load.
     */
    public static void main(String[] args) {
        org.collapselab.core.util.NativeCache.configure();
        org.collapselab.core.util.NativeRuntime.configure();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code of design §5. */
    public static int run(String... args) {
        DeserializationGuard.install();
        CommandLine commandLine = new CommandLine(new CollapseLabCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException config) {
                cmd.getErr().println("error: invalid config:");
                for (ConfigError error : config.errors()) {
                    cmd.getErr().println("  " + error);
                }
                return ExitCodes.INVALID_INPUT;
            }
            if (e instanceof DataException || e instanceof InvalidInputException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            if (e instanceof org.collapselab.core.training.BackendUnavailableException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            if (e instanceof CancelledException) {
                cmd.getErr().println("stopped");
                return ExitCodes.FAILURE;
            }
            cmd.getErr().println("error: " + e);
            e.printStackTrace(cmd.getErr());
            return ExitCodes.FAILURE;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
