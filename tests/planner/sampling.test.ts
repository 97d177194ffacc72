import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/math/rng.js';
import { PlannerBuffers } from '../../src/core/planner/buffers.js';
import { sampleSequences } from '../../src/core/planner/sampling.js';

/** K sequences of H steps of one action dimension around mean 0 with std 2. */
function sample(correlation: number, k = 4000, h = 16): PlannerBuffers {
  const b = new PlannerBuffers(k, h, 1, 1, false);
  b.mean.fill(0);
  b.std.fill(2);
  sampleSequences(b, createRng(7), correlation);
  return b;
}

/** Std over samples 2..K at step t, and the correlation of steps t and t+1 over the same samples. */
function stats(b: PlannerBuffers, t: number): { std: number; lag1: number } {
  let s0 = 0;
  let s1 = 0;
  let s01 = 0;
  const n = b.k - 2;
  for (let i = 2; i < b.k; i++) {
    const x = b.desired[i * b.h + t] as number;
    const y = b.desired[i * b.h + t + 1] as number;
    s0 += x * x;
    s1 += y * y;
    s01 += x * y;
  }
  return { std: Math.sqrt(s0 / n), lag1: s01 / Math.sqrt(s0 * s1) };
}

describe('sampling noise', () => {
  it('keeps the warm start as sample 0 and "hold still" as sample 1', () => {
    const b = new PlannerBuffers(3, 4, 1, 1, false);
    b.mean.set([1, 2, 3, 4]);
    b.std.fill(1);
    sampleSequences(b, createRng(1), 0.9);
    expect(Array.from(b.desired.subarray(0, 8))).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
  });

  it.each([0, 0.5, 0.9])('has the configured std at every step and lag-1 correlation %s', (rho) => {
    const b = sample(rho);
    for (const t of [0, 7, 14]) {
      const { std, lag1 } = stats(b, t);
      expect(std).toBeGreaterThan(1.9);
      expect(std).toBeLessThan(2.1);
      expect(Math.abs(lag1 - rho)).toBeLessThan(0.05);
    }
  });
});

describe('braking tails', () => {
  /** The first step from which sample i wants zero to the end; H when its last step is not zero. */
  function tailStart(b: PlannerBuffers, i: number): number {
    let t = b.h;
    while (t > 0 && b.desired[i * b.h + t - 1] === 0) t--;
    return t;
  }

  it('makes about the configured fraction of noisy samples want zero from a step in [1, H−1] on', () => {
    const b = new PlannerBuffers(2002, 10, 1, 1, false);
    b.mean.fill(0.5);
    b.std.fill(1);
    sampleSequences(b, createRng(3), 0.8, 0.25);
    const starts = [];
    for (let i = 2; i < b.k; i++) starts.push(tailStart(b, i));
    const braking = starts.filter((s) => s < b.h);
    expect(braking.length / starts.length).toBeGreaterThan(0.22);
    expect(braking.length / starts.length).toBeLessThan(0.28);
    expect(Math.min(...braking)).toBe(1);
    expect(Math.max(...braking)).toBe(9);
  });

  it('leaves every noisy sample alive to its end with fraction 0, and the warm start always', () => {
    const b = new PlannerBuffers(500, 10, 1, 1, false);
    b.mean.fill(0.5);
    b.std.fill(1);
    sampleSequences(b, createRng(3), 0.8, 0);
    for (let i = 2; i < b.k; i++) expect(tailStart(b, i)).toBe(b.h);
    sampleSequences(b, createRng(3), 0.8, 1);
    expect(tailStart(b, 0)).toBe(b.h);
  });
});
