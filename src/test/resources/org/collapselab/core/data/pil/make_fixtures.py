#!/usr/bin/python3
"""Regenerates the Pillow reference outputs that ResizeMatchesPilTest compares against: antialiased
bilinear (Image.BILINEAR), as torchvision's Resize applies it to PIL images. (Pillow's own default
for resize() is BICUBIC.)
Needs Pillow and NumPy (Debian: python3-pil, python3-numpy). Run from this folder."""
import numpy as np
from PIL import Image

rng = np.random.default_rng(5)

def textured(w, h, channels):
    y, x = np.mgrid[0:h, 0:w]
    planes = [(x * 255 // max(1, w - 1)), (y * 255 // max(1, h - 1)), ((x * 7 + y * 13) % 256)]
    img = np.stack(planes[:channels], axis=-1).astype(np.int32)
    img += rng.integers(-40, 41, size=img.shape)  # texture, so every tap weight matters
    img[h // 3: h // 2, w // 4: w // 2] = 255      # a hard edge
    return np.clip(img, 0, 255).astype(np.uint8)

sources = {
    "rgb64x64": (64, 64, 3),     # the bench's images: shrink by 64/28
    "rgb50x37": (50, 37, 3),     # non-square, different factors per axis
    "rgb20x13": (20, 13, 3),     # enlarging
    "gray45x60": (45, 60, 1),
}
for name, (w, h, c) in sources.items():
    pixels = textured(w, h, c)
    Image.fromarray(pixels[..., 0] if c == 1 else pixels, "L" if c == 1 else "RGB").save(name + ".png")
    src = Image.open(name + ".png")
    for mode, size in (("L", 28), ("RGB", 28), ("RGB", 64)):
        out = src.convert(mode).resize((size, size), Image.BILINEAR)
        open(f"{name}.{mode}{size}.bin", "wb").write(out.tobytes())
