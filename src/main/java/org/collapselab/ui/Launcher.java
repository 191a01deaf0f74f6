package org.collapselab.ui;

import javafx.application.Application;
import org.collapselab.cli.CollapseLabCommand;
import org.collapselab.core.util.NativeCache;

/**
 * Entry point of the jar and the packaged app. Deliberately not an {@code Application}: on the
 * class path the JVM refuses to start a main class that extends it. No arguments opens the GUI;
 * any argument runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        NativeCache.configure();
        if (args.length == 0) {
            Application.launch(CollapseLabApp.class);
        } else {
            System.exit(CollapseLabCommand.run(args));
        }
    }
}
