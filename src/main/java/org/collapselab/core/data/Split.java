package org.collapselab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Indices of the training and validation images. A stratified split keeps each class's share in both. */
public record Split(int[] train, int[] validation) {

    /**
     * Seeded stratified split: each class contributes {@code round(n × fraction)} images to validation,
     * at least one when it has two or more images, so every class is validated.
     */
    public static Split stratified(int[] labels, int classCount, double validationFraction, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int n = members.size();
            int take = (int) Math.round(n * validationFraction);
            if (n >= 2) {
                take = Math.max(1, Math.min(n - 1, take));
            } else {
                take = 0;
            }
            validation.addAll(members.subList(0, take));
            train.addAll(members.subList(take, n));
        }
        return new Split(sorted(train), sorted(validation));
    }

    /**
     * Seeded stratified k-fold splits for cross-validation: each class's images are shuffled and dealt round-robin
     * into {@code k} folds, so every image is validated exactly once and every fold holds each class's share (±1);
     * split {@code f} validates on fold {@code f} and trains on the rest.
     */
    public static List<Split> folds(int[] labels, int classCount, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold cross-validation needs at least 2 folds, was " + k);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        int[] foldOf = new int[labels.length];
        int next = 0;
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            // Continue the deal where the last class stopped, so small classes do not all land in fold 1.
            for (int index : members) {
                foldOf[index] = next;
                next = (next + 1) % k;
            }
        }
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> validation = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                (foldOf[i] == f ? validation : train).add(i);
            }
            splits.add(new Split(sorted(train), sorted(validation)));
        }
        return splits;
    }

    /** Train on every image of one dataset and validate on all of another (a separate validation folder). */
    public static Split all(int count) {
        int[] all = new int[count];
        Arrays.setAll(all, i -> i);
        return new Split(all, new int[0]);
    }

    private static int[] sorted(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", validation=" + validation.length + "]";
    }
}
