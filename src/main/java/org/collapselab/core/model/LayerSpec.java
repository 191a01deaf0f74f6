package org.collapselab.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One hidden layer. Which fields apply depends on {@link #type()}: conv uses filters, kernel,
 * stride and activation; pool uses size; dense uses units and activation; dropout uses rate
 * (the probability of dropping a unit); batchnorm uses none. For sequences, conv1d uses filters, kernel (in time
 * steps), stride and activation, pool1d uses size, globalpool none. Unused fields are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSpec(LayerType type, Integer filters, Integer kernel, Integer stride, Integer size,
                        Integer units, Double rate, Activation activation) {

    public static LayerSpec conv(int filters, int kernel, Activation activation) {
        return new LayerSpec(LayerType.CONV, filters, kernel, null, null, null, null, activation);
    }

    public static LayerSpec pool(int size) {
        return new LayerSpec(LayerType.POOL, null, null, null, size, null, null, null);
    }

    public static LayerSpec dense(int units, Activation activation) {
        return new LayerSpec(LayerType.DENSE, null, null, null, null, units, null, activation);
    }

    public static LayerSpec dropout(double rate) {
        return new LayerSpec(LayerType.DROPOUT, null, null, null, null, null, rate, null);
    }

    public static LayerSpec batchNorm() {
        return new LayerSpec(LayerType.BATCHNORM, null, null, null, null, null, null, null);
    }

    public static LayerSpec conv1d(int filters, int kernel, Activation activation) {
        return new LayerSpec(LayerType.CONV1D, filters, kernel, null, null, null, null, activation);
    }

    public static LayerSpec pool1d(int size) {
        return new LayerSpec(LayerType.POOL1D, null, null, null, size, null, null, null);
    }

    public static LayerSpec globalPool() {
        return new LayerSpec(LayerType.GLOBALPOOL, null, null, null, null, null, null, null);
    }

    public int strideOrDefault() {
        return stride == null ? 1 : stride;
    }

    public LayerSpec withActivation(Activation value) {
        return new LayerSpec(type, filters, kernel, stride, size, units, rate, value);
    }

    public LayerSpec withRate(Double value) {
        return new LayerSpec(type, filters, kernel, stride, size, units, value, activation);
    }

    /** Short human description, e.g. "conv 32 3×3 relu". */
    public String describe() {
        return switch (type) {
            case CONV -> "conv " + filters + " " + kernel + "×" + kernel
                    + (strideOrDefault() > 1 ? " /" + stride : "") + " " + activation;
            case POOL -> "max-pool " + size + "×" + size;
            case DENSE -> "dense " + units + " " + activation;
            case DROPOUT -> "dropout " + rate;
            case BATCHNORM -> "batch norm";
            case CONV1D -> "conv1d " + filters + " k" + kernel + (strideOrDefault() > 1 ? " /" + stride : "") + " " + activation;
            case POOL1D -> "max-pool1d " + size;
            case GLOBALPOOL -> "global max-pool";
        };
    }
}
