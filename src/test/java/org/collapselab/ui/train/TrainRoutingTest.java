package org.collapselab.ui.train;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.csv.CsvLoader;
import org.collapselab.core.data.csv.CsvOptions;
import org.collapselab.core.data.csv.TableDataset;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.DataKind;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.testsupport.InMemoryData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which data the Train button needs for the config's data.kind, and what it says when that data is not loaded. */
class TrainRoutingTest {
    @TempDir
    Path dir;

    @Test
    void aCsvConfigTrainsOnTheLoadedTableAndRefusesImages() throws Exception {
        TableDataset table = CsvLoader.load(Files.writeString(dir.resolve("t.csv"), "a,b,label\n1,2,x\n3,4,y\n"),
                CsvOptions.tabular());
        ImageDataset images = InMemoryData.bars(16, 1, 1, 4, 4);
        ExperimentConfig tabular = ConfigCodec.defaults(DataKind.TABULAR);
        assertNull(TrainViewModel.missingData(tabular, null, table));
        assertTrue(TrainViewModel.missingData(tabular, images, null).contains("an image folder is loaded"));
        assertTrue(TrainViewModel.missingData(tabular, null, null).startsWith("Load a CSV file first"));
        assertTrue(TrainViewModel.missingData(ConfigCodec.defaults(DataKind.SEQUENCE), null, table)
                .contains("read as tabular but the config says data.kind=sequence"));
    }

    @Test
    void anImageConfigTrainsOnImagesAndRefusesATable() throws Exception {
        TableDataset table = CsvLoader.load(Files.writeString(dir.resolve("t.csv"), "a,b,label\n1,2,x\n3,4,y\n"),
                CsvOptions.tabular());
        ImageDataset images = InMemoryData.bars(16, 1, 1, 4, 4);
        ExperimentConfig config = ConfigCodec.withOverrides(ConfigCodec.defaults(),
                java.util.List.of("data.imageSize=16", "data.channels=1"));
        assertNull(TrainViewModel.missingData(config, images, null));
        assertTrue(TrainViewModel.missingData(config, null, table).contains("data.kind is images"));
        assertTrue(TrainViewModel.missingData(ConfigCodec.defaults(), images, null).contains("image size or channels"));
    }
}
