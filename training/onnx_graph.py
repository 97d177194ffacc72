"""Hand-built ONNX graphs for the predictor (one step, batched) and the whole H-step rollout.

The rollout is an ONNX Loop whose body is the predictor, so K and H are dynamic axes and the
planner scores K sequences in one session call. Building the graph from the trained weights (rather
than tracing a Python loop, which would unroll a fixed H) keeps both files exact and small.
"""

from __future__ import annotations

import numpy as np
from onnx import TensorProto, helper, numpy_helper

OPSET = 18


def _layer_weights(module, prefix: str = "") -> dict[str, np.ndarray]:
    """fc1..fc3 of `module` as MatMul-ready arrays: `{prefix}fcN_w` (transposed) and `{prefix}fcN_b`."""
    w = {}
    for name in ("fc1", "fc2", "fc3"):
        layer = getattr(module, name)
        w[f"{prefix}{name}_w"] = layer.weight.detach().numpy().T.astype(np.float32).copy()
        w[f"{prefix}{name}_b"] = layer.bias.detach().numpy().astype(np.float32).copy()
    return w


def _weights(pred) -> dict[str, np.ndarray]:
    return {"inv_action_scale": pred.inv_action_scale.detach().numpy().astype(np.float32).reshape(1, -1)} | _layer_weights(pred)


def _silu_mlp_nodes(x: str, out: str, p: str, w: str = "") -> list:
    """fc3(silu(fc2(silu(fc1(x))))) -> out with the weights named `{w}fcN_w/_b`; `p` prefixes intermediates."""
    n = helper.make_node
    nodes = []
    h = x
    for i, name in enumerate(("fc1", "fc2")):
        nodes += [
            n("MatMul", [h, f"{w}{name}_w"], [p + f"m{i}"]),
            n("Add", [p + f"m{i}", f"{w}{name}_b"], [p + f"l{i}"]),
            n("Sigmoid", [p + f"l{i}"], [p + f"s{i}"]),
            n("Mul", [p + f"l{i}", p + f"s{i}"], [p + f"h{i}"]),
        ]
        h = p + f"h{i}"
    return nodes + [n("MatMul", [h, f"{w}fc3_w"], [p + "m2"]), n("Add", [p + "m2", f"{w}fc3_b"], [out])]


def _mlp_nodes(z: str, a_n: str, out: str, p: str) -> list:
    """The predictor's MLP on [z, scaled action] -> out (the latent change)."""
    return [helper.make_node("Concat", [z, a_n], [p + "x"], axis=1), *_silu_mlp_nodes(p + "x", out, p)]


def _step_nodes(z: str, a: str, out: str, p: str, hold_identity: bool = False) -> list:
    """z [B, D], a [B, A] -> out [B, D]; `p` prefixes intermediate names (unique per graph). With
    hold_identity the change is f(z, a) - f(z, 0) (see model.Predictor)."""
    n = helper.make_node
    nodes = [n("Mul", [a, "inv_action_scale"], [p + "a_n"]), *_mlp_nodes(z, p + "a_n", p + "dz", p)]
    dz = p + "dz"
    if hold_identity:
        nodes += [
            n("Sub", [p + "a_n", p + "a_n"], [p + "a_0"]),
            *_mlp_nodes(z, p + "a_0", p + "dz0", p + "h0_"),
            n("Sub", [p + "dz", p + "dz0"], [p + "dz_rel"]),
        ]
        dz = p + "dz_rel"
    return nodes + [n("Add", [z, dz], [out])]


def _inits(pred) -> list:
    return [numpy_helper.from_array(v, k) for k, v in _weights(pred).items()]


def _head_inits(head) -> list:
    return [numpy_helper.from_array(v, k) for k, v in _layer_weights(head, "gp_").items()]


def _head_nodes(latents: str, goal_row: str, out: str) -> list:
    """The goal-pose head on every predicted step: latents [K, H, D], goal [1, D] -> out [K, H, 4]."""
    n = helper.make_node
    return [
        n("Shape", [latents], ["gp_khd"]),
        n("Expand", [goal_row, "gp_khd"], ["gp_goal"]),
        n("Sub", ["gp_goal", latents], ["gp_diff"]),
        n("Concat", [latents, "gp_goal", "gp_diff"], ["gp_x"], axis=2),
        *_silu_mlp_nodes("gp_x", out, "gp_", "gp_"),
    ]


def predictor_model(pred, latent_dim: int, action_dim: int):
    f = TensorProto.FLOAT
    graph = helper.make_graph(
        _step_nodes("z", "action", "z_next", "p_", pred.hold_identity),
        "predictor",
        [helper.make_tensor_value_info("z", f, ["batch", latent_dim]),
         helper.make_tensor_value_info("action", f, ["batch", action_dim])],
        [helper.make_tensor_value_info("z_next", f, ["batch", latent_dim])],
        initializer=_inits(pred),
    )
    return _model(graph)


