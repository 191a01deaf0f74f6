package org.collapselab.core.training;

/** ND4J could not start any backend; the message explains what the user can do. */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
