package org.collapselab.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeThreadsTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(NativeThreads.PROPERTY);
    }

    @Test
    void smallImagesGetOneThreadLargerOnesAreLeftAlone() {
        assertEquals(1, NativeThreads.forImage(28, 1));
        assertEquals(1, NativeThreads.forImage(32, 3));
        assertEquals(0, NativeThreads.forImage(64, 3));
    }

    @Test
    void thePropertyOverridesTheChoice() {
        System.setProperty(NativeThreads.PROPERTY, "2");
        assertEquals(2, NativeThreads.forImage(28, 1));
        System.setProperty(NativeThreads.PROPERTY, "auto");
        assertEquals(0, NativeThreads.forImage(64, 3));
        System.setProperty(NativeThreads.PROPERTY, "many");
        assertEquals(0, NativeThreads.forImage(28, 1));
    }

    @Test
    void closingTheLimitRestoresTheSettings() {
        int before = Nd4j.getEnvironment().maxThreads();
        try (var limit = NativeThreads.limit(1)) {
            assertEquals(1, Nd4j.getEnvironment().maxThreads());
        }
        assertEquals(before, Nd4j.getEnvironment().maxThreads());
    }
}
