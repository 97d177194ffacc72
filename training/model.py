"""The JEPA world model: observation encoder, EMA target encoder, action-conditioned predictor.

Encoder: small CNN on the image (HWC in, transposed inside so the runtime feeds the layout it
preprocesses into) + an MLP on joint positions -> latent z. Predictor: z_t+1 = z_t + MLP([z_t, a_t / a_scale]),
physical action units in, scaled inside. No decoder: all losses live in latent space.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch
from torch import nn


@dataclass
class ModelConfig:
    image_hw: tuple[int, int] = (64, 64)
    joints: int = 3
    actions: int = 5
    latent_dim: int = 64
    channels: tuple[int, ...] = (16, 32, 64, 64)
    predictor_hidden: int = 256
    # hidden width of the goal-pose head; 0: no head
    pose_head_hidden: int = 0
    # predictor: z + f(z, a) - f(z, 0), so a zero action leaves the latent exactly as it is
    hold_identity: bool = False


def matmul_flops(*layers: nn.Linear) -> int:
    """Multiply-adds x2 of the given linear layers for one input row."""
    return 2 * sum(m.in_features * m.out_features for m in layers)


class Encoder(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        layers: list[nn.Module] = []
        c_in = 3
        for c in cfg.channels:
            layers += [nn.Conv2d(c_in, c, kernel_size=4, stride=2, padding=1), nn.GroupNorm(4, c), nn.SiLU()]
            c_in = c
        self.cnn = nn.Sequential(*layers)
        down = 2 ** len(cfg.channels)
        flat = c_in * (cfg.image_hw[0] // down) * (cfg.image_hw[1] // down)
        self.proprio = nn.Sequential(nn.Linear(2 * cfg.joints, 64), nn.SiLU())
        self.head = nn.Sequential(nn.Linear(flat + 64, 256), nn.SiLU(), nn.Linear(256, cfg.latent_dim))

    def forward(self, image_hwc: torch.Tensor, joint_pos: torch.Tensor) -> torch.Tensor:
        x = self.cnn(image_hwc.permute(0, 3, 1, 2)).flatten(1)
        # sin/cos: joint angles wrap, the features should too
        p = self.proprio(torch.cat([torch.sin(joint_pos), torch.cos(joint_pos)], dim=1))
        return self.head(torch.cat([x, p], dim=1))


class Predictor(nn.Module):
    """One step: z_t, a_t -> z_t+1. Plain Linear/Sigmoid/Mul ops so export/onnx_graph.py can rebuild it."""

    def __init__(self, cfg: ModelConfig, action_scale: torch.Tensor):
        super().__init__()
        self.hold_identity = cfg.hold_identity
        self.register_buffer("inv_action_scale", 1.0 / action_scale.float())
        h = cfg.predictor_hidden
        self.fc1 = nn.Linear(cfg.latent_dim + cfg.actions, h)
        self.fc2 = nn.Linear(h, h)
        self.fc3 = nn.Linear(h, cfg.latent_dim)
        nn.init.zeros_(self.fc3.weight)
        nn.init.zeros_(self.fc3.bias)

    def _delta(self, z: torch.Tensor, a_scaled: torch.Tensor) -> torch.Tensor:
        x = torch.cat([z, a_scaled], dim=1)
        x = nn.functional.silu(self.fc1(x))
        x = nn.functional.silu(self.fc2(x))
        return self.fc3(x)

    def forward(self, z: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
        a_scaled = a * self.inv_action_scale
        dz = self._delta(z, a_scaled)
        if self.hold_identity:
            # Holding still must predict no change: the latent of one image carries no velocity, and a
            # predictor that drifts under a zero action (toward the data mean) makes every long
            # rollout of "hold" look closer to the goal than it is, so the planner stops short.
            dz = dz - self._delta(z, torch.zeros_like(a_scaled))
        return z + dz

    def flops_per_step(self) -> int:
        """Multiply-adds x2 of the three matmuls for one sequence (twice with hold_identity)."""
        return (2 if self.hold_identity else 1) * matmul_flops(self.fc1, self.fc2, self.fc3)


class GoalPoseHead(nn.Module):
    """Where the goal is, seen from the robot: (z of the robot's view, z of the goal view) -> [x forward,
    y left [m], cos, sin of the goal's heading relative to the robot's]. Trained on the robot's own
    odometry (no labels), it gives the planner a goal energy in metres and radians that a differential
    drive can descend: latent distance alone rises on every turn, so a robot parked beside its goal
    with the right heading sees no way in. Plain MatMul/Add/Sigmoid ops for export/onnx_graph.py."""

    def __init__(self, latent_dim: int, hidden: int):
        super().__init__()
        self.fc1 = nn.Linear(3 * latent_dim, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, 4)

    def flops_per_step(self) -> int:
        """Multiply-adds x2 of the three matmuls for one predicted step."""
        return matmul_flops(self.fc1, self.fc2, self.fc3)

    def forward(self, z_robot: torch.Tensor, z_goal: torch.Tensor) -> torch.Tensor:
        x = torch.cat([z_robot, z_goal, z_goal - z_robot], dim=-1)
        x = nn.functional.silu(self.fc1(x))
        x = nn.functional.silu(self.fc2(x))
        return self.fc3(x)


def rollout(pred: Predictor, z0: torch.Tensor, actions: torch.Tensor, goal: torch.Tensor):
    """z0 [D], actions [K, H, A], goal [D] -> (energy_l1 [K], energy_l2 [K], latents [K, H, D]).
    energy_l1 = mean_d |z_H - g| (V-JEPA 2-AC's planning energy), energy_l2 = ||z_H - g||_2."""
    k, h, _ = actions.shape
    z = z0.reshape(1, -1).expand(k, -1)
    out = []
    for i in range(h):
        z = pred(z, actions[:, i, :])
        out.append(z)
    diff = z - goal.reshape(1, -1)
    return diff.abs().mean(dim=1), diff.pow(2).sum(dim=1).sqrt(), torch.stack(out, dim=1)


class WorldModel(nn.Module):
    def __init__(self, cfg: ModelConfig, action_scale: torch.Tensor):
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.target = copy.deepcopy(self.encoder)
        for p in self.target.parameters():
            p.requires_grad_(False)
        self.predictor = Predictor(cfg, action_scale)
        self.pose_head = GoalPoseHead(cfg.latent_dim, cfg.pose_head_hidden) if cfg.pose_head_hidden > 0 else None

    @torch.no_grad()
    def update_target(self, decay: float) -> None:
        for pt, po in zip(self.target.parameters(), self.encoder.parameters()):
            pt.mul_(decay).add_(po.detach(), alpha=1 - decay)
