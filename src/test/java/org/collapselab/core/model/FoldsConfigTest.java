package org.collapselab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code data.folds}: k-fold cross-validation, off (1) by default and in configs written before it. */
class FoldsConfigTest {

    @Test
    void configsWithoutFoldsReadAsOneFold() throws ConfigException {
        var tree = ConfigCodec.toTree(ConfigCodec.defaults());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).remove("folds");
        assertEquals(1, ConfigCodec.parse(tree.toString()).data().folds());
        assertEquals(1, ConfigCodec.defaults().data().folds());
    }

    @Test
    void foldsRoundTripAndAreCheckedAgainstTheSchema() throws ConfigException {
        ExperimentConfig five = ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of("data.folds=5"));
        assertEquals(5, ConfigCodec.parse(ConfigCodec.toJson(five)).data().folds());
        for (String bad : List.of("data.folds=0", "data.folds=21", "data.folds=two")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigCodec.withOverrides(ConfigCodec.defaults(), List.of(bad)), bad);
            assertTrue(e.errors().stream().anyMatch(err -> err.path().equals(ConfigPaths.FOLDS)), e.errors().toString());
        }
        assertTrue(ConfigSchema.field(ConfigPaths.FOLDS).help().contains("Cross-validation"));
    }
}
