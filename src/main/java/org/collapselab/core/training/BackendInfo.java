package org.collapselab.core.training;

/** Which ND4J backend runs the maths: device ("cpu"/"gpu"), backend name, BLAS vendor, and a human device description. */
public record BackendInfo(String device, String name, String blas, String description) {
}
