package org.collapselab.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketPermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.collapselab.cli.CollapseLabCommand;
import org.collapselab.testsupport.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product makes no network access: inspect, train, report and predict run under a security
 * manager that records every socket permission check (connect, resolve, listen, accept).
 */
@Tag("slow")
class NoNetworkAccessTest {

    @Test
    void commandLineWorkflowOpensNoSocket(@TempDir Path dir) throws Exception {
        Path data = TestImages.shapes(dir.resolve("data"), 2, 8, 16, 3);
        Path run = dir.resolve("run");
        List<String> attempts = new CopyOnWriteArrayList<>();
        SecurityManager previous = System.getSecurityManager();
        @SuppressWarnings("removal")
        SecurityManager recorder = new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (permission instanceof SocketPermission) {
                    attempts.add(permission.getName() + " " + permission.getActions());
                }
            }

            @Override
            public void checkPermission(Permission permission, Object context) {
                checkPermission(permission);
            }
        };
        int train;
        int report;
        int predict;
        System.setSecurityManager(recorder);
        try {
            train = CollapseLabCommand.run("train", "--data", data.toString(), "--out", run.toString(), "--epochs", "1",
                    "--set", "data.imageSize=16", "--set", "data.channels=1", "--set",
                    "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                            + "{\"type\":\"pool\",\"size\":2}]");
            report = CollapseLabCommand.run("report", "--run", run.toString());
            predict = CollapseLabCommand.run("predict", "--run", run.toString(), "--data", data.toString(), "--out",
                    dir.resolve("predictions.csv").toString());
        } finally {
            System.setSecurityManager(previous);
        }
        assertTrue(train == 0 || train == 1, "train exit " + train);
        assertEquals(train, report, "report exits as train did for the same run (1 when it has a critical finding)");
        assertTrue(predict == 0 || predict == 1, "predict exit " + predict);
        System.out.println("socket permission checks during train/report/predict: " + attempts.size());
        assertTrue(attempts.isEmpty(), "network access attempted: " + attempts);
    }
}
