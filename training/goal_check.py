"""Goal-approach check of an exported model: in each held-out segment, take a frame as the goal and
ask whether the latent distance of the other frames to it ranks like their true distance (Spearman),
using the shipped encoder.onnx (onnx reference evaluator), not the PyTorch weights.

    python -m training.goal_check models/NAME --cache FRAMES.npz   (or --data DIR)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from onnx.reference import ReferenceEvaluator

from .dataset import Frames, list_mcap_files, load_frames
from .evaluate import spearman


def encode(model_dir: Path, frames: Frames, idx: np.ndarray) -> np.ndarray:
    enc = ReferenceEvaluator(str(model_dir / "encoder.onnx"))
    out = []
    for i in range(0, len(idx), 64):
        b = idx[i : i + 64]
        (z,) = enc.run(None, {"image_hwc": frames.images[b].astype(np.float32), "joint_pos": frames.joints[b]})
        out.append(z)
    return np.concatenate(out).astype(np.float64)


def true_distance(frames: Frames, idx: np.ndarray, goal: int) -> np.ndarray:
    p, g = frames.pose[idx].astype(np.float64), frames.pose[goal].astype(np.float64)
    dyaw = np.abs(np.angle(np.exp(1j * (p[:, 2] - g[2]))))
    dq = np.abs(frames.joints[idx] - frames.joints[goal]).sum(1)
    return np.hypot(p[:, 0] - g[0], p[:, 1] - g[1]) + 0.5 * dyaw + 0.2 * dq


def goal_approach(model_dir: Path, frames: Frames) -> dict:
    held = np.nonzero(frames.holdout & (frames.segment >= 0))[0]
    z = dict(zip(held.tolist(), encode(model_dir, frames, held)))
    res: dict[str, list[float]] = {"l1": [], "l2": [], "position_only_l1": []}
    for seg in np.unique(frames.segment[held]):
        idx = held[frames.segment[held] == seg]
        for goal in (idx[-1], idx[len(idx) // 2]):
            zs = np.stack([z[i] for i in idx])
            d1 = np.abs(zs - z[goal]).mean(1)
            d2 = np.sqrt(((zs - z[goal]) ** 2).sum(1))
            td = true_distance(frames, idx, goal)
            res["l1"].append(spearman(d1, td))
            res["l2"].append(spearman(d2, td))
            pos = np.hypot(*(frames.pose[idx, :2] - frames.pose[goal, :2]).T.astype(np.float64))
            res["position_only_l1"].append(spearman(d1, pos))
    return {f"spearman_{k}_mean": float(np.mean(v)) for k, v in res.items()} | {"goals": len(res["l1"])}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("model_dir")
    p.add_argument("--cache")
    p.add_argument("--data", nargs="*")
    p.add_argument("--image-hw", default="24,32")
    a = p.parse_args()
    if a.cache:
        with np.load(a.cache) as f:
            frames = Frames(**{k: f[k] for k in f.files})
    else:
        h, w = (int(x) for x in a.image_hw.split(","))
        frames = load_frames(list_mcap_files(a.data), period_sec=0.1, image_hw=(h, w))
    print(json.dumps(goal_approach(Path(a.model_dir), frames), indent=2))


if __name__ == "__main__":
    main()
