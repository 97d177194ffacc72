import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/math/rng.js';
import { blocked } from '../../src/sim/explore-blocked.js';
import { bearingErrorRad, lineClear, pickWaypoint } from '../../src/sim/explore-waypoints.js';
import { CORRIDOR, corridorLayout } from '../../src/sim/layout.js';
import { runScenario } from '../../src/sim/runner.js';

describe('explore_drive waypoints', () => {
  const layout = corridorLayout();

  it('sees the corridor as clear along its axis and the wall between corridor and passage as not', () => {
    expect(lineClear(layout, -5, 0, 5, 0)).toBe(true);
    // from the corridor into the north passage, beside the doorway: through the wall
    const doorX = CORRIDOR.doorwayXM[0] as number;
    expect(lineClear(layout, doorX + 1.5, 0, doorX + 1.5, 3)).toBe(false);
    // straight through the doorway's middle into the passage
    expect(lineClear(layout, doorX, 0, doorX, 3)).toBe(true);
  });

  it('picks far waypoints reachable in a straight line, from anywhere in the corridor', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const x = -5 + 10 * rng.next();
      const y = -0.8 + 1.6 * rng.next();
      const wp = pickWaypoint(layout, rng, x, y, 4);
      if (!wp) throw new Error(`no waypoint from (${x}, ${y})`);
      expect(Math.hypot(wp.xM - x, wp.yM - y)).toBeGreaterThanOrEqual(4);
      expect(blocked(layout, wp.xM, wp.yM, 0.35)).toBe(false);
      expect(lineClear(layout, x, y, wp.xM, wp.yM)).toBe(true);
    }
  });

  it('gives the farthest clear point when none is far enough, and none from inside a wall', () => {
    const rng = createRng(4);
    const wp = pickWaypoint(layout, rng, 0, 0, 100);
    expect(wp).toBeDefined();
    expect(pickWaypoint(layout, rng, 0, CORRIDOR.halfWidthM + 0.05, 1)).toBeUndefined();
  });

  it('measures bearing errors with wrap-around', () => {
    expect(bearingErrorRad(0, 0, 0, 1, 1)).toBeCloseTo(Math.PI / 4, 12);
    expect(bearingErrorRad(0, 0, Math.PI - 0.1, -1, -0.01)).toBeCloseTo(0.1 + Math.atan2(0.01, 1), 9);
    expect(bearingErrorRad(0, 0, -3, 1, 0)).toBeCloseTo(3, 12);
  });

  it('travels much farther down the corridor than plain exploring in the same 40 s', async () => {
    const extent = async (planner: string): Promise<number> => {
      const r = await runScenario({
        scenario: 'explore_corridor',
        seed: 7,
        planner,
        monitor: 'none',
        durationS: 40,
      });
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of r.trace.x) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      return hi - lo;
    };
    const wander = await extent('explore');
    const drive = await extent('explore_drive');
    expect(drive).toBeGreaterThan(4);
    expect(drive).toBeGreaterThan(2 * wander);
  }, 60_000);
});
