package org.collapselab.core.training;

/**
 * Which ND4J backend runs the maths: device ("cpu"/"gpu"), backend name, BLAS vendor, a human device description,
 * whether the native binary was built with oneDNN, and which training engine ("samediff" / "multilayer") runs the
 * network, with the reason when it is not the default. {@code engine} is null in reports written before it existed.
 */
public record BackendInfo(String device, String name, String blas, String description, boolean oneDnn,
                          String engine) {

    public BackendInfo(String device, String name, String blas, String description) {
        this(device, name, blas, description, false, null);
    }

    /** The same backend, run by the named engine ("samediff", or "multilayer (reason)"). */
    public BackendInfo withEngine(String value) {
        return new BackendInfo(device, name, blas, description, oneDnn, value);
    }
}
