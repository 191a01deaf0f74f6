package org.collapselab.core.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.model.ConfigException;
import org.collapselab.core.model.ExperimentConfig;
import org.junit.jupiter.api.Test;

class SweepSpecParserTest {
    private final ExperimentConfig base = ConfigCodec.defaults();

    @Test
    void numericListKeepsTheValuesAsWritten() throws Exception {
        SweepParameter p = SweepSpecParser.parse(base, "training.learningRate=1e-4,1e-3,1e-2");
        assertEquals(SweepParameter.Kind.LIST, p.kind());
        assertEquals(List.of("1e-4", "1e-3", "1e-2"), p.gridValues());
        assertTrue(p.numeric());
        assertEquals(1e-4, p.low(), 0);
        assertEquals(1e-2, p.high(), 0);
    }

    @Test
    void logRangeIsEvenlySpacedInLog10() throws Exception {
        SweepParameter p = SweepSpecParser.parse(base, "training.learningRate=log:1e-5..1e-1:5");
        assertEquals(SweepParameter.Kind.LOG, p.kind());
        assertEquals(List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1), p.gridValues().stream().map(Double::parseDouble).toList());
        assertEquals(List.of("1e-5", "0.0001", "0.001", "0.01", "0.1"), p.gridValues(), "short, readable values");
        assertEquals("0.003162", SweepSpecParser.parse(base, "training.learningRate=log:1e-3..1e-2:3").gridValues().get(1));
        SweepParameter half = SweepSpecParser.parse(base, "training.learningRate=log:1e-4..1e-2:3");
        assertEquals(1e-3, Double.parseDouble(half.gridValues().get(1)), 1e-12);
    }

    @Test
    void linearRangeOnAnIntegerFieldGivesWholeNumbers() throws Exception {
        SweepParameter p = SweepSpecParser.parse(base, "training.batchSize=lin:16..128:4");
        assertTrue(p.integer());
        assertEquals(List.of("16", "53", "91", "128"), p.gridValues());
        SweepParameter crowded = SweepSpecParser.parse(base, "training.epochs=lin:1..3:5");
        assertEquals(List.of("1", "2", "3"), crowded.gridValues(), "rounded duplicates are dropped");
        SweepParameter real = SweepSpecParser.parse(base, "data.validationFraction=lin:0.1..0.3:3");
        assertFalse(real.integer());
        assertEquals(List.of("0.1", "0.2", "0.3"), real.gridValues());
    }

    @Test
    void stringsAreChoices() throws Exception {
        SweepParameter p = SweepSpecParser.parse(base, "data.balance=none,class-weights,oversample");
        assertEquals(SweepParameter.Kind.CHOICE, p.kind());
        assertFalse(p.numeric());
        assertEquals(List.of("none", "class-weights", "oversample"), p.gridValues());
    }

    @Test
    void jsonValuesWithCommasAreOneValueEach() throws Exception {
        SweepParameter p = SweepSpecParser.parse(base, "model.layers=[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}],"
                + "[{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"}]");
        assertEquals(2, p.gridValues().size());
    }

    @Test
    void badSpecsNameTheParameterAndTheReason() {
        assertRefused("training.learnignRate=1e-3,1e-2", "training.learnignRate", "unknown field");
        assertRefused("training.learningRate=abc,1e-3", "training.learningRate", "value abc is refused");
        assertRefused("data.balance=none,sideways", "data.balance", "value sideways is refused");
        assertRefused("training.learningRate=log:1e-1..1e-5:5", "training.learningRate", "from low to high");
        assertRefused("training.learningRate=log:0..1e-1:5", "training.learningRate", "positive low end");
        assertRefused("training.learningRate=log:1e-5..1e-1", "training.learningRate", "log:LOW..HIGH:N");
        assertRefused("training.learningRate=log:1e-5..1e-1:1", "training.learningRate", "between 2 and 1000");
        assertRefused("training.batchSize=lin:0..64:3", "training.batchSize", "value 0 is refused");
        assertRefused("training.learningRate=", "training.learningRate", "no values");
        assertRefused("training.learningRate=1e-3,,1e-2", "training.learningRate", "empty value");
        assertRefused("training.learningRate=1e-3,1e-3", "training.learningRate", "listed twice");
        assertRefused("learningRate", "learningRate", "expected PATH=SPEC");
    }

    @Test
    void aParameterSweptTwiceIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepSpecParser.parse(base,
                List.of("training.learningRate=1e-3,1e-2", "training.learningRate=1e-4")));
        assertTrue(e.getMessage().contains("swept twice"), e.getMessage());
    }

    private void assertRefused(String spec, String path, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepSpecParser.parse(base, spec), spec);
        assertEquals(path, e.errors().get(0).path(), spec);
        assertTrue(e.errors().get(0).reason().contains(reason), spec + " -> " + e.getMessage());
    }
}
