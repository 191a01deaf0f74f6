package org.collapselab.core.diagnostics;

/** Where a check sits in the guided walkthrough; phases run in this order. */
public enum Phase {
    /** The images and labels alone. */
    DATA,
    /** The experiment config alone, no training. */
    CONFIG,
    /** Short experiments before the real run (initial loss, overfit a small batch, zeroed inputs, LR range test). */
    PREFLIGHT,
    /** The monitored training run and what its monitoring saw. */
    TRAINING,
    /** Experiments after training (label shuffle, learning curve, preprocessing fingerprint). */
    POST_TRAINING
}
