"""sensor_msgs/Image -> normalized HWC float32 at the model's size.

The resize is a box filter over integer source ranges; src/core/worldmodel/preprocess.ts implements
the same formula so the robot sees the images the model was trained on.
"""

from __future__ import annotations

import numpy as np

CHANNELS = {"rgb8": 3, "bgr8": 3, "rgba8": 4, "bgra8": 4, "mono8": 1}
NORM_MEAN = 0.5
NORM_STD = 0.5


def to_rgb_u8(height: int, width: int, encoding: str, step: int, data: bytes) -> np.ndarray:
    """Decodes one image to an [H, W, 3] uint8 RGB array; raises ValueError naming the bad field."""
    if encoding not in CHANNELS:
        raise ValueError(f"image.encoding: expected one of {sorted(CHANNELS)}, got '{encoding}'")
    ch = CHANNELS[encoding]
    if step < width * ch:
        raise ValueError(f"image.step: expected >= {width * ch} (width*{ch}), got {step}")
    if len(data) < step * height:
        raise ValueError(f"image.data: expected {step * height} bytes (step*height), got {len(data)}")
    rows = np.frombuffer(data, dtype=np.uint8, count=step * height).reshape(height, step)
    px = rows[:, : width * ch].reshape(height, width, ch)
    if encoding == "mono8":
        return np.repeat(px, 3, axis=2)
    if encoding in ("bgr8", "bgra8"):
        return px[:, :, 2::-1]
    return px[:, :, :3]


def box_ranges(src: int, dst: int) -> tuple[np.ndarray, np.ndarray]:
    """[start, end) source index range averaged into each destination index."""
    scale = src / dst
    starts = np.floor(np.arange(dst) * scale).astype(np.int64)
    ends = np.maximum(starts + 1, np.floor((np.arange(dst) + 1) * scale).astype(np.int64))
    return np.minimum(starts, src - 1), np.minimum(ends, src)


def resize_box(rgb: np.ndarray, out_h: int, out_w: int) -> np.ndarray:
    """Mean of each output pixel's source box, float32 in [0, 255]."""
    h, w, _ = rgb.shape
    integral = np.zeros((h + 1, w + 1, 3), dtype=np.float64)
    integral[1:, 1:] = rgb.astype(np.float64).cumsum(0).cumsum(1)
    y0, y1 = box_ranges(h, out_h)
    x0, x1 = box_ranges(w, out_w)
    s = (
        integral[y1][:, x1]
        - integral[y0][:, x1]
        - integral[y1][:, x0]
        + integral[y0][:, x0]
    )
    area = ((y1 - y0)[:, None] * (x1 - x0)[None, :])[:, :, None]
    return (s / area).astype(np.float32)


def preprocess(height: int, width: int, encoding: str, step: int, data: bytes, out_h: int, out_w: int) -> np.ndarray:
    rgb = to_rgb_u8(height, width, encoding, step, data)
    return ((resize_box(rgb, out_h, out_w) / 255.0 - NORM_MEAN) / NORM_STD).astype(np.float32)
