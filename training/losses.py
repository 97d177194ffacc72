"""Latent prediction loss and the two selectable anti-collapse regularizers (VICReg, SIGReg)."""

from __future__ import annotations

import torch


def rollout_loss(model, z_t: torch.Tensor, actions: torch.Tensor, z_targets: torch.Tensor, steps=None) -> torch.Tensor:
    """Mean squared error of the predictor's own k-step rollout against target latents.
    z_t [B, D] (online encoder), actions [B, k, A], z_targets [B, S, D] (EMA encoder, no grad) at the
    1-based rollout steps `steps` (default 1..k, S = k). Sparse steps (e.g. 1,2,4,8) train a long
    horizon without encoding every intermediate frame."""
    k = actions.shape[1]
    steps = list(range(1, k + 1)) if steps is None else list(steps)
    z = z_t
    err = z_t.new_zeros(())
    j = 0
    for i in range(1, k + 1):
        z = model.predictor(z, actions[:, i - 1, :])
        if j < len(steps) and steps[j] == i:
            err = err + (z - z_targets[:, j, :]).pow(2).mean()
            j += 1
    return err / len(steps)


def vicreg(z: torch.Tensor, *, std_target: float = 1.0, cov_weight: float = 1.0) -> torch.Tensor:
    """VICReg's variance (hinge on per-dim std) + covariance (off-diagonal) terms; the invariance
    term is the prediction loss. Bardes, Ponce, LeCun 2022."""
    zc = z - z.mean(dim=0)
    std = torch.sqrt(zc.var(dim=0) + 1e-4)
    var_term = torch.relu(std_target - std).mean()
    n, d = z.shape
    cov = (zc.T @ zc) / max(n - 1, 1)
    off = cov - torch.diag(torch.diag(cov))
    return var_term + cov_weight * off.pow(2).sum() / d


def sigreg(z: torch.Tensor, generator: torch.Generator, *, directions: int = 64, knots: int = 17) -> torch.Tensor:
    """SIGReg (LeJEPA, Balestriero & LeCun 2025): push the embedding distribution toward an isotropic
    standard Gaussian by testing random 1-D projections with the Epps-Pulley statistic, the weighted
    squared distance between the empirical characteristic function and exp(-t^2/2)."""
    n, d = z.shape
    u = torch.randn(d, directions, generator=generator).to(z)
    u = u / u.norm(dim=0, keepdim=True)
    proj = z @ u  # [N, M]
    t = torch.linspace(-3.0, 3.0, knots, dtype=z.dtype, device=z.device)
    tx = proj.unsqueeze(-1) * t  # [N, M, T]
    ecf_re = torch.cos(tx).mean(dim=0)
    ecf_im = torch.sin(tx).mean(dim=0)
    gauss = torch.exp(-0.5 * t * t)
    sq = (ecf_re - gauss).pow(2) + ecf_im.pow(2)  # [M, T]
    stat = torch.trapezoid(sq * gauss, t, dim=-1)  # weight w(t) = exp(-t^2/2)
    return n * stat.mean()


def odometry_ranking_loss(z_a, z_p, z_q, d_p, d_q, *, margin_per_m: float = 0.1, cap_m: float = 3.0):
    """Shapes latent distance like the robot's own travel (self-supervised from odometry and joint
    encoders, no labels): of two frames p, q of the anchor's episode, the one nearer to the anchor in
    pose distance d must also be nearer in latent L1 (mean over dimensions, the planner's energy), by a
    margin that grows with the gap (capped). Without it, latent distance only ranks poses within a
    few decimetres of each other and the planner's goal energy is flat farther out.
    z_* [B, D]; d_p, d_q [B] pose distances [m] of p and q to the anchor."""
    l_p = (z_a - z_p).abs().mean(1)
    l_q = (z_a - z_q).abs().mean(1)
    sign = torch.sign(d_q - d_p)  # +1 where q is the farther one
    gap = (d_q - d_p).abs().clamp(max=cap_m)
    return torch.relu(sign * (l_p - l_q) + margin_per_m * gap * sign.abs()).mean()


def goal_pose_loss(predicted: torch.Tensor, target: torch.Tensor, *, heading_weight: float = 0.5) -> torch.Tensor:
    """Goal-pose head error: smooth L1 on the position [m] (quadratic below 0.1 m, so metres far out do
    not swamp centimetres near the goal) plus `heading_weight` x smooth L1 on cos/sin of the heading.
    predicted, target [B, 4] = x forward, y left, cos, sin."""
    pos = torch.nn.functional.smooth_l1_loss(predicted[:, :2], target[:, :2], beta=0.1)
    head = torch.nn.functional.smooth_l1_loss(predicted[:, 2:], target[:, 2:], beta=0.1)
    return pos + heading_weight * head