def _loop_body(latent_dim: int, hold_identity: bool):
    f = TensorProto.FLOAT
    n = helper.make_node
    nodes = [
        n("Gather", ["actions", "iter"], ["a_i"], axis=1),
        *_step_nodes("z_in", "a_i", "z_out", "b_", hold_identity),
        n("Identity", ["cond_in"], ["cond_out"]),
        n("Identity", ["z_out"], ["z_scan"]),
    ]
    return helper.make_graph(
        nodes,
        "rollout_step",
        [helper.make_tensor_value_info("iter", TensorProto.INT64, []),
         helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
         helper.make_tensor_value_info("z_in", f, ["k", latent_dim])],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("z_out", f, ["k", latent_dim]),
         helper.make_tensor_value_info("z_scan", f, ["k", latent_dim])],
    )


def rollout_model(pred, latent_dim: int, action_dim: int, head=None):
    """z0 [D], actions [K, H, A], goal [D] -> energy_l1 [K], energy_l2 [K], latents [K, H, D], and with a
    goal-pose head goal_pose [K, H, 4] (the goal seen from each predicted step: x, y [m], cos, sin)."""
    f = TensorProto.FLOAT
    n = helper.make_node
    c = numpy_helper.from_array
    consts = [
        c(np.array([0], np.int64), "c0"), c(np.array([1], np.int64), "c1"), c(np.array([2], np.int64), "c2"),
        c(np.array([1, latent_dim], np.int64), "row_shape"), c(np.array([latent_dim], np.int64), "d_vec"),
        c(np.array(True), "true"), c(np.array([1], np.int64), "axis1"),
    ]
    nodes = [
        n("Shape", ["actions"], ["a_shape"]),
        n("Slice", ["a_shape", "c0", "c1"], ["k_vec"]),
        n("Slice", ["a_shape", "c1", "c2"], ["h_vec"]),
        n("Squeeze", ["h_vec"], ["h"]),
        n("Concat", ["k_vec", "d_vec"], ["kd"], axis=0),
        n("Reshape", ["z0", "row_shape"], ["z0_row"]),
        n("Expand", ["z0_row", "kd"], ["z_init"]),
        n("Loop", ["h", "true", "z_init"], ["z_final", "scan_hkd"], body=_loop_body(latent_dim, pred.hold_identity)),
        # runtimes differ on whether scan outputs are stacked [H, K, D] or concatenated [H*K, D]
        n("Concat", ["h_vec", "k_vec", "d_vec"], ["hkd"], axis=0),
        n("Reshape", ["scan_hkd", "hkd"], ["scan_3d"]),
        n("Transpose", ["scan_3d"], ["latents"], perm=[1, 0, 2]),
        n("Reshape", ["goal", "row_shape"], ["goal_row"]),
        n("Sub", ["z_final", "goal_row"], ["diff"]),
        n("Abs", ["diff"], ["abs_diff"]),
        n("ReduceMean", ["abs_diff", "axis1"], ["energy_l1"], keepdims=0),
        n("Mul", ["diff", "diff"], ["sq"]),
        n("ReduceSum", ["sq", "axis1"], ["sum_sq"], keepdims=0),
        n("Sqrt", ["sum_sq"], ["energy_l2"]),
    ]
    outputs = [helper.make_tensor_value_info("energy_l1", f, ["k"]),
               helper.make_tensor_value_info("energy_l2", f, ["k"]),
               helper.make_tensor_value_info("latents", f, ["k", "h", latent_dim])]
    inits = _inits(pred) + consts
    if head is not None:
        nodes += _head_nodes("latents", "goal_row", "goal_pose")
        outputs.append(helper.make_tensor_value_info("goal_pose", f, ["k", "h", 4]))
        inits += _head_inits(head)
    graph = helper.make_graph(
        nodes,
        "rollout",
        [helper.make_tensor_value_info("z0", f, [latent_dim]),
         helper.make_tensor_value_info("actions", f, ["k", "h", action_dim]),
         helper.make_tensor_value_info("goal", f, [latent_dim])],
        outputs,
        initializer=inits,
    )
    return _model(graph)


def matmul_peak_model():
    """Two dynamic [N, N] inputs -> MatMul: the benchmark's peak-GFLOPS yardstick (no weights)."""
    f = TensorProto.FLOAT
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["a", "b"], ["c"])],
        "matmul_peak",
        [helper.make_tensor_value_info("a", f, ["n", "n"]), helper.make_tensor_value_info("b", f, ["n", "n"])],
        [helper.make_tensor_value_info("c", f, ["n", "n"])],
    )
    return _model(graph)


IR_VERSION = 10  # onnxruntime-node 1.30 reads IR <= 13; 10 is what opset 18 shipped with


def _model(graph):
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="world_model_mpc")
    m.ir_version = IR_VERSION
    return m
