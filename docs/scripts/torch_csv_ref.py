#!/usr/bin/python3
"""PyTorch anchor for `collapse-lab bench --data FILE.csv`: the reference network for CSV data on CPU.

usage: torch_csv_ref.py FILE.csv [--kind auto|tabular|sequence] [--epochs 3] [--threads 2] [--batch 32]

tabular:  Linear 64 -> ReLU -> Linear 32 -> ReLU -> Linear classes, text columns one-hot encoded;
sequence: Conv1d 32 k5 -> ReLU -> MaxPool 2 -> Conv1d 64 k5 -> ReLU -> global max pool -> Linear 32 -> ReLU ->
          Linear classes, each row one univariate series.
Both: label column named label/class/target (else the last), rows with an empty cell dropped, stratified 80/20
split (seed 0), standardization fitted on the training rows (per feature; per series for sequences), Adam 1e-3,
cross-entropy. Prints one JSON line: load_s, train_rows_per_s (epochs after the first), val_acc, val_balanced_acc.
"""
import argparse
import csv
import json
import re
import time

import numpy as np
import torch
import torch.nn as nn

LABEL_NAMES = ("label", "class", "target")
MISSING = {"", "na", "n/a", "nan", "null", "none", "?"}


def read(path, kind):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    header, rows = [h.strip() for h in rows[0]], rows[1:]
    lower = [h.lower() for h in header]
    label = next((lower.index(n) for n in LABEL_NAMES if n in lower), len(header) - 1)
    rows = [r for r in rows if len(r) == len(header) and not any(c.strip().lower() in MISSING for c in r)]
    columns = [c for c in range(len(header)) if c != label]
    if kind == "auto":
        numbered = [re.fullmatch(r"(.*?)(\d+)", header[c]) for c in columns]
        kind = "sequence" if len(columns) >= 16 and all(numbered) \
            and len({m.group(1).lower() for m in numbered}) == 1 else "tabular"
    features = []
    for c in columns:
        cells = [r[c].strip() for r in rows]
        try:
            features.append(np.array([float(v) for v in cells], dtype=np.float32)[:, None])
        except ValueError:
            if kind == "sequence":
                continue  # text columns are not part of a series
            levels = sorted(set(cells))
            features.append(np.array([[v == level for level in levels] for v in cells], dtype=np.float32))
    x = np.concatenate(features, axis=1)
    names = sorted({r[label].strip() for r in rows},
                   key=lambda v: (0, float(v)) if re.fullmatch(r"[+-]?\d+(\.\d*)?", v) else (1, v))
    y = np.array([names.index(r[label].strip()) for r in rows], dtype=np.int64)
    return kind, x, y, names


def stratified_split(y, fraction, seed):
    rng = np.random.default_rng(seed)
    train, val = [], []
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        cut = int(round(fraction * len(members)))
        val.extend(members[:cut])
        train.extend(members[cut:])
    return np.array(train), np.array(val)


def network(kind, features, classes):
    if kind == "tabular":
        return nn.Sequential(nn.Linear(features, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, classes))
    return nn.Sequential(nn.Conv1d(1, 32, 5), nn.ReLU(), nn.MaxPool1d(2), nn.Conv1d(32, 64, 5), nn.ReLU(),
                         nn.AdaptiveMaxPool1d(1), nn.Flatten(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, classes))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--kind", default="auto", choices=["auto", "tabular", "sequence"])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)

    t0 = time.perf_counter()
    kind, x, y, names = read(a.data, a.kind)
    load_s = time.perf_counter() - t0
    train, val = stratified_split(y, 0.2, 0)
    if kind == "tabular":
        mean, std = x[train].mean(0), x[train].std(0)
    else:
        mean, std = x[train].mean(), x[train].std()  # one channel: one mean and std for every time step
    x = (x - mean) / np.where(std < 1e-12, 1, std)
    tensor = torch.tensor(x, dtype=torch.float32)
    if kind == "sequence":
        tensor = tensor[:, None, :]  # [rows, channels, length]
    labels = torch.tensor(y)
    net = network(kind, x.shape[1], len(names))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    times = []
    for _ in range(a.epochs):
        order = torch.tensor(train)[torch.randperm(len(train))]
        net.train()
        t = time.perf_counter()
        for i in range(0, len(order), a.batch):
            b = order[i:i + a.batch]
            opt.zero_grad()
            loss_fn(net(tensor[b]), labels[b]).backward()
            opt.step()
        times.append(time.perf_counter() - t)
    net.eval()
    with torch.no_grad():
        predicted = net(tensor[torch.tensor(val)]).argmax(1).numpy()
    truth = y[val]
    recalls = [np.mean(predicted[truth == c] == c) for c in range(len(names)) if np.any(truth == c)]
    steady = times[1:] or times
    print(json.dumps({"engine": "pytorch-" + torch.__version__, "kind": kind, "rows": len(y), "features": x.shape[1],
                      "classes": len(names), "load_s": round(load_s, 3),
                      "train_rows_per_s": round(len(train) * len(steady) / sum(steady), 1),
                      "val_acc": round(float(np.mean(predicted == truth)), 4),
                      "val_balanced_acc": round(float(np.mean(recalls)), 4)}))


if __name__ == "__main__":
    main()
