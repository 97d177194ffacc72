import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RouteProgress } from '../../src/core/worldmodel/route-progress.js';

describe('route progress (visual subgoals)', () => {
  it('moves to the next image when the latent comes within the tolerance, and never past the goal', () => {
    const route = new RouteProgress(0.2);
    expect(route.activeIndex).toBe(-1);
    route.start(3);
    const goal = [1, 1, 1, 1];
    expect(route.update([0.5, 0.5, 0.5, 0.5], goal)).toBe(false); // mean |Δ| 0.5
    expect(route.activeIndex).toBe(0);
    expect(route.update([0.9, 0.9, 0.9, 0.9], goal)).toBe(true); // 0.1 < 0.2
    expect(route.activeIndex).toBe(1);
    expect(route.update([1, 1, 1, 1], goal)).toBe(true);
    expect(route.onFinalGoal).toBe(true);
    // on the goal itself nothing advances, however close
    expect(route.update([1, 1, 1, 1], goal)).toBe(false);
    expect(route.activeIndex).toBe(2);
  });

  it('treats non-finite latents as far, and refuses mismatched sizes and empty routes', () => {
    const route = new RouteProgress(0.5);
    route.start(2);
    expect(route.update([Number.NaN, 0], [0, 0])).toBe(false);
    expect(route.activeIndex).toBe(0);
    expect(() => route.update([0, 0, 0], [0, 0])).toThrow(/3 values, the subgoal 2/);
    expect(() => route.start(0)).toThrow(/at least one goal image/);
    expect(() => new RouteProgress(0)).toThrow(/positive/);
  });

  it('a one-image route is the goal: nothing to advance', () => {
    const route = new RouteProgress(1);
    route.start(1);
    expect(route.onFinalGoal).toBe(true);
    expect(route.update([0], [0])).toBe(false);
  });

  it('advances at most once per update and only when the mean absolute difference is under the tolerance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 16 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (delta, tol) => {
          const route = new RouteProgress(tol);
          route.start(4);
          const goal = delta.map(() => 0);
          const advanced = route.update(delta, goal);
          const meanAbs = delta.reduce((s, d) => s + Math.abs(d), 0) / delta.length;
          expect(advanced).toBe(meanAbs < tol);
          expect(route.activeIndex).toBe(advanced ? 1 : 0);
        },
      ),
    );
  });
});

describe('route progress on a measured distance (goal-pose head, metres)', () => {
  it('advances only below the tolerance, treats NaN as far, and never passes the goal', () => {
    const p = new RouteProgress(0.5);
    p.start(2);
    expect(p.advanceIf(0.7)).toBe(false);
    expect(p.advanceIf(Number.NaN)).toBe(false);
    expect(p.advanceIf(0.4)).toBe(true);
    expect(p.onFinalGoal).toBe(true);
    expect(p.advanceIf(0)).toBe(false);
    expect(p.activeIndex).toBe(1);
  });
});
