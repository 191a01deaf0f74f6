package org.collapselab.core.experiment;

import org.collapselab.core.data.ImageDataset;
import org.collapselab.core.data.InputFingerprint;
import org.collapselab.core.training.ConfusionMatrix;

/**
 * What a trained model answered on images a user gave it: one row of class probabilities and the predicted class per
 * image of {@code images}; for labelled images (a folder with class sub-folders, or validation images) the confusion
 * against their labels; and how far their pixel statistics are from the training images'. Arrays are not copied.
 *
 * @param labelled               whether {@code images}' labels are real (class sub-folders), not placeholders
 * @param confusionOrNull        the confusion against the labels when labelled (for validation mistakes: over the
 *                               whole validation set, of which {@code images} are the misclassified ones)
 * @param trainingFingerprintOrNull the training images' statistics, null for models saved without them
 * @param shift                  {@link InputFingerprint#shiftFrom} the training fingerprint; NaN without one
 */
public record TryResult(ImageDataset images, float[][] probabilities, int[] predicted, boolean labelled,
                        ConfusionMatrix confusionOrNull, InputFingerprint fingerprint,
                        InputFingerprint trainingFingerprintOrNull, double shift) {

    public int count() {
        return predicted.length;
    }

    /** Whether the images are unlike the training images (the preprocessing-mismatch threshold). */
    public boolean unlikeTraining() {
        return shift > ModelTryout.MISMATCH_SHIFT;
    }

    /** Images whose label differs from the prediction (none when unlabelled). */
    public int mistakes() {
        if (!labelled) {
            return 0;
        }
        int wrong = 0;
        for (int i = 0; i < predicted.length; i++) {
            wrong += predicted[i] != images.label(i) ? 1 : 0;
        }
        return wrong;
    }
}
