package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Failures that reach the Train screen read as words, never as an exception's class name. */
class TrainFailureTextTest {

    @Test
    void aFullDiskDeepInTheCauseChainIsSaidInWords() {
        Exception e = new UncheckedIOException(new IOException("wrapped",
                new FileSystemException("/runs/x/report.json", null, "No space left on device")));
        String text = TrainViewModel.inWords(e);
        assertEquals("no space left on device for the run folder; free some space, or choose another folder for runs", text);
    }

    @Test
    void theRecordersOwnWordsAreKept() {
        String words = "no space left on device while trying to write metrics.csv in /runs/x after epoch 2; free some "
                + "space, or choose another folder for runs";
        assertEquals(words, TrainViewModel.inWords(new UncheckedIOException(words, new IOException("No space left on device"))));
    }

    @Test
    void anExceptionWithoutAMessageIsNotShownAsItsToString() {
        String text = TrainViewModel.inWords(new NullPointerException());
        assertFalse(text.contains("java.lang"), text);
        assertEquals("an unexpected error (NullPointerException); the log has the details", text);
    }
}
