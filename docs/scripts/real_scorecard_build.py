#!/usr/bin/python3
"""Builds the real-data scorecard's datasets (docs/real-data-scorecard.md) from files of two Debian packages.

Usage: real_scorecard_build.py SOURCE_ROOT OUT_DIR
  SOURCE_ROOT: where python3-sklearn and python3-skimage were unpacked (dpkg -x), or / when they are installed.
  OUT_DIR:     receives one folder of class folders (24x24 PNG) per image dataset and one CSV per table dataset,
               plus MANIFEST.sha256 (every file's SHA-256) and DATASETS.sha256 (one digest per dataset).
Needs only numpy and PIL (Debian python3-numpy, python3-pil). Every random draw is seeded, so two builds with the
same package versions give byte-identical files; build-real-scorecard.sh compares the digests with the committed ones.
"""
import gzip
import hashlib
import os
import sys

import numpy as np
from PIL import Image

SIZE = 24
SKLEARN = "usr/lib/python3/dist-packages/sklearn/datasets/data"
SKIMAGE = "usr/lib/python3/dist-packages/skimage/data"


def save(path, pixels):
    """Writes a uint8 array (H x W or H x W x 3) as PNG without timestamps or other varying chunks."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, format="PNG", optimize=False)


def digits(src):
    """scikit-learn's copy of the UCI handwritten digits: 1,797 images of 8x8 pixels, ink 0..16, and their labels."""
    table = np.loadtxt(gzip.open(os.path.join(src, SKLEARN, "digits.csv.gz")), delimiter=",")
    return table[:, :64].reshape(-1, 8, 8), table[:, 64].astype(int)


def digit_image(cells, background=0.0):
    """An 8x8 digit scaled to 24x24 (bilinear), white ink on a background of the given gray level (0..1)."""
    ink = np.asarray(Image.fromarray((cells / 16.0 * 255).astype(np.uint8)).resize((SIZE, SIZE), Image.BILINEAR),
                     dtype=float) / 255.0
    return (background + (1.0 - background) * ink) * 255


def photo(src, name, gray):
    image = Image.open(os.path.join(src, SKIMAGE, name))
    return np.asarray(image.convert("L" if gray else "RGB"), dtype=float)


def patches(picture, count, rng, crop=48):
    """Random square crops of a photograph or texture, each resized to 24x24 (area average)."""
    height, width = picture.shape[:2]
    out = []
    for _ in range(count):
        y, x = rng.randint(0, height - crop + 1), rng.randint(0, width - crop + 1)
        piece = picture[y:y + crop, x:x + crop].astype(np.uint8)
        out.append(np.asarray(Image.fromarray(piece).resize((SIZE, SIZE), Image.BOX), dtype=float))
    return out


def write_classes(out, name, classes):
    """classes: {class name: [pixel arrays]} -> OUT/name/class/NNNN.png"""
    for label, images in classes.items():
        for i, pixels in enumerate(images):
            save(os.path.join(out, name, label, "%04d.png" % i), pixels)


def digits_sets(src, out):
    cells, labels = digits(src)
    rng = np.random.RandomState(18)
    chosen = {d: [i for i in range(len(labels)) if labels[i] == d][:100] for d in range(4)}
    balanced = {"digit-%d" % d: [digit_image(cells[i]) for i in chosen[d]] for d in range(4)}
    write_classes(out, "digits4", balanced)
    # Majority class 0 at 100 images, the others at 10: imbalance ratio 10.
    write_classes(out, "digits4-imbalanced",
                  {k: v if k == "digit-0" else v[:10] for k, v in balanced.items()})
    # The same 400 images with their labels permuted: balanced classes, no relation between image and label.
    everything = [img for v in balanced.values() for img in v]
    order = rng.permutation(len(everything))
    write_classes(out, "digits4-shuffled",
                  {"digit-%d" % d: [everything[j] for j in order[d * 100:(d + 1) * 100]] for d in range(4)})
    # 40 images per class, each saved three times under different names: exact duplicates within each class that
    # a random split spreads over training and validation (leakage).
    write_classes(out, "digits4-duplicates",
                  {k: [img for img in v[:40] for _ in range(3)] for k, v in balanced.items()})
    # Digits 3 and 8 photographed on different paper: class 3 on light gray, class 8 on black. The background
    # alone separates the classes; the strokes do too, but less easily.
    three = [i for i in range(len(labels)) if labels[i] == 3][:90]
    eight = [i for i in range(len(labels)) if labels[i] == 8][:90]
    write_classes(out, "digits-3-8-background",
                  {"digit-3": [digit_image(cells[i], 0.55) for i in three],
                   "digit-8": [digit_image(cells[i], 0.0) for i in eight]})


