package org.collapselab.core.util;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java float arrays and ND4J arrays. {@code Nd4j.create(float[], ...)} copies
 * element by element through the buffer's {@code put}; an NIO view of the native buffer is one
 * memcpy, which mattered for every minibatch (3% of a 28×28×1 training step).
 */
public final class FloatArrays {
    private FloatArrays() {
    }

    /** A new C-order float array of {@code shape} holding {@code values}. */
    public static INDArray of(float[] values, long... shape) {
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        if (array.length() != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + java.util.Arrays.toString(shape));
        }
        array.data().asNioFloat().put(values, 0, values.length);
        return array;
    }

    /** The elements of a float array in C order. */
    public static float[] copyOf(INDArray array) {
        INDArray dense = array.isView() || array.ordering() != 'c' || array.dataType() != DataType.FLOAT
                ? array.castTo(DataType.FLOAT).dup('c') : array;
        float[] values = new float[(int) dense.length()];
        dense.data().asNioFloat().get(values, 0, values.length);
        return values;
    }
}
