/** Sampling around the current distribution, and the warm start (shift by one step). */
import type { Rng } from '../math/rng.js';
import type { PlannerBuffers } from './buffers.js';

/**
 * Fills `desired` with K sequences: sample 0 is the mean itself (the warm start survives), sample 1 is
 * all-zero (hold still — a feasible fallback whenever one exists), the rest mean + std·ε with ε an
 * AR(1) process over the steps of each action dimension: ε_t = ρ·ε_{t−1} + √(1−ρ²)·n_t, n ~ N(0, 1),
 * so every ε_t is N(0, 1) and ρ = `correlation` (0: white noise). A `brakingTail` fraction of the noisy
 * samples want zero from a random step s ∈ [1, H−1] on (the projection brakes them within the limits).
 */
export function sampleSequences(b: PlannerBuffers, rng: Rng, correlation = 0, brakingTail = 0): void {
  const { a, h } = b;
  const seq = h * a;
  const { desired, mean, std } = b;
  const fresh = Math.sqrt(1 - correlation * correlation);
  desired.set(mean, 0);
  if (b.k > 1) desired.fill(0, seq, 2 * seq);
  for (let i = 2; i < b.k; i++) {
    const off = i * seq;
    for (let j = 0; j < a; j++) {
      let eps = rng.normal();
      for (let t = 0; t < h; t++) {
        if (t > 0) eps = correlation * eps + fresh * rng.normal();
        const idx = t * a + j;
        desired[off + idx] = (mean[idx] as number) + (std[idx] as number) * eps;
      }
    }
    if (h > 1 && rng.next() < brakingTail) {
      const from = 1 + Math.floor(rng.next() * (h - 1));
      desired.fill(0, off + from * a, off + seq);
    }
  }
}

/** Warm start: `source` [H*A] shifted one step earlier, the last step repeated; std reset. */
export function shiftWarmStart(b: PlannerBuffers, noiseStd: readonly number[], source: Float32Array): void {
  const { a, h, mean } = b;
  for (let t = 0; t < h; t++) {
    const src = Math.min(t + 1, h - 1) * a;
    for (let j = 0; j < a; j++) mean[t * a + j] = source[src + j] as number;
  }
  resetStd(b, noiseStd);
}

export function resetStd(b: PlannerBuffers, noiseStd: readonly number[]): void {
  for (let t = 0; t < b.h; t++) {
    for (let j = 0; j < b.a; j++) b.std[t * b.a + j] = noiseStd[j] as number;
  }
}
