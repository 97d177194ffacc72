import { describe, expect, it } from 'vitest';
import {
  createConstraintSet,
  humanSpeedMps,
  maxPartSpeedMps,
  protectiveSeparationM,
  separationMarginM,
} from '../../src/core/constraints/index.js';
import { config, person, sphereBot, world } from './fixtures.js';

// T_r 0.1 s, T_s 0.3 s (so the base must brake at 3 m/s² and 5 rad/s² to stop within it), C 0.2 m,
// Z_d 0.1 m, Z_r 0.02 m
const cfg = config({ separation: { stoppingTimeSec: 0.3 }, base: { decelMps2: 3, angDecelRadps2: 5 } });
const sep = cfg.separation;

describe('ISO/TS 15066 separation formula', () => {
  it('adds v_h(T_r+T_s) + v_r T_r + v_r T_s/2 + C + Z_d + Z_r', () => {
    // 1.6·0.4 + 0.5·0.1 + 0.5·0.15 + 0.2 + 0.1 + 0.02 = 0.64 + 0.05 + 0.075 + 0.32
    expect(protectiveSeparationM(sep, 1.6, 0.5)).toBeCloseTo(1.085, 12);
    expect(protectiveSeparationM(sep, 2.0, 0)).toBeCloseTo(0.8 + 0.32, 12);
  });

  it('assumes 2.0 m/s within 0.5 m and 1.6 m/s beyond (ISO 13855)', () => {
    expect(humanSpeedMps(sep, 0.49)).toBe(2.0);
    expect(humanSpeedMps(sep, 0.5)).toBe(1.6);
  });

  it('shrinks the gap by the disc growth v_h·t over the horizon', () => {
    // 2.45 - 1.6·0.1 - 1.085
    expect(separationMarginM(sep, 2.45, 0.1, 0.5)).toBeCloseTo(1.205, 12);
    // near: 0.4 - 2.0·0 - (2.0·0.4 + 0.32)
    expect(separationMarginM(sep, 0.4, 0, 0)).toBeCloseTo(-0.72, 12);
  });

  it('grows the disc for at most worstCaseHorizonSec (by default one period + T_s = 0.7 s), then no further', () => {
    expect(sep.worstCaseHorizonSec).toBeCloseTo(0.7, 12);
    const capped = { ...sep, worstCaseHorizonSec: 1.2 };
    // 5 - 1.6·1.2 - 1.085, the same at t = 1.2 s, 2 s and 10 s
    for (const t of [1.2, 2, 10]) expect(separationMarginM(capped, 5, t, 0.5)).toBeCloseTo(1.995, 12);
    expect(separationMarginM(capped, 5, 1.1, 0.5)).toBeCloseTo(5 - 1.6 * 1.1 - 1.085, 12);
    // the default: the disc grows up to 0.7 s
    expect(separationMarginM(sep, 5, 2, 0.5)).toBeCloseTo(5 - 1.6 * 0.7 - 1.085, 12);
    expect(separationMarginM(sep, 5, 0.5, 0.5)).toBeCloseTo(5 - 1.6 * 0.5 - 1.085, 12);
    // the period's cap sees the disc at min(t + dt, 1.2 s): room = 3 - 1.6·1.2 - 0.96 = 0.12
    expect(maxPartSpeedMps(capped, 3, 1.9, 0.1, 1.6)).toBeCloseTo(0.12 / 0.35, 12);
  });

  it('refuses a worst-case horizon shorter than one period plus the stopping time', () => {
    expect(() => config({ separation: { stoppingTimeSec: 0.6, worstCaseHorizonSec: 0.65 } })).toThrow(
      /separation.worstCaseHorizonSec': must be ≥ controlPeriodSec \+ separation.stoppingTimeSec \(0.700 s/,
    );
  });

  it('with a 1.2 s cap, lets a 2 s plan pass a person standing 3.5 m beside the path, as a 1.2 s plan could', () => {
    // sphereBot drives 0.4 m/s along x for 2 s past a person 3.5 m to its left: gap 3.05 m ≥ 1.6·1.2 + S_p(0.4) = 2.98 m, < 1.6·2 + 1.06
    const h = 20;
    const drive = new Float32Array(2 * h);
    for (let t = 0; t < h; t++) drive[2 * t] = 0.4;
    const w = world({ v: 0.4, people: [person(1, 0.4, 3.5, 0.25)] }, 0);
    const capped = createConstraintSet(
      sphereBot,
      config({
        separation: { stoppingTimeSec: 0.3, worstCaseHorizonSec: 1.2 },
        base: { decelMps2: 3, angDecelRadps2: 5 },
      }),
    );
    // a 2 s cap lets the disc grow over this whole 2 s plan
    const uncapped = createConstraintSet(
      sphereBot,
      config({
        separation: { stoppingTimeSec: 0.3, worstCaseHorizonSec: 2 },
        base: { decelMps2: 3, angDecelRadps2: 5 },
      }),
    );
    expect(capped.evaluate(w, drive, h).feasible).toBe(true);
    const old = uncapped.evaluate(w, drive, h);
    expect(old.feasible).toBe(false);
    expect(old.violations[0]?.constraintId).toBe('separation');
    // the first 1.2 s are judged alike
    expect(uncapped.evaluate(w, drive, 12).feasible).toBe(true);
  });

  it('caps a part speed so the margin after one period stays non-negative', () => {
    // room = 2 - 1.6·0.1 - (0.64 + 0.32) = 0.88 over (dt + T_r + T_s/2) = 0.35 s
    expect(maxPartSpeedMps(sep, 2, 0, 0.1, 1.6)).toBeCloseTo(0.88 / 0.35, 12);
    expect(maxPartSpeedMps(sep, 1.0, 0, 0.1, 1.6)).toBe(0);
  });
});