def texture_sets(src, out):
    rng = np.random.RandomState(181)
    textures = {name: patches(photo(src, name + ".png", True), 100, rng) for name in ("brick", "grass", "gravel")}
    write_classes(out, "textures3", textures)
    rng = np.random.RandomState(182)
    tiny = {name: patches(photo(src, name + ".png", True), 6, rng) for name in ("brick", "grass", "gravel")}
    write_classes(out, "textures3-tiny", tiny)


def photo_sets(src, out):
    """Four photographs cut into patches: which photograph a patch comes from, told by its content and, legitimately,
    by its colours (the rocket photo is dark, the coffee one brown, the cat grey-orange, the astronaut blue-white)."""
    rng = np.random.RandomState(183)
    names = {"astronaut": "astronaut.png", "coffee": "coffee.png", "chelsea": "chelsea.png", "rocket": "rocket.jpg"}
    write_classes(out, "photos4-colour", {k: patches(photo(src, v, False), 60, rng, crop=64) for k, v in names.items()})


def csv_table(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


def sklearn_table(src, name):
    """scikit-learn's bundled CSV: first line 'rows,features,class names...', then the features and the class index."""
    with open(os.path.join(src, SKLEARN, name)) as f:
        first = f.readline().strip().split(",")
        class_names = first[2:]
        rows = [line.strip().split(",") for line in f if line.strip()]
    return class_names, rows


BREAST_CANCER_FEATURES = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                          "concave_points", "symmetry", "fractal_dimension"]
WINE_FEATURES = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                 "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315", "proline"]


def table_sets(src, out):
    names, rows = sklearn_table(src, "breast_cancer.csv")
    header = ["%s_%s" % (part, f) for part in ("mean", "error", "worst") for f in BREAST_CANCER_FEATURES] + ["label"]
    labelled = [r[:-1] + [names[int(r[-1])]] for r in rows]
    csv_table(os.path.join(out, "breast-cancer.csv"), header, labelled)
    # All 357 benign rows, 24 of the 212 malignant ones (the first 24 in file order): ratio about 15.
    malignant = [r for r in labelled if r[-1] == "malignant"][:24]
    csv_table(os.path.join(out, "breast-cancer-imbalanced.csv"), header,
              [r for r in labelled if r[-1] == "benign"] + malignant)

    names, rows = sklearn_table(src, "wine_data.csv")
    labelled = [r[:-1] + [names[int(r[-1])]] for r in rows]
    csv_table(os.path.join(out, "wine.csv"), WINE_FEATURES + ["label"], labelled)
    # A sample_id numbered after the rows were sorted by cultivar: it names the class by its range alone.
    rng = np.random.RandomState(184)
    order = rng.permutation(len(labelled))
    shuffled = [labelled[i] for i in order]
    ids = {id(r): str(1000 + n) for n, r in enumerate(sorted(shuffled, key=lambda r: r[-1]))}
    csv_table(os.path.join(out, "wine-id-leak.csv"), ["sample_id"] + WINE_FEATURES + ["label"],
              [[ids[id(r)]] + r for r in shuffled])

    names, rows = sklearn_table(src, "iris.csv")
    csv_table(os.path.join(out, "iris.csv"), ["sepal_length", "sepal_width", "petal_length", "petal_width", "label"],
              [r[:-1] + [names[int(r[-1])]] for r in rows])


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_checksums(out):
    """MANIFEST.sha256: every file; DATASETS.sha256: per dataset, the SHA-256 of its lines in the manifest."""
    lines = []
    for root, _, files in os.walk(out):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), out)
            if rel not in ("MANIFEST.sha256", "DATASETS.sha256"):
                lines.append("%s  %s" % (sha256(os.path.join(out, rel)), rel))
    lines.sort(key=lambda line: line[66:])
    with open(os.path.join(out, "MANIFEST.sha256"), "w") as f:
        f.write("\n".join(lines) + "\n")
    datasets = {}
    for line in lines:
        datasets.setdefault(line[66:].split("/")[0], []).append(line)
    with open(os.path.join(out, "DATASETS.sha256"), "w") as f:
        for name in sorted(datasets):
            digest = hashlib.sha256(("\n".join(datasets[name]) + "\n").encode()).hexdigest()
            f.write("%s  %s (%d files)\n" % (digest, name, len(datasets[name])))


def main():
    src, out = sys.argv[1], sys.argv[2]
    digits_sets(src, out)
    texture_sets(src, out)
    photo_sets(src, out)
    table_sets(src, out)
    write_checksums(out)


if __name__ == "__main__":
    main()
