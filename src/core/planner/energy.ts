/**
 * Task energy and control costs of K sequences, allocation-free.
 *
 * energy_k = Σ_t w_t · d(z_{k,t}, goal), w_t = runningWeight for t < H−1 and terminalWeight at the last
 * step, d = L1 or L2 over the latent, or ('pose') the metric distance to the goal that the model's
 * goal-pose head reads off (z_{k,t}, goal); cost_k = energy_k + effort + smoothness, where both control terms
 * scale each action dimension by 1/noiseStd² so that speeds and turn rates weigh alike.
 */
import type { Person } from '../types.js';
import type { PlannerConfig } from './config.js';

/** Writes the latent-distance energy of every sample into `energies` from predicted latents [K*H*D]. */
export function latentEnergies(
  latents: Float32Array,
  goal: Float32Array,
  k: number,
  h: number,
  cfg: Readonly<PlannerConfig>,
  energies: Float32Array,
): void {
  const d = goal.length;
  const l1 = cfg.latentNorm === 'l1';
  for (let i = 0; i < k; i++) {
    let e = 0;
    for (let t = 0; t < h; t++) {
      const off = (i * h + t) * d;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const diff = (latents[off + j] as number) - (goal[j] as number);
        dist += l1 ? Math.abs(diff) : diff * diff;
      }
      if (!l1) dist = Math.sqrt(dist);
      e += (t === h - 1 ? cfg.terminalWeight : cfg.runningWeight) * dist;
    }
    energies[i] = e;
  }
}

/**
 * The 'pose' energy from goal poses [K*H*4] (x, y [m], cos, sin of the goal seen from each predicted
 * step): d = sqrt(x² + y² + s²·((1 − cos)² + sin²)), s = poseHeadingScaleM — the same distance the
 * analytic model's L2 latent measures, so a heading error weighs s metres per unit-vector difference
 * and turning toward a goal beside the robot costs less than the position error it fixes. Plus
 * b·(√(x² + y²) − x), b = poseBearingWeight: the goal off the robot's nose costs up to 2b per metre.
 */
export function goalPoseEnergies(
  goalPoses: Float32Array,
  k: number,
  h: number,
  cfg: Readonly<PlannerConfig>,
  energies: Float32Array,
): void {
  const s2 = cfg.poseHeadingScaleM * cfg.poseHeadingScaleM;
  const wb = cfg.poseBearingWeight;
  for (let i = 0; i < k; i++) {
    let e = 0;
    for (let t = 0; t < h; t++) {
      const off = (i * h + t) * 4;
      const x = goalPoses[off] as number;
      const y = goalPoses[off + 1] as number;
      const c = 1 - (goalPoses[off + 2] as number);
      const s = goalPoses[off + 3] as number;
      const bearing = wb > 0 ? wb * (Math.sqrt(x * x + y * y) - x) : 0;
      e +=
        (t === h - 1 ? cfg.terminalWeight : cfg.runningWeight) *
        (Math.sqrt(x * x + y * y + s2 * (c * c + s * s)) + bearing);
    }
    energies[i] = e;
  }
}

/**
 * Arm posture cost of sequence i of `actions` [K*H*A]: armPostureWeight · Σ_t w_t · Σ_j |q_j(t) − goal_j|
 * [rad], with q(t) = q0 + Σ joint velocities · stepSec (the projection has already clamped the
 * velocities at the position limits, so this is where the arm will be) and w_t the energy's running /
 * terminal weights. Measured why: with the 'pose' energy alone the arm swung to the end of its range
 * (crossing seed 7: joint 1 at −2.69 rad), where the goal-pose head read the goal ~0.7 m away, 2.6 m true.
 */
export function armPostureCost(
  actions: Float32Array,
  i: number,
  h: number,
  a: number,
  q0: ArrayLike<number>,
  goalQ: ArrayLike<number>,
  stepSec: number,
  cfg: Readonly<PlannerConfig>,
): number {
  if (cfg.armPostureWeight === 0) return 0;
  const n = goalQ.length;
  const base = i * h * a;
  let sum = 0;
  for (let j = 0; j < n; j++) {
    let q = q0[j] as number;
    const g = goalQ[j] as number;
    for (let t = 0; t < h; t++) {
      q += (actions[base + t * a + 2 + j] as number) * stepSec;
      sum += (t === h - 1 ? cfg.terminalWeight : cfg.runningWeight) * Math.abs(q - g);
    }
  }
  return cfg.armPostureWeight * sum;
}

/** Effort + smoothness of sequence i of `actions` [K*H*A]; `previous` is the action applied last cycle. */
export function controlCost(
  actions: Float32Array,
  i: number,
  h: number,
  a: number,
  previous: Float32Array,
  cfg: Readonly<PlannerConfig>,
): number {
  const base = i * h * a;
  let effort = 0;
  let smooth = 0;
  for (let t = 0; t < h; t++) {
    for (let j = 0; j < a; j++) {
      const inv = 1 / ((cfg.noiseStd[j] as number) * (cfg.noiseStd[j] as number));
      const u = actions[base + t * a + j] as number;
      const before = t === 0 ? (previous[j] as number) : (actions[base + (t - 1) * a + j] as number);
      effort += u * u * inv;
      smooth += (u - before) * (u - before) * inv;
    }
  }
  return (cfg.effortWeight * effort + cfg.smoothnessWeight * smooth) / h;
}

/**
 * Soft preference for room around people, on the analytic base path [x, y, yaw]·H: for each step,
 * separationWeight · max(0, separationCapM − gap) summed over people, averaged over the horizon, where
 * gap is the distance from the base centre to the person's surface [m]. The hard rule stays with the
 * constraint library; this only makes the planner pass people wide when it can.
 */
export function separationCost(
  posesXYYaw: Float64Array,
  h: number,
  people: readonly Person[],
  cfg: Readonly<PlannerConfig>,
): number {
  if (cfg.separationWeight === 0 || people.length === 0) return 0;
  let sum = 0;
  for (let t = 0; t < h; t++) {
    const x = posesXYYaw[3 * t] as number;
    const y = posesXYYaw[3 * t + 1] as number;
    for (const p of people) {
      const gap = Math.hypot(p.xInOdomM - x, p.yInOdomM - y) - p.radiusM;
      if (gap < cfg.separationCapM) sum += cfg.separationCapM - gap;
    }
  }
  return (cfg.separationWeight * sum) / h;
}
