package org.collapselab.core.training;

/**
 * Which ND4J backend runs the maths: device ("cpu"/"gpu"), backend name, BLAS vendor, a human device description,
 * whether the native binary was built with oneDNN, and which training engine ("samediff" / "multilayer") runs the
 * network, with the reason when it is not the default, and which nd4j-native binary was chosen for this CPU and why
 * ("onednn-avx2 (this CPU has avx2 but lacks avx512f, …)"). {@code engine} and {@code nativeBinary} are null in
 * reports written before they existed.
 */
public record BackendInfo(String device, String name, String blas, String description, boolean oneDnn,
                          String engine, String nativeBinary) {

    public BackendInfo(String device, String name, String blas, String description) {
        this(device, name, blas, description, false, null, null);
    }

    /** The same backend, run by the named engine ("samediff", or "multilayer (reason)"). */
    public BackendInfo withEngine(String value) {
        return new BackendInfo(device, name, blas, description, oneDnn, value, nativeBinary);
    }
}
