/**
 * Distribution updates over the feasible samples only (infeasible samples carry cost +Inf and never
 * contribute). Both return the index of the cheapest feasible sample, or −1 if there is none.
 */
import type { PlannerBuffers } from './buffers.js';
import type { PlannerConfig } from './config.js';

/** Index of the cheapest finite cost, −1 if none. */
function cheapest(costs: Float64Array, k: number): number {
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    const c = costs[i] as number;
    if (Number.isFinite(c) && c < bestCost) {
      bestCost = c;
      best = i;
    }
  }
  return best;
}

function largestFinite(costs: Float64Array, k: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    const c = costs[i] as number;
    if (Number.isFinite(c) && c > max) max = c;
  }
  return max;
}

/**
 * MPPI: w_k = exp(−(c_k − c_min) / (λ · (c_max − c_min))) over feasible samples; the temperature λ is
 * relative to the cost spread so one value works for any latent scale. mean = Σ w_k u_k / Σ w_k.
 */
export function mppiUpdate(b: PlannerBuffers, cfg: Readonly<PlannerConfig>): number {
  const { k, costs, weights, actions, mean } = b;
  const best = cheapest(costs, k);
  if (best < 0) return -1;
  const cMin = costs[best] as number;
  const scale = cfg.temperature * Math.max(largestFinite(costs, k) - cMin, 1e-9);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const c = costs[i] as number;
    const w = Number.isFinite(c) ? Math.exp(-(c - cMin) / scale) : 0;
    weights[i] = w;
    sum += w;
  }
  const seq = b.h * b.a;
  mean.fill(0);
  for (let i = 0; i < k; i++) {
    const w = (weights[i] as number) / sum;
    if (w < 1e-12) continue;
    const off = i * seq;
    for (let j = 0; j < seq; j++) mean[j] = (mean[j] as number) + w * (actions[off + j] as number);
  }
  return best;
}

/** CEM: refit mean and std on the cheapest ⌈eliteFraction · feasible⌉ samples (at least one). */
export function cemUpdate(b: PlannerBuffers, cfg: Readonly<PlannerConfig>): number {
  const { k, costs, order, actions, mean, std } = b;
  let nFeasible = 0;
  for (let i = 0; i < k; i++) if (Number.isFinite(costs[i] as number)) order[nFeasible++] = i;
  if (nFeasible === 0) return -1;
  const nElite = Math.max(1, Math.ceil(cfg.eliteFraction * nFeasible));
  selectSmallest(order, nFeasible, nElite, costs);
  const seq = b.h * b.a;
  for (let j = 0; j < seq; j++) {
    let m = 0;
    for (let e = 0; e < nElite; e++) m += actions[(order[e] as number) * seq + j] as number;
    m /= nElite;
    let v = 0;
    for (let e = 0; e < nElite; e++) {
      const d = (actions[(order[e] as number) * seq + j] as number) - m;
      v += d * d;
    }
    const floor = cfg.minStdFraction * (cfg.noiseStd[j % b.a] as number);
    mean[j] = m;
    std[j] = Math.max(Math.sqrt(v / nElite), floor);
  }
  return order[0] as number;
}

/** Partial selection sort: moves the n cheapest of order[0..count) to the front, cheapest first. */
function selectSmallest(order: Uint32Array, count: number, n: number, costs: Float64Array): void {
  for (let e = 0; e < n; e++) {
    let m = e;
    for (let i = e + 1; i < count; i++) {
      if ((costs[order[i] as number] as number) < (costs[order[m] as number] as number)) m = i;
    }
    const tmp = order[e] as number;
    order[e] = order[m] as number;
    order[m] = tmp;
  }
}
