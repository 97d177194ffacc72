"""Compares exported models on one common test set (recordings none of them trained on), using the
shipped encoder.onnx (onnx reference evaluator): pose linear-probe R^2 (ridge fit on the training
segments of --probe-cache), goal-approach Spearman (each test segment's last and middle frame as the
goal) and random-pair goal-distance Spearman.

    python -m training.compare models/A models/B --probe-cache TRAIN.npz --test-cache T1.npz [T2.npz ...]

A cache is an npz of Frames fields (train.py --cache) or of one recording's frames_from_recording().
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from .dataset import Frames
from .evaluate import goal_distance_correlation, ridge_r2
from .goal_check import encode, goal_approach


def load_caches(paths: list[str], *, all_held_out: bool) -> Frames:
    parts, next_seg = [], 0
    for p in paths:
        with np.load(p) as z:
            d = {k: z[k] for k in z.files}
        seg = d["segment"].astype(np.int64)
        d["segment"] = np.where(seg >= 0, seg + next_seg, -1)
        next_seg = int(d["segment"].max()) + 1
        if all_held_out:
            d["holdout"] = d["segment"] >= 0
        elif "holdout" not in d:  # dataset.load_frames' rule for >= 5 segments: every 5th held out
            d["holdout"] = (d["segment"] >= 0) & (d["segment"] % 5 == 4)
        parts.append(d)
    cat = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return Frames(**cat)


def pose_features(fr: Frames) -> np.ndarray:
    return np.c_[fr.pose[:, :2], np.cos(fr.pose[:, 2]), np.sin(fr.pose[:, 2])]


def compare(model_dir: Path, probe: Frames, test: Frames, probe_stride: int) -> dict:
    tr = np.nonzero(~probe.holdout & (probe.segment >= 0))[0][::probe_stride]
    te = np.nonzero(test.segment >= 0)[0]
    z_tr, z_te = encode(model_dir, probe, tr), encode(model_dir, test, te)
    z_all = np.zeros((len(test.segment), z_te.shape[1]))
    z_all[te] = z_te
    return {
        "pose_probe_r2": ridge_r2(z_tr, pose_features(probe)[tr], z_te, pose_features(test)[te]),
        "goal_approach": goal_approach(model_dir, test),
        "pairs": goal_distance_correlation(test, z_all, seed=0),
        "test_frames": int(len(te)),
        "probe_frames": int(len(tr)),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model_dirs", nargs="+")
    p.add_argument("--probe-cache", required=True, help="frames whose training segments fit the probe")
    p.add_argument("--test-cache", nargs="+", required=True, help="frames of held-out recordings")
    p.add_argument("--probe-stride", type=int, default=2, help="use every n-th probe frame")
    a = p.parse_args()
    probe = load_caches([a.probe_cache], all_held_out=False)
    test = load_caches(a.test_cache, all_held_out=True)
    res = {d: compare(Path(d), probe, test, a.probe_stride) for d in a.model_dirs}
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
