"""Evaluation printed and saved with every run, all on held-out segments:
k-step latent prediction error vs the "latent stays the same" baseline, per-dimension std and
effective rank of embeddings (collapse alarm), linear-probe R^2 of pose and nearest person (ridge fit
on training segments), and Spearman correlation of latent goal distance with true pose distance."""

from __future__ import annotations

import numpy as np
import torch

from .dataset import Frames, pose_distance, relative_pose, window_starts


@torch.no_grad()
def encode_all(model, frames: Frames, batch: int = 256) -> np.ndarray:
    out = []
    for i in range(0, len(frames.segment), batch):
        img = torch.from_numpy(frames.images[i : i + batch].astype(np.float32))
        jp = torch.from_numpy(frames.joints[i : i + batch])
        out.append(model.target(img, jp).numpy())
    return np.concatenate(out).astype(np.float64)


@torch.no_grad()
def prediction_errors(model, frames: Frames, z: np.ndarray, k: int) -> dict:
    starts = window_starts(frames, k, holdout=True)
    if len(starts) == 0:
        return {"windows": 0}
    zt = torch.from_numpy(z[starts]).float()
    res = {"windows": int(len(starts))}
    for i in range(k):
        zt = model.predictor(zt, torch.from_numpy(frames.actions[starts + i]))
        target = z[starts + i + 1]
        res[f"mse_k{i + 1}"] = float(((zt.numpy() - target) ** 2).mean())
        res[f"mse_same_k{i + 1}"] = float(((z[starts] - target) ** 2).mean())
        res[f"ratio_k{i + 1}"] = res[f"mse_k{i + 1}"] / max(res[f"mse_same_k{i + 1}"], 1e-12)
    return res


def collapse_stats(z: np.ndarray) -> dict:
    std = z.std(axis=0)
    s = np.linalg.svd(z - z.mean(axis=0), compute_uv=False)
    p = s / max(s.sum(), 1e-12)
    erank = float(np.exp(-(p[p > 0] * np.log(p[p > 0])).sum()))
    return {
        "std_min": float(std.min()),
        "std_mean": float(std.mean()),
        "dims_std_below_0.01": int((std < 0.01).sum()),
        "effective_rank": erank,
        "latent_dim": int(z.shape[1]),
    }


def ridge_r2(z_tr, y_tr, z_te, y_te, lam: float = 1e-2) -> float:
    ok_tr = np.isfinite(y_tr).all(axis=1)
    ok_te = np.isfinite(y_te).all(axis=1)
    if ok_tr.sum() < 10 or ok_te.sum() < 5:
        return float("nan")
    mu, sd = z_tr[ok_tr].mean(0), z_tr[ok_tr].std(0) + 1e-8
    xtr = np.c_[(z_tr[ok_tr] - mu) / sd, np.ones(ok_tr.sum())]
    xte = np.c_[(z_te[ok_te] - mu) / sd, np.ones(ok_te.sum())]
    w = np.linalg.solve(xtr.T @ xtr + lam * len(xtr) * np.eye(xtr.shape[1]), xtr.T @ y_tr[ok_tr])
    pred = xte @ w
    ss_res = ((y_te[ok_te] - pred) ** 2).sum()
    ss_tot = ((y_te[ok_te] - y_te[ok_te].mean(0)) ** 2).sum()
    return float(1 - ss_res / max(ss_tot, 1e-12))


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    return r


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    return float((ra * rb).sum() / max(np.sqrt((ra**2).sum() * (rb**2).sum()), 1e-12))


def goal_distance_correlation(frames: Frames, z: np.ndarray, seed: int, pairs: int = 20000) -> dict:
    """Pairs (frame, goal frame) inside one held-out segment: does latent distance rank like true
    distance (position distance + 0.5 m per rad of yaw difference + arm joint distance)?"""
    rng = np.random.default_rng(seed)
    idx = np.nonzero(frames.holdout & (frames.segment >= 0))[0]
    if len(idx) < 10:
        return {"pairs": 0}
    a = rng.choice(idx, pairs)
    b = rng.choice(idx, pairs)
    same = frames.segment[a] == frames.segment[b]
    a, b = a[same], b[same]
    true_d = pose_distance(frames, a, b)
    l1 = np.abs(z[a] - z[b]).mean(1)
    l2 = np.sqrt(((z[a] - z[b]) ** 2).sum(1))
    return {"pairs": int(len(a)), "spearman_l1": spearman(l1, true_d), "spearman_l2": spearman(l2, true_d)}


