#!/usr/bin/env python3
"""Reference CNN of design section 5 on PyTorch CUDA, same fields as torch_ref.py (which is CPU-only).
usage: torch_cuda_ref.py DATA_DIR [--size 64] [--channels 3] [--epochs 4] [--repeat 1]"""
import argparse, json, os, random, time
import numpy as np, torch, torch.nn as nn
from PIL import Image
ap = argparse.ArgumentParser(); ap.add_argument("data"); ap.add_argument("--size", type=int, default=64)
ap.add_argument("--channels", type=int, default=3); ap.add_argument("--epochs", type=int, default=4)
ap.add_argument("--batch", type=int, default=32); ap.add_argument("--repeat", type=int, default=1)
a = ap.parse_args(); torch.manual_seed(0); random.seed(0); dev = torch.device("cuda")
t0 = time.perf_counter()
classes = sorted(d for d in os.listdir(a.data) if os.path.isdir(os.path.join(a.data, d)))
X, Y = [], []
for ci, c in enumerate(classes):
    for f in sorted(os.listdir(os.path.join(a.data, c))):
        try:
            im = Image.open(os.path.join(a.data, c, f)).convert("RGB" if a.channels == 3 else "L").resize((a.size, a.size))
        except Exception:
            continue
        X.append((np.asarray(im, dtype=np.float32) / 255.0).reshape(a.size, a.size, a.channels).transpose(2, 0, 1)); Y.append(ci)
load_s = time.perf_counter() - t0
X = torch.tensor(np.stack(X)).repeat(a.repeat, 1, 1, 1).to(dev); Y = torch.tensor(Y).repeat(a.repeat).to(dev)
idx = list(range(len(Y))); random.shuffle(idx); cut = int(0.8 * len(idx))
tr, va = torch.tensor(idx[:cut], device=dev), torch.tensor(idx[cut:], device=dev)
s = a.size; o1 = (s - 2) // 2; o2 = (o1 - 2) // 2
net = nn.Sequential(nn.Conv2d(a.channels, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                    nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64 * o2 * o2, 128), nn.ReLU(), nn.Linear(128, len(classes))).to(dev)
opt = torch.optim.Adam(net.parameters(), lr=1e-3); lossf = nn.CrossEntropyLoss(); times = []
for ep in range(a.epochs):
    perm = tr[torch.randperm(len(tr), device=dev)]; torch.cuda.synchronize(); t = time.perf_counter(); net.train()
    for i in range(0, len(perm), a.batch):
        b = perm[i:i + a.batch]; opt.zero_grad(); loss = lossf(net(X[b]), Y[b]); loss.backward(); opt.step()
    torch.cuda.synchronize(); times.append(time.perf_counter() - t)
net.eval(); torch.cuda.synchronize(); t = time.perf_counter()
with torch.no_grad():
    pred = torch.cat([net(X[va[i:i + 256]]).argmax(1) for i in range(0, len(va), 256)])
torch.cuda.synchronize(); inf = time.perf_counter() - t; steady = times[1:] or times
print(json.dumps({"engine": "pytorch-cuda-" + torch.__version__, "device": torch.cuda.get_device_name(0), "images": len(Y),
                  "classes": len(classes), "load_s": round(load_s, 3), "train_img_per_s": round(len(tr) * len(steady) / sum(steady), 1),
                  "infer_img_per_s": round(len(va) / inf, 1), "val_acc": round((pred == Y[va]).float().mean().item(), 4)}))
