"""Writes models/<name>/README.md from its manifest (training command, data, metrics).

    python -m training.model_readme models/jepa-sim "data description"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _fmt(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _goal_pose_section(met: dict) -> str:
    gp = met.get("goal_pose")
    if not gp or not gp.get("pairs"):
        return ""
    rows = []
    for key, v in gp.items():
        if isinstance(v, dict):
            source, bucket = key.split("_", 1)
            rows.append(f"| {source} | {bucket} | {v['n']} | {v['pos_err_m_p50']:.3f} | {v['pos_err_m_p90']:.3f} "
                        f"| {v['yaw_err_rad_p50']:.3f} |")
    return f"""
Goal-pose head: where a goal frame is seen from the robot's frame, against odometry, on {gp['pairs']}
held-out pairs; "predicted" reads the predictor's own {gp['rollout_k']}-step prediction of the robot's
latent (what the planner scores):

| latent | true distance | pairs | position error p50 [m] | p90 [m] | heading error p50 [rad] |
|---|---|---|---|---|---|
""" + "\n".join(rows) + "\n"


def render(model_dir: Path, data_text: str) -> str:
    m = json.loads((model_dir / "manifest.json").read_text())
    t, met = m["training"], m["metrics"]
    args = " ".join(
        f"--{k.replace('_', '-')} {' '.join(v) if isinstance(v, list) else v}"
        for k, v in t.items()
        if k not in ("files", "data", "out", "reg_weight", "threads") and v is not None
    )
    pred = met["prediction"]
    k_max = sum(1 for k in pred if k.startswith("ratio_k"))
    shown = [i for i in range(1, k_max + 1) if i <= 4 or i % 4 == 0 or i == k_max]
    rows = "\n".join(
        f"| {i} | {pred[f'mse_k{i}']:.4f} | {pred[f'mse_same_k{i}']:.4f} | {pred[f'ratio_k{i}']:.3f} |"
        for i in shown
    )
    col, probe, goal = met["collapse"], met["probe_r2"], met["goal_distance"]
    return f"""# {model_dir.name}: JEPA world model trained on simulator recordings

Model id `{m['model_id']}`, latent D = {m['latent_dim']}, action A = {m['action_dim']}
({', '.join(a['name'] + ' [' + a['unit'] + ']' for a in m['actions'])}), step {m['control_period_s']} s,
input image {m['image']['height']}×{m['image']['width']} RGB HWC normalized (p/255 − 0.5)/0.5, box-resized
from the camera image. Joint order: {', '.join(m['joint_names'])}. Files: encoder.onnx, predictor.onnx,
rollout.onnx (opset {m['opset']}), manifest.json, parity.json (PyTorch outputs on fixed inputs,
checked by tests/worldmodel/onnx-parity.test.ts). See docs/WORLD_MODEL.md for the format.

## Training command

```
python -m training.train --data DIR --out {model_dir} {args}
```

{met['train_steps']} steps in {met['train_minutes']} min on 2 shared CPU cores (torch {'CPU'}), seed {t['seed']},
data hash `{m['data_hash']}`.

## Data

{data_text}

## Metrics (held-out segments)

Latent prediction MSE of the predictor's own k-step rollout vs the "latent stays the same" baseline
({pred['windows']} windows; ratio < 1: the predictor beats it):

| k | predictor | same latent | ratio |
|---|---|---|---|
{rows}

Collapse check: per-dimension std min {_fmt(col['std_min'])}, mean {_fmt(col['std_mean'])},
{col['dims_std_below_0.01']} dims with std < 0.01, effective rank {_fmt(col['effective_rank'])} of {col['latent_dim']}.

Linear probe R² (ridge, fit on training segments): robot pose (x, y, cos yaw, sin yaw)
{_fmt(probe['pose'])}; nearest person in the base frame {_fmt(probe['nearest_person_in_base'])}.

Goal distance: Spearman correlation between latent distance and true distance (position + 0.5 m/rad yaw
+ 0.2 m/rad arm joints) over {goal['pairs']} frame pairs inside held-out segments:
L1 {_fmt(goal['spearman_l1'])}, L2 {_fmt(goal['spearman_l2'])}.
{_goal_pose_section(met)}"""


def main() -> None:
    model_dir = Path(sys.argv[1])
    (model_dir / "README.md").write_text(render(model_dir, sys.argv[2]))


if __name__ == "__main__":
    main()