GOAL_POSE_BUCKETS_M = ((0.0, 0.5), (0.5, 1.0), (1.0, 2.0), (2.0, 4.0))


@torch.no_grad()
def goal_pose_errors(model, frames: Frames, z: np.ndarray, seed: int, *, pairs: int = 20000,
                     max_offset: int = 200, rollout_k: int = 12) -> dict:
    """The goal-pose head on held-out pairs (robot frame, goal frame) of one segment, at most
    `max_offset` frames apart: median and 90th-percentile position error [m] and median heading error
    [rad] per bucket of true distance, on encoded latents and on the predictor's own `rollout_k`-step
    prediction of the robot's latent (what the planner scores)."""
    rng = np.random.default_rng(seed + 7)
    starts = window_starts(frames, rollout_k, holdout=True)
    if len(starts) < 10:
        return {"pairs": 0}
    a = rng.choice(starts, pairs)
    g = np.clip(a + rollout_k + rng.integers(-max_offset, max_offset + 1, pairs), 0, len(frames.segment) - 1)
    keep = frames.segment[g] == frames.segment[a]
    a, g = a[keep], g[keep]
    zg = torch.from_numpy(z[g]).float()
    z_pred = torch.from_numpy(z[a]).float()
    for i in range(rollout_k):
        z_pred = model.predictor(z_pred, torch.from_numpy(frames.actions[a + i]))
    truth = relative_pose(frames, a + rollout_k, g)
    dist = np.hypot(truth[:, 0], truth[:, 1])
    out: dict = {"pairs": int(len(a)), "rollout_k": rollout_k}
    for name, zr in (("encoded", torch.from_numpy(z[a + rollout_k]).float()), ("predicted", z_pred)):
        est = model.pose_head(zr, zg).numpy()
        pos_err = np.hypot(est[:, 0] - truth[:, 0], est[:, 1] - truth[:, 1])
        yaw_err = np.abs(np.angle(np.exp(1j * (np.arctan2(est[:, 3], est[:, 2]) - np.arctan2(truth[:, 3], truth[:, 2])))))
        for lo, hi in GOAL_POSE_BUCKETS_M:
            m = (dist >= lo) & (dist < hi)
            if m.sum() < 5:
                continue
            out[f"{name}_{lo:g}-{hi:g}m"] = {"n": int(m.sum()), "pos_err_m_p50": float(np.median(pos_err[m])),
                                              "pos_err_m_p90": float(np.percentile(pos_err[m], 90)),
                                              "yaw_err_rad_p50": float(np.median(yaw_err[m]))}
    return out


def evaluate(model, frames: Frames, *, k: int, seed: int) -> dict:
    model.eval()
    z = encode_all(model, frames)
    held = frames.holdout & (frames.segment >= 0)
    train = ~frames.holdout & (frames.segment >= 0)
    pose_feat = np.c_[frames.pose[:, :2], np.cos(frames.pose[:, 2]), np.sin(frames.pose[:, 2])]
    return {
        "prediction": prediction_errors(model, frames, z, k),
        "collapse": collapse_stats(z[held]),
        "probe_r2": {
            "pose": ridge_r2(z[train], pose_feat[train], z[held], pose_feat[held]),
            "nearest_person_in_base": ridge_r2(
                z[train], frames.person_in_base[train], z[held], frames.person_in_base[held]
            ),
        },
        "goal_distance": goal_distance_correlation(frames, z, seed),
    } | ({"goal_pose": goal_pose_errors(model, frames, z, seed)} if model.pose_head is not None else {})
