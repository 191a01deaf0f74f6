package org.collapselab.ui.model;

import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
import org.collapselab.core.model.ConfigField;

/**
 * Spinner values for a whole-number config field. The arrows step within the field's range; a
 * typed value is kept as typed, even out of range, so that the validator reports it at the field
 * instead of the spinner quietly clamping it (JavaFX's IntegerSpinnerValueFactory turns 0 into 1).
 */
final class FieldSpinnerFactory extends SpinnerValueFactory<Long> {
    private final long min;
    private final long max;

    FieldSpinnerFactory(ConfigField field) {
        this.min = (long) field.min();
        this.max = (long) field.max();
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Long value) {
                return value == null ? "" : value.toString();
            }

            /** Text that is no whole number leaves the value alone; the screen reports the text itself. */
            @Override
            public Long fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    return getValue();
                }
            }
        });
    }

    @Override
    public void decrement(int steps) {
        step(-steps);
    }

    @Override
    public void increment(int steps) {
        step(steps);
    }

    private void step(int steps) {
        long from = getValue() == null ? min : getValue();
        long to;
        try {
            to = Math.addExact(from, steps);
        } catch (ArithmeticException e) {
            to = steps > 0 ? max : min;
        }
        setValue(Math.max(min, Math.min(max, to)));
    }
}
