"""Writes models/<name>/: encoder.onnx, predictor.onnx, rollout.onnx, manifest.json, parity.json.

parity.json holds fixed inputs and the PyTorch outputs for them; tests/worldmodel/onnx-parity.test.ts
runs the ONNX files through onnxruntime-node and compares within 1e-4.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import torch

from .imaging import CHANNELS, NORM_MEAN, NORM_STD, preprocess
from .model import WorldModel, rollout
from .onnx_graph import IR_VERSION, OPSET, matmul_peak_model, predictor_model, rollout_model

FORMAT_VERSION = 1
ACTION_NAMES = ("base_v", "base_w")
ACTION_UNITS = ("m/s", "rad/s")


class _EncoderExport(torch.nn.Module):
    def __init__(self, enc):
        super().__init__()
        self.enc = enc

    def forward(self, image_hwc, joint_pos):
        return self.enc(image_hwc, joint_pos)


def export_encoder(model: WorldModel, path: Path) -> None:
    h, w = model.cfg.image_hw
    enc = _EncoderExport(model.target).eval()
    args = (torch.zeros(2, h, w, 3), torch.zeros(2, model.cfg.joints))
    torch.onnx.export(
        enc,
        args,
        str(path),
        input_names=["image_hwc", "joint_pos"],
        output_names=["z"],
        dynamic_axes={"image_hwc": {0: "batch"}, "joint_pos": {0: "batch"}, "z": {0: "batch"}},
        opset_version=OPSET,
        dynamo=False,
    )
    m = onnx.load(str(path))
    m.ir_version = min(m.ir_version, IR_VERSION)
    onnx.save(m, str(path))


def _io(model_path: Path) -> dict:
    m = onnx.load(str(model_path))

    def dims(v):
        return [d.dim_param if d.dim_param else d.dim_value for d in v.type.tensor_type.shape.dim]

    return {
        "inputs": [{"name": v.name, "shape": dims(v)} for v in m.graph.input],
        "outputs": [{"name": v.name, "shape": dims(v)} for v in m.graph.output],
    }


def _arr(t) -> dict:
    a = np.asarray(t.detach().numpy() if isinstance(t, torch.Tensor) else t, dtype=np.float32)
    return {"shape": list(a.shape), "data": [float(x) for x in a.ravel()]}


@torch.no_grad()
def parity_cases(model: WorldModel, seed: int) -> dict:
    g = torch.Generator().manual_seed(seed)
    h, w = model.cfg.image_hw
    d, a_dim = model.cfg.latent_dim, model.cfg.actions
    img = torch.rand(2, h, w, 3, generator=g) * 2 - 1
    jp = torch.rand(2, model.cfg.joints, generator=g) * 2 - 1
    z = model.target(img, jp)
    act = torch.randn(3, a_dim, generator=g) * 0.5
    zb = torch.randn(3, d, generator=g)
    z0, goal = torch.randn(d, generator=g), torch.randn(d, generator=g)
    seq = torch.randn(4, 6, a_dim, generator=g) * 0.5
    l1, l2, lat = rollout(model.predictor, z0, seq, goal)
    head = {} if model.pose_head is None else {"goal_pose": _arr(model.pose_head(lat, goal.expand_as(lat)))}
    # a raw bgr8 image with odd size and row padding: checks the TS preprocessing against imaging.py
    rh, rw, step = 23, 37, 37 * 3 + 5
    raw = (torch.rand(rh * step, generator=g) * 255).to(torch.uint8).numpy()
    pre = preprocess(rh, rw, "bgr8", step, raw.tobytes(), h, w)
    return {
        "encoder": {"image_hwc": _arr(img), "joint_pos": _arr(jp), "z": _arr(z)},
        "predictor": {"z": _arr(zb), "action": _arr(act), "z_next": _arr(model.predictor(zb, act))},
        "rollout": {"z0": _arr(z0), "actions": _arr(seq), "goal": _arr(goal),
                    "energy_l1": _arr(l1), "energy_l2": _arr(l2), "latents": _arr(lat)} | head,
        "preprocess": {"height": rh, "width": rw, "encoding": "bgr8", "step": step,
                       "data": [int(x) for x in raw], "image_hwc": _arr(pre)},
    }


def write_model_dir(model: WorldModel, out: Path, *, meta: dict, metrics: dict) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    export_encoder(model, out / "encoder.onnx")
    d, a = model.cfg.latent_dim, model.cfg.actions
    onnx.save(predictor_model(model.predictor, d, a), str(out / "predictor.onnx"))
    onnx.save(rollout_model(model.predictor, d, a, model.pose_head), str(out / "rollout.onnx"))
    for f in ("encoder.onnx", "predictor.onnx", "rollout.onnx"):
        onnx.checker.check_model(onnx.load(str(out / f)), full_check=True)
    h, w = model.cfg.image_hw
    bounds = (1.0 / model.predictor.inv_action_scale).tolist()
    joints = list(meta["joint_names"])
    manifest = {
        "format_version": FORMAT_VERSION,
        "model_id": f"{out.name}@{meta['data_hash']}",
        "files": {"encoder": "encoder.onnx", "predictor": "predictor.onnx", "rollout": "rollout.onnx"},
        "opset": OPSET,
        "image": {"height": h, "width": w, "channels": 3, "channel_order": "RGB", "layout": "HWC",
                  "dtype": "float32", "resize": "box", "scale": 1 / 255.0,
                  "mean": [NORM_MEAN] * 3, "std": [NORM_STD] * 3,
                  "accepted_encodings": sorted(CHANNELS)},
        "joint_names": joints,
        "actions": [
            {"name": n, "unit": u, "min": -b, "max": b}
            for n, u, b in zip(list(ACTION_NAMES) + [f"qd_{j}" for j in joints],
                               list(ACTION_UNITS) + ["rad/s"] * len(joints), bounds)
        ],
        "control_period_s": meta["period_sec"],
        "latent_dim": d,
        "action_dim": a,
        "energy": {"energy_l1": "mean_d |z_H - goal|", "energy_l2": "||z_H - goal||_2"}
        | ({} if model.pose_head is None else
           {"goal_pose": "goal base pose seen from each predicted step: x forward, y left [m], cos, sin of heading"}),
        "predictor_flops_per_step": model.predictor.flops_per_step(),
        **({} if model.pose_head is None else {"goal_pose_flops_per_step": model.pose_head.flops_per_step()}),
        "io": {k: _io(out / f"{k}.onnx") for k in ("encoder", "predictor", "rollout")},
        "data_hash": meta["data_hash"],
        "training": meta["training"],
        "metrics": metrics,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (out / "parity.json").write_text(json.dumps(parity_cases(model, seed=1234)) + "\n")
    return manifest


def write_matmul_peak(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(matmul_peak_model(), str(path))
