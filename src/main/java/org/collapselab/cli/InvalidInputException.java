package org.collapselab.cli;

/** Bad user input found by a command; reported as one message and exit code 2. */
final class InvalidInputException extends RuntimeException {
    InvalidInputException(String message) {
        super(message);
    }
}
