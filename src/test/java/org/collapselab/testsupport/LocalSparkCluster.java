package org.collapselab.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on this machine for tests: a master and workers as separate JVMs started from the test
 * class path, everything bound to 127.0.0.1. Executors are the workers' child JVMs, so a test can kill one.
 */
public final class LocalSparkCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final String masterUrl;

    private LocalSparkCluster(String masterUrl) {
        this.masterUrl = masterUrl;
    }

    /** Starts a master and {@code workers} workers of {@code coresPerWorker} cores; returns once they registered. */
    public static LocalSparkCluster start(Path home, int workers, int coresPerWorker) throws Exception {
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("work"));
        int port = freePort();
        LocalSparkCluster cluster = new LocalSparkCluster("spark://127.0.0.1:" + port);
        cluster.processes.add(cluster.launch(home, "master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()))));
        waitForPort(port, 60);
        for (int i = 0; i < workers; i++) {
            Process worker = cluster.launch(home, "worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", String.valueOf(coresPerWorker), "--memory", "2g",
                    "--webui-port", String.valueOf(freePort()), "--work-dir", home.resolve("work").toString(),
                    cluster.masterUrl));
            cluster.processes.add(worker);
            cluster.workers.add(worker);
        }
        Thread.sleep(3000); // workers register within a second or two; the driver waits for executors anyway
        return cluster;
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** The executor JVMs the workers have started so far (a worker starts no other process). */
    public List<ProcessHandle> executors() {
        List<ProcessHandle> executors = new ArrayList<>();
        for (Process worker : workers) {
            worker.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).forEach(executors::add);
        }
        return executors;
    }

    /** Kills worker {@code index} and the executor it started, as a machine that drops out of the cluster. */
    public void killWorker(int index) {
        Process worker = workers.get(index);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    /** Class path and options for a driver whose executors run on this cluster from the same class path. */
    public static Map<String, String> driverConf() {
        return Map.of("spark.executor.extraClassPath", classPath(), "spark.executor.memory", "1g",
                "spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1");
    }

    private Process launch(Path home, String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath()));
        command.addAll(List.of(System.getProperty("spark.jvm.options", "").split(" ")).stream()
                .filter(s -> !s.isBlank()).toList());
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_DIST_CLASSPATH", classPath());
        return builder.start();
    }

    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Spark master did not open port " + port + " within " + seconds + " s");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
