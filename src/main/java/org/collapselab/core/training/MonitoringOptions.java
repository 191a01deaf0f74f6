package org.collapselab.core.training;

/**
 * How often layer statistics are sampled. Sampling reads gradients, updates and a forward pass of
 * a small fixed probe batch, so it is done every {@code layerInterval} iterations only.
 */
public record MonitoringOptions(boolean enabled, int layerInterval, int probeBatchSize) {
    public static final MonitoringOptions DEFAULT = new MonitoringOptions(true, 10, 32);
    public static final MonitoringOptions OFF = new MonitoringOptions(false, Integer.MAX_VALUE, 0);
}
