import { describe, expect, it } from 'vitest';
import { integrateBasePose, reachableVelocity } from '../../src/core/robot/index.js';

describe('differential-drive motion model', () => {
  const out = new Float64Array(3);

  it('drives straight along its heading when not turning', () => {
    integrateBasePose(1, 2, Math.PI / 2, 0.5, 0, 2, out);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(3, 12);
    expect(out[2]).toBeCloseTo(Math.PI / 2, 12);
  });

  it('follows a quarter circle of radius v/w', () => {
    // v = 1, w = π/2 for 1 s: radius 2/π, ends at (r, r) facing +y
    integrateBasePose(0, 0, 0, 1, Math.PI / 2, 1, out);
    expect(out[0]).toBeCloseTo(2 / Math.PI, 12);
    expect(out[1]).toBeCloseTo(2 / Math.PI, 12);
    expect(out[2]).toBeCloseTo(Math.PI / 2, 12);
  });

  it('turns in place when v is zero', () => {
    integrateBasePose(0.5, -0.5, 0, 0, -1, 0.5, out);
    expect([out[0], out[1], out[2]]).toEqual([0.5, -0.5, -0.5]);
  });

  it('speeds up at the acceleration limit and slows down at the (larger) deceleration limit', () => {
    const r = new Float64Array(2);
    reachableVelocity(0.5, 0.8, 1.5, 0.1, r);
    expect(r[0]).toBeCloseTo(0.35, 12); // 0.5 - 1.5·0.1
    expect(r[1]).toBeCloseTo(0.58, 12); // 0.5 + 0.8·0.1
    reachableVelocity(-0.2, 0.8, 1.5, 0.1, r);
    expect(r[0]).toBeCloseTo(-0.28, 12);
    expect(r[1]).toBeCloseTo(-0.05, 12);
  });
});
