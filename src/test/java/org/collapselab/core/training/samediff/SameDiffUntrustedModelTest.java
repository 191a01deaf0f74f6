package org.collapselab.core.training.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.collapselab.core.data.Normalizer;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ExperimentConfig;
import org.collapselab.core.model.Normalization;
import org.collapselab.security.CraftedZips;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class SameDiffUntrustedModelTest {
    @TempDir
    Path dir;

    static ExperimentConfig tiny(int denseUnits) throws Exception {
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("data.imageSize=8", "data.channels=1",
                "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"dense\",\"units\":" + denseUnits + ",\"activation\":\"relu\"}]"));
    }

    private Path savedModel() throws Exception {
        ExperimentConfig config = tiny(16);
        List<String> classes = List.of("cats", "dogs");
        var model = new SameDiffTrainedModel(SameDiffGraph.build(config, classes.size(), null, false), config, classes,
                new Normalizer(Normalization.SCALE, null, null), false, null, null);
        Path zip = dir.resolve("model.zip");
        model.save(zip);
        return zip;
    }

    @Test
    void ourOwnZipLoads() throws Exception {
        assertEquals(List.of("cats", "dogs"), SameDiffTrainingEngine.loadModel(savedModel()).classes());
    }

    @Test
    void aNetworkWhoseLayerSizesDoNotMatchItsConfigIsRefused() throws Exception {
        Path zip = savedModel();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.writeString(fs.getPath(SameDiffTrainedModel.CONFIG_ENTRY), ConfigCodec.toJson(tiny(24)));
        }
        IOException e = assertThrows(IOException.class, () -> SameDiffTrainingEngine.loadModel(zip));
        assertTrue(e.getMessage().contains("has shape") && e.getMessage().contains("the graph expects"), e.getMessage());
    }

    @Test
    void aNetworkWithFewerLayersThanItsConfigIsRefused() throws Exception {
        Path zip = savedModel();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.writeString(fs.getPath(SameDiffTrainedModel.CONFIG_ENTRY), ConfigCodec.toJson(
                    ConfigCodec.withOverrides(tiny(16), List.of("model.layers=[{\"type\":\"conv\",\"filters\":4,"
                            + "\"kernel\":3,\"activation\":\"relu\"},{\"type\":\"dense\",\"units\":16,\"activation\":"
                            + "\"relu\"},{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]"))));
        }
        IOException e = assertThrows(IOException.class, () -> SameDiffTrainingEngine.loadModel(zip));
        assertTrue(e.getMessage().contains("do not match the graph's"), e.getMessage());
    }

    @Test
    void aForeignEntryIsRefusedBeforeLoading() throws Exception {
        Path crafted = CraftedZips.withEntry(savedModel(), dir.resolve("crafted.zip"), "../../.bashrc", new byte[]{1});
        IOException e = assertThrows(IOException.class, () -> SameDiffTrainingEngine.loadModel(crafted));
        assertTrue(e.getMessage().contains("points outside the archive"), e.getMessage());
    }
}
