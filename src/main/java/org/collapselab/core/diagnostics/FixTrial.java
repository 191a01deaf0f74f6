package org.collapselab.core.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Balanced accuracy of a short trial run before (the unchanged config) and after applying a fix, both trained the
 * same way: {@code epochs} epochs on {@code trainImages} images, measured on {@code validationImages} images whose
 * smallest class has {@code smallestClassImages}; {@code resolution} is how far one image of that class moves
 * balanced accuracy (1 / (C × n_min)), so a change of less than a few of these is noise. The sizes are null where
 * unknown (older reports).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FixTrial(double balancedAccuracyBefore, double balancedAccuracyAfter, Integer epochs,
                       Integer trainImages, Integer validationImages, Integer smallestClassImages, Double resolution) {

    @JsonCreator
    public FixTrial {
    }

    public FixTrial(double balancedAccuracyBefore, double balancedAccuracyAfter) {
        this(balancedAccuracyBefore, balancedAccuracyAfter, null, null, null, null, null);
    }

    public double gain() {
        return balancedAccuracyAfter - balancedAccuracyBefore;
    }

}
