"""Tiny training smoke run: trains a few steps, exports, checks the ONNX files and their outputs
(onnx's reference evaluator stands in for onnxruntime, which the TS parity test covers)."""

import json

import numpy as np
import onnx
import pytest
from onnx.reference import ReferenceEvaluator

from training.tests.mcap_fixture import write_fixture
from training.train import parse_args, train

TINY = ["--steps", "30", "--batch", "16", "--image-hw", "16,16", "--channels", "8,8", "--latent-dim", "8",
        "--predictor-hidden", "16", "--segment-sec", "10", "--k", "3"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    d = tmp_path_factory.mktemp("smoke")
    rec = write_fixture(d / "fx.mcap", seconds=40.0)
    out = d / "models" / "tiny"
    metrics = train(parse_args(["--data", str(rec), "--out", str(out), *TINY]))
    return rec, out, metrics


def _arr(case):
    return np.asarray(case["data"], dtype=np.float32).reshape(case["shape"])


def test_export_writes_valid_models_and_a_manifest(run):
    _, out, _ = run
    for f in ("encoder.onnx", "predictor.onnx", "rollout.onnx"):
        onnx.checker.check_model(onnx.load(str(out / f)), full_check=True)
    m = json.loads((out / "manifest.json").read_text())
    assert m["latent_dim"] == 8 and m["action_dim"] == 5
    assert m["joint_names"] == ["arm_shoulder_yaw", "arm_shoulder_pitch", "arm_elbow_pitch"]
    assert [a["name"] for a in m["actions"]][:2] == ["base_v", "base_w"]
    assert [o["name"] for o in m["io"]["rollout"]["outputs"]] == ["energy_l1", "energy_l2", "latents"]
    assert (out.parent / "bench" / "matmul.onnx").exists()


def test_onnx_outputs_match_pytorch_on_the_parity_inputs(run):
    _, out, _ = run
    p = json.loads((out / "parity.json").read_text())
    enc = ReferenceEvaluator(str(out / "encoder.onnx"))
    (z,) = enc.run(None, {"image_hwc": _arr(p["encoder"]["image_hwc"]), "joint_pos": _arr(p["encoder"]["joint_pos"])})
    assert np.abs(z - _arr(p["encoder"]["z"])).max() < 1e-4
    ro = ReferenceEvaluator(str(out / "rollout.onnx"))
    r = p["rollout"]
    l1, l2, lat = ro.run(None, {"z0": _arr(r["z0"]), "actions": _arr(r["actions"]), "goal": _arr(r["goal"])})
    assert np.abs(l1 - _arr(r["energy_l1"])).max() < 1e-4
    assert np.abs(l2 - _arr(r["energy_l2"])).max() < 1e-4
    assert lat.shape == (4, 6, 8) and np.abs(lat - _arr(r["latents"])).max() < 1e-4


def test_a_goal_pose_head_is_trained_evaluated_and_exported_on_every_rollout_step(tmp_path):
    rec = write_fixture(tmp_path / "fx.mcap", seconds=40.0)
    out = tmp_path / "models" / "head"
    metrics = train(parse_args(["--data", str(rec), "--out", str(out), *TINY, "--pose-head-weight", "1.0",
                                "--pose-head-hidden", "8"]))
    assert metrics["goal_pose"]["pairs"] > 0
    assert any(k.startswith("predicted_") for k in metrics["goal_pose"])
    m = json.loads((out / "manifest.json").read_text())
    assert [o["name"] for o in m["io"]["rollout"]["outputs"]][3:] == ["goal_pose"]
    r = json.loads((out / "parity.json").read_text())["rollout"]
    ro = ReferenceEvaluator(str(out / "rollout.onnx"))
    *_, lat, gp = ro.run(None, {"z0": _arr(r["z0"]), "actions": _arr(r["actions"]), "goal": _arr(r["goal"])})
    assert gp.shape == (4, 6, 4) and np.abs(gp - _arr(r["goal_pose"])).max() < 1e-4
    assert np.abs(lat - _arr(r["latents"])).max() < 1e-4


def test_metrics_are_saved_and_reproducible_with_the_same_seed(run, tmp_path):
    rec, out, metrics = run
    saved = json.loads((out / "metrics.json").read_text())
    for key in ("prediction", "collapse", "probe_r2", "goal_distance"):
        assert key in saved
    again = train(parse_args(["--data", str(rec), "--out", str(tmp_path / "again"), *TINY]))
    assert again["prediction"]["mse_k1"] == pytest.approx(metrics["prediction"]["mse_k1"], rel=1e-4)
    assert again["collapse"]["effective_rank"] == pytest.approx(metrics["collapse"]["effective_rank"], rel=1e-4)
