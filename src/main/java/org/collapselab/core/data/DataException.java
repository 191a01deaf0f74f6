package org.collapselab.core.data;

/** A dataset that cannot be used at all (missing folder, fewer than two classes); the message says why. */
public final class DataException extends Exception {
    public DataException(String message) {
        super(message);
    }
}
