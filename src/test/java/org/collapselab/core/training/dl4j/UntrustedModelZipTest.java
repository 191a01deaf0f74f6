package org.collapselab.core.training.dl4j;

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
import org.collapselab.core.training.TrainedModel;
import org.collapselab.core.util.DeserializationGuard;
import org.collapselab.security.CraftedZips;
import org.collapselab.security.ReadObjectRecorder;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model zip from a shared run folder is untrusted: loading it must not run code or accept a mismatched network. */
@Tag("slow")
class UntrustedModelZipTest {
    @TempDir
    Path dir;

    @BeforeEach
    void clearRecord() {
        ReadObjectRecorder.RAN.clear();
    }

    static ExperimentConfig tiny(int denseUnits) throws Exception {
        return ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("data.imageSize=8", "data.channels=1",
                "model.layers=[{\"type\":\"conv\",\"filters\":4,\"kernel\":3,\"activation\":\"relu\"},"
                        + "{\"type\":\"dense\",\"units\":" + denseUnits + ",\"activation\":\"relu\"}]"));
    }

    /** A real MultiLayerNetwork zip as Collapse Lab writes it (untrained; loading does not care). */
    private Path savedModel() throws Exception {
        ExperimentConfig config = tiny(16);
        List<String> classes = List.of("cats", "dogs");
        var model = new Dl4jTrainedModel(NetworkFactory.build(config, classes.size(), null), config, classes,
                new Normalizer(Normalization.SCALE, null, null), false, null, null);
        Path zip = dir.resolve("model.zip");
        model.save(zip);
        return zip;
    }

    @Test
    void ourOwnZipLoadsUnderTheFilterThatRefusesEveryClass() throws Exception {
        Path zip = savedModel();
        TrainedModel loaded = new Dl4jTrainingEngine().load(zip);
        assertEquals(List.of("cats", "dogs"), loaded.classes());
        assertTrue(DeserializationGuard.isInstalled(), "loading installed the process-wide filter");
    }

    @Test
    void aSerializedObjectInTheZipIsRefusedAndItsReadObjectNeverRuns() throws Exception {
        Path crafted = CraftedZips.withEntry(savedModel(), dir.resolve("crafted.zip"), ModelSerializer.PREPROCESSOR_BIN,
                CraftedZips.serialized(new ReadObjectRecorder("engine")));
        IOException e = assertThrows(IOException.class, () -> new Dl4jTrainingEngine().load(crafted));
        System.out.println("crafted zip: " + e.getMessage());
        assertTrue(e.getMessage().contains("never has: 'preprocessor.bin'"), e.getMessage());
        assertEquals(List.of(), ReadObjectRecorder.RAN);
    }

    @Test
    void theFilterAloneStopsTheGadgetWhereDl4jWouldDeserializeIt() throws Exception {
        Path crafted = CraftedZips.withEntry(savedModel(), dir.resolve("crafted.zip"), ModelSerializer.PREPROCESSOR_BIN,
                CraftedZips.serialized(new ReadObjectRecorder("guarded")));
        IOException e = assertThrows(IOException.class, () -> DeserializationGuard.whileLoadingModel(
                () -> ModelSerializer.restoreMultiLayerNetwork(crafted.toFile(), false)));
        System.out.println("filter: " + e.getMessage());
        assertTrue(e.getMessage().contains(ReadObjectRecorder.class.getName()), e.getMessage());
        assertEquals(List.of(), ReadObjectRecorder.RAN);

        // The same zip without the guard: DL4J does run the gadget, so the crafted zip is a real attack.
        assertThrows(RuntimeException.class, () -> ModelSerializer.restoreMultiLayerNetwork(crafted.toFile(), false));
        assertEquals(List.of("guarded"), ReadObjectRecorder.RAN);
    }

    @Test
    void aNetworkWhoseLayerSizesDoNotMatchItsConfigIsRefused() throws Exception {
        Path zip = savedModel();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.writeString(fs.getPath(Dl4jTrainedModel.CONFIG_ENTRY), ConfigCodec.toJson(tiny(24)));
        }
        IOException e = assertThrows(IOException.class, () -> new Dl4jTrainingEngine().load(zip));
        System.out.println("mismatch: " + e.getMessage());
        assertTrue(e.getMessage().contains("has shape") && e.getMessage().contains("but its config gives"), e.getMessage());
    }
}
