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

from .dataset import Frames, window_starts
from .evaluate import encode_all


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


def finetune_predictor(model, frames: Frames, *, steps: int, k: int, batch: int, lr: float, seed: int,
                       log_every: int = 500) -> dict:
    """Trains model.predictor only (in place) on training-split windows of k steps; returns the first and
    last logged losses. The encoders are not touched."""
    model.eval()
    z = torch.from_numpy(encode_all(model, frames)).float()
    acts = torch.from_numpy(frames.actions).float()
    starts = window_starts(frames, k, holdout=False)
    if len(starts) < batch:
        raise ValueError(f"predictor fine-tuning: only {len(starts)} training windows of {k} steps; need >= {batch}")
    pred = model.predictor
    pred.train()
    opt = torch.optim.AdamW(pred.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.05)
    rng = np.random.default_rng(seed + 1)
    offs = np.arange(k)
    first = last = float("nan")
    for step in range(steps):
        b = rng.choice(starts, batch)
        loss = rollout_mse(pred, z[b], acts[b[:, None] + offs], z[b[:, None] + offs + 1])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(pred.parameters(), 5.0)
        opt.step()
        sched.step()
        if step == 0:
            first = loss.item()
        if step % log_every == 0 or step == steps - 1:
            last = loss.item()
            print(f"finetune step {step} rollout_mse={last:.4f}", flush=True)
    pred.eval()
    return {"steps": steps, "k": k, "first_loss": first, "last_loss": last}
