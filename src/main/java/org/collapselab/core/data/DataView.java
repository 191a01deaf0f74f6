package org.collapselab.core.data;

/**
 * A selection of samples from a dataset, e.g. the training split: images of an {@link ImageDataset} or rows of a CSV
 * file's table.
 */
public record DataView(LabelledData data, int[] indices) {
    public int count() {
        return indices.length;
    }

    public int label(int position) {
        return data.label(indices[position]);
    }

    /** The images this view selects from; the image engines and probes call it. */
    public ImageDataset dataset() {
        if (data instanceof ImageDataset images) {
            return images;
        }
        throw new IllegalStateException("this view selects rows of a CSV table, not images");
    }

    public boolean isImages() {
        return data instanceof ImageDataset;
    }

    public int[] classCounts() {
        int[] counts = new int[data.classCount()];
        for (int index : indices) {
            counts[data.label(index)]++;
        }
        return counts;
    }
}
