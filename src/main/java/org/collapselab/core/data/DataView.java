package org.collapselab.core.data;

/** A selection of images from a dataset, e.g. the training split. */
public record DataView(ImageDataset dataset, int[] indices) {
    public int count() {
        return indices.length;
    }

    public int label(int position) {
        return dataset.label(indices[position]);
    }

    public int[] classCounts() {
        int[] counts = new int[dataset.classCount()];
        for (int index : indices) {
            counts[dataset.label(index)]++;
        }
        return counts;
    }
}
