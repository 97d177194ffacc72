/**
 * Waypoints for `explore_drive`: far, reachable points the explorer drives to, the way an operator
 * collecting data drives a robot down a corridor and back. Random wandering alone seldom travels more
 * than 2 m in 40 s, so a world model trained on it never sees two frames far apart; the goal-pose head
 * then cannot read a subgoal 2.5 m away. A data-collection helper that reads the layout, not a planner.
 */
import type { Rng } from '../core/math/rng.js';
import type { Layout } from './layout.js';
import { blocked } from './explore-blocked.js';

/** clearance from walls and furniture along the straight line to a waypoint [m] */
const LINE_CLEARANCE_M = 0.35;
/** spacing of the points tested along that line [m] */
const LINE_STEP_M = 0.1;
const MAX_TRIES = 200;

/** Is the straight segment from (x0, y0) to (x1, y1) clear of walls and furniture? */
export function lineClear(layout: Layout, x0: number, y0: number, x1: number, y1: number): boolean {
  const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / LINE_STEP_M));
  for (let i = 0; i <= n; i++) {
    const f = i / n;
    if (blocked(layout, x0 + f * (x1 - x0), y0 + f * (y1 - y0), LINE_CLEARANCE_M)) return false;
  }
  return true;
}

/**
 * A random point of the layout at least `minDistM` from (xM, yM) that the robot reaches by driving
 * straight; the farthest clear candidate seen when none is that far (undefined when none is clear).
 */
export function pickWaypoint(
  layout: Layout,
  rng: Rng,
  xM: number,
  yM: number,
  minDistM: number,
): { xM: number; yM: number } | undefined {
  let best: { xM: number; yM: number } | undefined;
  let bestDistM = -1;
  for (let i = 0; i < MAX_TRIES; i++) {
    const x = layout.xMinM + rng.next() * (layout.xMaxM - layout.xMinM);
    const y = layout.yMinM + rng.next() * (layout.yMaxM - layout.yMinM);
    const d = Math.hypot(x - xM, y - yM);
    if (d <= bestDistM || !lineClear(layout, xM, yM, x, y)) continue;
    best = { xM: x, yM: y };
    bestDistM = d;
    if (d >= minDistM) break;
  }
  return best;
}

/** Heading error [rad, −π … π] from a base at (x, y, yaw) to a point. */
export function bearingErrorRad(xM: number, yM: number, yawRad: number, toXM: number, toYM: number): number {
  const e = Math.atan2(toYM - yM, toXM - xM) - yawRad;
  return Math.atan2(Math.sin(e), Math.cos(e));
}