describe('separation in the constraint set (one-sphere base, r = 0.2 m)', () => {
  const set = createConstraintSet(sphereBot, cfg);
  const forward = (v: number, h = 1): Float32Array =>
    new Float32Array(Array.from({ length: h }, () => [v, 0]).flat());

  it('reports the margin of a person 3 m ahead while driving at 0.5 m/s', () => {
    // after 0.1 s the base is at x = 0.05: gap = 3 - 0.05 - 0.3 - 0.2 = 2.45
    const e = set.evaluate(world({ v: 0.5, people: [person(1, 3, 0)] }, 0), forward(0.5), 1);
    expect(e.feasible).toBe(true);
    expect(e.minSeparationMarginM).toBeCloseTo(1.205, 6);
  });

  it('flags a person inside the protective distance, naming the part and the margin', () => {
    // gap = 1.5 - 0.05 - 0.5 = 0.95; margin = 0.95 - 0.16 - 1.085
    const e = set.evaluate(world({ v: 0.5, people: [person(7, 1.5, 0)] }, 0), forward(0.5), 1);
    expect(e.feasible).toBe(false);
    expect(e.violations).toHaveLength(1);
    expect(e.violations[0]).toMatchObject({ constraintId: 'separation', step: 0, bodyPart: 'base_link' });
    expect(e.violations[0]?.marginM).toBeCloseTo(-0.295, 6);
    expect(e.violations[0]?.detail).toMatch(/person 7/);
  });

  it('lets a robot at rest be approached (SSM asks a robot to stop; it may not be made to flee)', () => {
    const e = set.evaluate(world({ people: [person(1, 0.8, 0)] }, 0), forward(0, 3), 3);
    expect(e.feasible).toBe(true);
    expect(e.minSeparationMarginM).toBeLessThan(0);
  });

  it('projects the speed down to the cap implied by the gap, with a 2 % reserve', () => {
    // gap 1.8 - 0.5 = 1.3: room = 1.3 - 0.16 - 0.96 = 0.18 → cap 0.98 · 0.18 / 0.35
    const out = new Float64Array(2);
    set.projectAction(world({ v: 0.5, people: [person(1, 1.8, 0)] }, 0), [0.5, 0], [0.8, 0], out);
    expect(out[0]).toBeCloseTo((0.98 * 0.18) / 0.35, 9);
  });

  it('lets a part inside S_p back straight off, and nothing else', () => {
    // person 1.0 m ahead (gap 0.5 m, far inside S_p); 0.08 m/s is what 0.8 m/s² reaches from rest
    const w = world({ people: [person(3, 1.0, 0)] }, 0);
    expect(set.evaluate(w, forward(-0.08), 1).violations).toEqual([]);
    const ahead = set.evaluate(w, forward(0.08), 1);
    expect(ahead.violations.map((v) => v.constraintId)).toEqual(['separation']);
  });

  it('refuses backing off past a person beside the base (moving nearly tangent to them)', () => {
    const w = world({ people: [person(4, 0.1, 0.8)] }, 0);
    expect(set.evaluate(w, forward(-0.08), 1).feasible).toBe(false);
    expect(set.evaluate(w, forward(0.08), 1).feasible).toBe(false);
  });

  it('projects to a straight retreat inside S_p: reverse kept, forward and turning removed', () => {
    const free = new Float64Array(2);
    set.projectAction(world({}, 0), [0, 0], [-0.5, 0], free);
    const w = world({ people: [person(1, 1.0, 0)] }, 0);
    const out = new Float64Array(2);
    set.projectAction(w, [0, 0], [-0.5, 0.8], out);
    expect(out[0]).toBeLessThan(0);
    expect(out[0]).toBe(free[0]); // only the acceleration limit holds it back
    expect(out[1]).toBe(0);
    set.projectAction(w, [0, 0], [0.5, 0.8], out);
    expect([...out]).toEqual([0, 0]);
    // the person behind: forward is the way out
    set.projectAction(world({ people: [person(1, -1.0, 0)] }, 0), [0, 0], [0.5, 0], out);
    expect(out[0]).toBe(-(free[0] as number));
  });

  it('keeps a retreat from one person within the cap of another one farther off', () => {
    // too close to the person ahead; the one behind at gap 1.7 − 0.5 = 1.2 m caps the reverse speed
    const w = world({ v: -0.2, people: [person(1, 1.0, 0), person(2, -1.7, 0)] }, 0);
    const out = new Float64Array(2);
    set.projectAction(w, [-0.2, 0], [-0.8, 0], out);
    const room = 1.2 - 1.6 * 0.1 - protectiveSeparationM(sep, 1.6, 0);
    expect(-(out[0] as number)).toBeCloseTo((0.98 * room) / (0.1 + 0.1 + 0.15), 9);
  });

  it('brakes as hard as the deceleration limit allows when the person is already too close', () => {
    const out = new Float64Array(2);
    set.projectAction(world({ v: 0.5, people: [person(1, 1.6, 0)] }, 0), [0.5, 0], [0.8, 0], out);
    expect(out[0]).toBeCloseTo(0.5 - 3 * 0.1, 12);
  });
});
