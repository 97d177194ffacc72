"""Trains the JEPA world model on MCAP recordings and exports it. One command, seeded:

    python -m training.train --data DIR_OR_FILES... --out models/NAME [--steps N] [--seed S]

Same data + seed + steps -> same metrics within float noise (CPU, fixed thread count).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from .dataset import (ARM_JOINTS, Frames, data_hash, diff_drive_distance, list_mcap_files, load_frames, partner_indices,
                      pose_distance, relative_pose, segment_bounds, window_starts)
from .evaluate import evaluate
from .export import write_matmul_peak, write_model_dir
from .losses import goal_pose_loss, odometry_ranking_loss, rollout_loss, sigreg, vicreg
from .predictor_finetune import finetune_predictor
from .model import ModelConfig, WorldModel

DEFAULT_ACTION_BOUNDS = (1.0, 2.0, 1.5, 1.5, 1.5)  # [m/s, rad/s, rad/s x3]


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", nargs="+", required=True, help="MCAP files or directories holding them")
    p.add_argument("--out", required=True, help="output model directory, e.g. models/jepa-sim")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--k", type=int, default=4, help="rollout steps in the loss")
    p.add_argument("--loss-steps", default=None,
                   help="comma list of 1-based rollout steps compared in the loss, e.g. 1,2,4,8 (default: all 1..k)")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--latent-dim", type=int, default=64)
    p.add_argument("--image-hw", default="48,64", help="encoder input height,width [px] (sim camera 96x128 -> 2x box)")
    p.add_argument("--channels", default="16,32,64,64")
    p.add_argument("--predictor-hidden", type=int, default=256)
    p.add_argument("--regularizer", choices=("sigreg", "vicreg"), default="sigreg")
    p.add_argument("--reg-weight", type=float, default=None, help="default: sigreg 0.05, vicreg 1.0")
    p.add_argument("--ema", type=float, default=0.99, help="target encoder EMA decay")
    p.add_argument("--period", type=float, default=0.1, help="control period = model step [s]")
    p.add_argument("--segment-sec", type=float, default=20.0, help="episode length for the held-out split")
    p.add_argument("--metric-weight", type=float, default=1.0,
                   help="weight of the odometry ranking loss that shapes latent distance like travel (0: off)")
    p.add_argument("--metric-margin", type=float, default=0.1,
                   help="latent L1 margin per metre of pose-distance gap in that loss")
    p.add_argument("--metric-distance", choices=("pose", "diff-drive"), default="pose",
                   help="the ranking loss's distance: pose (position + yaw) or diff-drive (turn, drive, turn)")
    p.add_argument("--metric-yaw", type=float, default=0.5,
                   help="metres per radian of heading difference in that loss's pose distance (a diff-drive"
                        " base turns in place cheaply, so a small value ranks by position first)")
    p.add_argument("--pose-head-weight", type=float, default=0.0,
                   help="weight of the goal-pose head's loss (0: no head; the head gives the planner a metric goal energy)")
    p.add_argument("--pose-head-hidden", type=int, default=128, help="hidden width of the goal-pose head")
    p.add_argument("--pose-head-near", type=int, default=50,
                   help="the head also sees a partner at most this many frames from the anchor (near-goal precision)")
    p.add_argument("--hold-identity", action="store_true",
                   help="predictor z + f(z, a) - f(z, 0): a zero action predicts no change (no drift under hold)")
    p.add_argument("--finetune-steps", type=int, default=0,
                   help="second stage: predictor-only steps on frozen latents (0: off); see predictor_finetune.py")
    p.add_argument("--finetune-k", type=int, default=20, help="rollout steps in the second stage (the planner's horizon)")
    p.add_argument("--finetune-pose-head-weight", type=float, default=0.0,
                   help="second stage: also train the goal-pose head on the rollout's latents, with this weight")
    p.add_argument("--finetune-batch", type=int, default=128)
    p.add_argument("--finetune-lr", type=float, default=1e-3)
    p.add_argument("--init", default=None, help="start from this checkpoint (--steps 0: second stage only)")
    p.add_argument("--checkpoint", default=None, help="also save the trained PyTorch weights here (not shipped)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float, default=0.0, help="stop early after this wall time (0: off)")
    p.add_argument("--cache", default=None, help="npz cache of decoded frames (skips MCAP decoding)")
    return p.parse_args(argv)


def _hw(args) -> tuple[int, int]:
    h, w = (int(x) for x in args.image_hw.split(","))
    return h, w


def get_frames(args, files) -> Frames:
    if args.cache and Path(args.cache).exists():
        with np.load(args.cache) as z:
            return Frames(**{k: z[k] for k in z.files})
    fr = load_frames(files, period_sec=args.period, image_hw=_hw(args),
                     joint_names=ARM_JOINTS, segment_sec=args.segment_sec)
    if args.cache:
        np.savez(args.cache, **fr.__dict__)
    return fr


def action_bounds(frames: Frames) -> torch.Tensor:
    seen = np.percentile(np.abs(frames.actions), 99.9, axis=0)
    return torch.tensor(np.maximum(np.asarray(DEFAULT_ACTION_BOUNDS[: frames.actions.shape[1]]), seen), dtype=torch.float32)


def loss_steps(args) -> list[int]:
    if not args.loss_steps:
        return list(range(1, args.k + 1))
    steps = sorted({int(s) for s in str(args.loss_steps).split(",")})
    if steps[0] < 1 or steps[-1] > args.k:
        raise ValueError(f"--loss-steps: expected steps in 1..{args.k} (--k), got {args.loss_steps}")
    return steps


def batch_tensors(frames: Frames, starts: np.ndarray, k: int, steps: list[int] | None = None):
    """Images/joints of frame 0 and of the supervised steps [B, 1+S, ...], actions of all k steps."""
    steps = list(range(1, k + 1)) if steps is None else steps
    idx = starts[:, None] + np.asarray([0, *steps])[None, :]
    img = torch.from_numpy(frames.images[idx].astype(np.float32))  # [B, 1+S, H, W, 3]
    jp = torch.from_numpy(frames.joints[idx])
    act = torch.from_numpy(frames.actions[starts[:, None] + np.arange(k)[None, :]])
    return img, jp, act


def _frame_tensors(frames: Frames, idx: np.ndarray):
    return torch.from_numpy(frames.images[idx].astype(np.float32)), torch.from_numpy(frames.joints[idx])


def train_step(model, opt, frames, starts, args, gen, partners=None) -> dict:
    """One optimiser step. `partners` (index arrays, frames of each start's own segment) switch on the
    odometry ranking loss (the first two) and, with a goal-pose head, its loss (all of them; a third,
    near one comes along for that)."""
    steps = loss_steps(args)
    img, jp, act = batch_tensors(frames, starts, args.k, steps)
    b = img.shape[0]
    metric = img.new_zeros(())
    pose = img.new_zeros(())
    if partners is not None and (args.metric_weight > 0 or model.pose_head is not None):
        others = list(partners)
        ims, jps = zip(*(_frame_tensors(frames, o) for o in others))
        zs = model.encoder(torch.cat([img[:, 0], *ims]), torch.cat([jp[:, 0], *jps])).split(b)
        z_t = zs[0]
        if args.metric_weight > 0:
            dist = diff_drive_distance if args.metric_distance == "diff-drive" else pose_distance
            d_p = torch.from_numpy(dist(frames, starts, others[0], args.metric_yaw)).float()
            d_q = torch.from_numpy(dist(frames, starts, others[1], args.metric_yaw)).float()
            metric = odometry_ranking_loss(z_t, zs[1], zs[2], d_p, d_q, margin_per_m=args.metric_margin)
        if model.pose_head is not None:
            pose = sum(
                goal_pose_loss(model.pose_head(z_t, z_o), torch.from_numpy(relative_pose(frames, starts, o)))
                for z_o, o in zip(zs[1:], others)
            ) / len(others)
    else:
        z_t = model.encoder(img[:, 0], jp[:, 0])
    with torch.no_grad():
        z_all = model.target(img.flatten(0, 1), jp.flatten(0, 1)).reshape(b, 1 + len(steps), -1)
    z_tg = z_all[:, 1:]
    # from the online latent (trains the encoder) and from the target latent (what the planner feeds
    # the predictor at run time: the exported encoder is the target one)
    pred = 0.5 * (rollout_loss(model, z_t, act, z_tg, steps) + rollout_loss(model, z_all[:, 0], act, z_tg, steps))
    reg = sigreg(z_t, gen) if args.regularizer == "sigreg" else vicreg(z_t)
    loss = pred + args.reg_weight * reg + args.metric_weight * metric + args.pose_head_weight * pose
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    opt.step()
    model.update_target(args.ema)
    return {"loss": loss.item(), "pred": pred.item(), "reg": reg.item(), "metric": metric.item(), "pose": pose.item()}


def train(args) -> dict:
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    if args.reg_weight is None:
        args.reg_weight = 0.05 if args.regularizer == "sigreg" else 1.0
    files = list_mcap_files(args.data)
    frames = get_frames(args, files)
    starts = window_starts(frames, args.k, holdout=False)
    if len(starts) < args.batch:
        raise ValueError(f"only {len(starts)} training windows of {args.k} steps; need >= --batch {args.batch}")
    cfg = ModelConfig(image_hw=_hw(args), joints=frames.joints.shape[1],
                      actions=frames.actions.shape[1], latent_dim=args.latent_dim,
                      channels=tuple(int(c) for c in args.channels.split(",")), predictor_hidden=args.predictor_hidden,
                      pose_head_hidden=args.pose_head_hidden if args.pose_head_weight > 0 else 0,
                      hold_identity=args.hold_identity)
    model = WorldModel(cfg, action_bounds(frames))
    if args.init:
        model.load_state_dict(torch.load(args.init, weights_only=True))
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=max(args.steps, 1), pct_start=0.05)
    rng = np.random.default_rng(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    t0 = time.monotonic()
    steps_done = 0
    print(f"frames={len(frames.segment)} train_windows={len(starts)} held_out_frames={int(frames.holdout.sum())}")
    bounds = segment_bounds(frames)
    for step in range(args.steps):
        model.train()
        batch = rng.choice(starts, args.batch)
        partners = [partner_indices(frames, bounds, batch, rng), partner_indices(frames, bounds, batch, rng)]
        if model.pose_head is not None:
            partners.append(partner_indices(frames, bounds, batch, rng, max_offset=args.pose_head_near))
        log = train_step(model, opt, frames, batch, args, gen, partners)
        sched.step()
        steps_done = step + 1
        if step % 100 == 0 or step == args.steps - 1:
            print(f"step {step} " + " ".join(f"{k}={v:.4f}" for k, v in log.items()), flush=True)
        if args.max_minutes > 0 and time.monotonic() - t0 > 60 * args.max_minutes:
            print(f"stopping at step {steps_done}: --max-minutes {args.max_minutes} reached", flush=True)
            break
    eval_k = args.k
    finetune = None
    if args.finetune_steps > 0:
        finetune = finetune_predictor(model, frames, steps=args.finetune_steps, k=args.finetune_k,
                                      batch=args.finetune_batch, lr=args.finetune_lr, seed=args.seed,
                                      pose_head_weight=args.finetune_pose_head_weight)
        eval_k = max(eval_k, args.finetune_k)
    metrics = evaluate(model, frames, k=eval_k, seed=args.seed)
    if finetune:
        metrics["finetune"] = finetune
    metrics["train_steps"] = steps_done
    metrics["train_minutes"] = round((time.monotonic() - t0) / 60, 2)
    print(json.dumps(metrics, indent=2))
    out = Path(args.out)
    meta = {"joint_names": ARM_JOINTS, "period_sec": args.period, "data_hash": data_hash(files),
            "training": {k: v for k, v in vars(args).items() if k not in ("cache",)} | {"files": [f.name for f in files]}}
    write_model_dir(model, out, meta=meta, metrics=metrics)
    if args.checkpoint:
        torch.save(model.state_dict(), args.checkpoint)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    write_matmul_peak(out.parent / "bench" / "matmul.onnx")
    return metrics


def main(argv=None) -> None:
    train(parse_args(argv))


if __name__ == "__main__":
    main()
