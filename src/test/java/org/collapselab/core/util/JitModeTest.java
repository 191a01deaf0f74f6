package org.collapselab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JitModeTest {

    @Test
    void namesTheCompilersFromTheVmOptions() {
        assertEquals(JitMode.C1_ONLY, JitMode.describe("true", "1"));
        assertEquals(JitMode.C1_ONLY, JitMode.describe("true", "3"));
        assertEquals(JitMode.TIERED, JitMode.describe("true", "4"));
        assertEquals("c2", JitMode.describe("false", "4"));
    }

    @Test
    void recognisesAJvmStartedLikeTheLaunchersStartIt() throws Exception {
        assertEquals(JitMode.C1_ONLY, currentIn(JitMode.RECOMMENDED_OPTION));
        assertEquals(JitMode.TIERED, currentIn("-XX:TieredStopAtLevel=4"));
    }

    /** JitMode.current() in a new JVM started with {@code option}. */
    private static String currentIn(String option) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                option, "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** Prints what the JVM it runs in reports. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(JitMode.current());
        }
    }
}
