import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../../src/sim/sim-trace.js';
import { TraceRecorder } from '../../src/sim/sim-trace.js';

/** Sample k (1-based): t = k, goal distance 10 − k, person distance 5 + (k − 3)², S_p = 0.1·k. */
function sample(
  k: number,
  flags: { veto?: boolean; speed?: number; approaching?: boolean } = {},
): TraceSample {
  return {
    t: k,
    x: k,
    y: 0,
    yaw: 0,
    vMps: 0.1,
    wRadps: 0,
    robotSpeedMps: flags.speed ?? 0.2,
    goalDistM: 10 - k,
    minPersonDistM: 5 + (k - 3) ** 2,
    separationM: 0.1 * k,
    approachingInsideSp: flags.approaching ?? false,
    people: [k, 0],
    infeasible: false,
    veto: flags.veto ?? false,
    plannerCycleMs: Number.NaN,
  };
}

describe('bounded report trace', () => {
  it('keeps one sample per control period until it is full', () => {
    const rec = new TraceRecorder(0.1, 4);
    for (let k = 1; k <= 3; k++) rec.add(sample(k));
    expect(rec.trace.t).toEqual([1, 2, 3]);
    expect(rec.trace.stride).toBe(1);
  });

  it('halves when full and keeps the later state, the closest person, the fastest speed and any flag', () => {
    const rec = new TraceRecorder(0.1, 4);
    for (let k = 1; k <= 9; k++)
      rec.add(sample(k, { veto: k === 3, speed: k === 6 ? 1.5 : 0.2, approaching: k === 7 }));
    const tr = rec.trace;
    // full at 4 → [2, 4] stride 2; 5+6 → 6, 7+8 → 8: full again → [4, 8] stride 4; 9 is pending
    expect(tr.stride).toBe(4);
    expect(tr.t).toEqual([4, 8]);
    expect(tr.goalDistM).toEqual([6, 2]);
    expect(tr.people).toEqual([
      [4, 0],
      [8, 0],
    ]);
    // person distance 5 + (k − 3)²: smallest at k = 3 (5) in 1..4 and at k = 5 (9) in 5..8, with their S_p
    expect(tr.minPersonDistM).toEqual([5, 9]);
    expect(tr.separationM[0]).toBeCloseTo(0.3, 12);
    expect(tr.separationM[1]).toBeCloseTo(0.5, 12);
    expect(tr.robotSpeedMps).toEqual([0.2, 1.5]);
    expect(tr.veto).toEqual([true, false]);
    expect(tr.approachingInsideSp).toEqual([false, true]);
    expect(tr.x).toHaveLength(2);
    expect(tr.infeasible).toHaveLength(2);
  });

  it('never holds more than its bound however long the run', () => {
    const rec = new TraceRecorder(0.1, 100);
    for (let k = 1; k <= 100_000; k++) rec.add(sample(k));
    expect(rec.trace.t.length).toBeLessThanOrEqual(100);
    // 100 000 periods at stride 1024 fill 97 samples; the last kept one ends period 97 × 1024
    expect(rec.trace.stride).toBe(1024);
    expect(rec.trace.t.at(-1)).toBe(97 * 1024);
  });

  it('refuses a bound it cannot halve', () => {
    expect(() => new TraceRecorder(0.1, 7)).toThrow(/maxSamples must be an even integer >= 2, got 7/);
  });
});
