package org.collapselab.core.training.samediff;

import java.util.Random;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.random.custom.DistributionUniform;

/**
 * Gives each execution of a random op (the dropout masks) the next state of a seeded generator.
 * In M2.1 the graph executor never sets the RNG state of a random op's context, so the op reused
 * one arbitrary state: the same dropout mask at every step of a run (a fixed sub-network, not
 * dropout), and a different one on every run with the same seed.
 */
final class RandomOpSeeds extends BaseListener {
    private final Random states;

    RandomOpSeeds(long seed) {
        states = new Random(seed);
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext context) {
        if (op.getOp() instanceof DistributionUniform || op.getOp() instanceof RandomOp) {
            context.setRngStates(states.nextLong(), states.nextLong());
        }
    }
}
