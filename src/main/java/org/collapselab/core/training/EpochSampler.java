package org.collapselab.core.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.collapselab.core.data.DataView;
import org.collapselab.core.model.Balance;

/**
 * The order of training images for each epoch. Oversampling repeats minority-class images until
 * every class matches the largest; undersampling draws each class down to the smallest, afresh
 * every epoch so no image is lost for good.
 */
public final class EpochSampler {
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final Balance balance;
    private final Random random;

    public EpochSampler(DataView train, Balance balance, long seed) {
        this.balance = balance;
        this.random = new Random(seed);
        for (int c = 0; c < train.data().classCount(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int index : train.indices()) {
            byClass.get(train.data().label(index)).add(index);
        }
    }

    /** The same for rows that are not images: {@code rows} index into {@code labels}. */
    public EpochSampler(int[] labels, int classCount, int[] rows, Balance balance, long seed) {
        this.balance = balance;
        this.random = new Random(seed);
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row : rows) {
            byClass.get(labels[row]).add(row);
        }
    }

    public Random random() {
        return random;
    }

    public int[] nextEpoch() {
        List<Integer> order = new ArrayList<>();
        int largest = byClass.stream().mapToInt(List::size).max().orElse(0);
        int smallest = byClass.stream().mapToInt(List::size).filter(n -> n > 0).min().orElse(0);
        for (List<Integer> members : byClass) {
            if (members.isEmpty()) {
                continue;
            }
            switch (balance) {
                case OVERSAMPLE -> {
                    List<Integer> shuffled = new ArrayList<>(members);
                    for (int i = 0; i < largest; i++) {
                        if (i % members.size() == 0) {
                            Collections.shuffle(shuffled, random);
                        }
                        order.add(shuffled.get(i % members.size()));
                    }
                }
                case UNDERSAMPLE -> {
                    List<Integer> shuffled = new ArrayList<>(members);
                    Collections.shuffle(shuffled, random);
                    order.addAll(shuffled.subList(0, smallest));
                }
                default -> order.addAll(members);
            }
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
