"""Second stage: the predictor alone, on frozen latents, over the planner's horizon.

The joint stage trains encoder and predictor together on short rollouts (--k, 4 steps = 0.4 s): long
rollouts there would let the prediction loss reshape the encoder toward slow, smooth features. The
planner, though, rolls the predictor out over its whole horizon (20 steps = 2 s), far beyond what it
was trained on, and a predictor that drifts over those steps under-predicts progress near a goal.
So after the joint stage the target encoder (the exported one) is frozen, every frame is encoded once,
and only the predictor is trained on its own rollouts of --finetune-k steps from those latents. One
step is then a small MLP on cached vectors: many passes over the data fit in minutes on a CPU.
"""

from __future__ import annotations

import numpy as np
import torch

from .dataset import Frames, partner_indices, relative_pose, segment_bounds, window_starts
from .evaluate import encode_all
from .losses import goal_pose_loss


def rollout_mse(predictor, z0: torch.Tensor, actions: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean squared error of the predictor's own rollout over every step: z0 [B, D], actions [B, k, A],
    targets [B, k, D]."""
    z = z0
    err = z0.new_zeros(())
    k = actions.shape[1]
    for i in range(k):
        z = predictor(z, actions[:, i, :])
        err = err + (z - targets[:, i, :]).pow(2).mean()
    return err / k


def rollout_goal_pose_loss(model, z0, actions, z_goal, starts, goals, frames: Frames) -> torch.Tensor:
    """The goal-pose head read off the predictor's own rollout, as the planner reads it: at each step t
    of the rollout from z0 (and at t = 0), head(z_t, z_goal) against the goal frame's pose seen from the
    frame the robot really reached at t (odometry)."""
    z = z0
    err = goal_pose_loss(model.pose_head(z, z_goal), torch.from_numpy(relative_pose(frames, starts, goals)))
    k = actions.shape[1]
    for i in range(k):
        z = model.predictor(z, actions[:, i, :])
        truth = torch.from_numpy(relative_pose(frames, starts + i + 1, goals))
        err = err + goal_pose_loss(model.pose_head(z, z_goal), truth)
    return err / (k + 1)


def finetune_predictor(model, frames: Frames, *, steps: int, k: int, batch: int, lr: float, seed: int,
                       log_every: int = 500, pose_head_weight: float = 0.0, goal_offset: int = 200) -> dict:
    """Trains model.predictor (in place) on training-split windows of k steps; returns the first and
    last logged losses. The encoders are not touched. With a goal-pose head and `pose_head_weight` > 0
    the head trains alongside on the rollout's latents (goal frames at most `goal_offset` frames from
    the window), so the planner's energy reads predicted latents as well as encoded ones."""
    model.eval()
    z = torch.from_numpy(encode_all(model, frames)).float()
    acts = torch.from_numpy(frames.actions).float()
    starts = window_starts(frames, k, holdout=False)
    if len(starts) < batch:
        raise ValueError(f"predictor fine-tuning: only {len(starts)} training windows of {k} steps; need >= {batch}")
    pred = model.predictor
    pred.train()
    head = model.pose_head if pose_head_weight > 0 else None
    params = list(pred.parameters()) + ([] if head is None else list(head.parameters()))
    if head is not None:
        head.train()
    bounds = segment_bounds(frames)
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.05)
    rng = np.random.default_rng(seed + 1)
    offs = np.arange(k)
    first = last = float("nan")
    for step in range(steps):
        b = rng.choice(starts, batch)
        loss = rollout_mse(pred, z[b], acts[b[:, None] + offs], z[b[:, None] + offs + 1])
        if head is not None:
            g = partner_indices(frames, bounds, b + k // 2, rng, max_offset=goal_offset)
            loss = loss + pose_head_weight * rollout_goal_pose_loss(model, z[b], acts[b[:, None] + offs], z[g], b, g, frames)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        sched.step()
        if step == 0:
            first = loss.item()
        if step % log_every == 0 or step == steps - 1:
            last = loss.item()
            print(f"finetune step {step} rollout_mse={last:.4f}", flush=True)
    pred.eval()
    if head is not None:
        head.eval()
    return {"steps": steps, "k": k, "first_loss": first, "last_loss": last,
            "pose_head_weight": pose_head_weight if head is not None else 0.0}
