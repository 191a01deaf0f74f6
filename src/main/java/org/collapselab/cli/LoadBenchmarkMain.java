package org.collapselab.cli;

import java.nio.file.Path;
import org.collapselab.core.data.LoadBenchmark;
import org.collapselab.core.util.Json;

/**
 * Prints {@link LoadBenchmark}'s figures as one JSON line (it lives here because only the CLI may
 * write to the standard streams). Usage: {@code LoadBenchmarkMain DIR [size] [channels] [threads] [warmRepeats]}.
 */
public final class LoadBenchmarkMain {
    private LoadBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadBenchmarkMain DIR [size=64] [channels=3] [threads=cores] [warmRepeats=2]");
            System.exit(2);
        }
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int channels = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        var figures = LoadBenchmark.run(Path.of(args[0]), size, channels, threads, repeats);
        System.out.println(Json.MAPPER.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(figures));
    }
}
