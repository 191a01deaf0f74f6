package org.collapselab.core.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import org.collapselab.security.CraftedZips;
import org.collapselab.security.ReadObjectRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeserializationGuardTest {
    @BeforeEach
    void clearRecord() {
        ReadObjectRecorder.RAN.clear();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Test
    void whileLoadingAModelNoClassOutsideTheAllowListIsDeserialized() throws Exception {
        byte[] gadget = CraftedZips.serialized(new ReadObjectRecorder("loading"));
        IOException e = assertThrows(IOException.class, () -> DeserializationGuard.whileLoadingModel(() -> {
            try {
                return read(gadget);
            } catch (ClassNotFoundException notFound) {
                throw new IOException(notFound);
            }
        }));
        assertTrue(e.getMessage().contains("class " + ReadObjectRecorder.class.getName()), e.getMessage());
        assertEquals(List.of(), ReadObjectRecorder.RAN);
        assertTrue(DeserializationGuard.isInstalled());
    }

    @Test
    void primitiveArraysStayReadable() throws Exception {
        byte[] floats = CraftedZips.serialized(new float[]{1, 2});
        assertArrayEquals(new float[]{1, 2}, (float[]) DeserializationGuard.whileLoadingModel(() -> {
            try {
                return read(floats);
            } catch (ClassNotFoundException notFound) {
                throw new IOException(notFound);
            }
        }));
    }

    @Test
    void outsideModelLoadingOtherJavaSerializationKeepsWorking() throws Exception {
        DeserializationGuard.install();
        // Spark's task results, for one, are Java-serialized in the same process.
        read(CraftedZips.serialized(new ReadObjectRecorder("elsewhere")));
        assertEquals(List.of("elsewhere"), ReadObjectRecorder.RAN);
    }
}
