/**
 * Limiting: the largest s in (0, 1] such that the command brake + s·(proposal − brake) passes the
 * stopping check, by bisection. For a robot at rest the braking command is zero and this is plain
 * scaling of the proposal; for a moving robot, blending from the braking command (rather than from
 * zero) keeps every candidate within the acceleration limits whenever the proposal is, so the feasible
 * set is an interval starting near s = 0 and bisection finds its end. Only scales that were actually
 * checked are returned, so a non-monotone constraint can cost speed but never safety.
 */
import type { WorldSnapshot } from '../types.js';
import type { MonitorConstraints } from './constraints-seam.js';

/**
 * Returns the largest checked feasible s (0 when none was found); the blended command is left in `out`
 * when the result is > 0.
 */
export function largestSafeScale(
  constraints: MonitorConstraints,
  world: WorldSnapshot,
  brake: Float64Array,
  proposal: Float64Array,
  steps: number,
  out: Float64Array,
): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < steps; i++) {
    const mid = 0.5 * (lo + hi);
    blendInto(brake, proposal, mid, out);
    if (constraints.stoppable(world, out)) lo = mid;
    else hi = mid;
  }
  if (lo > 0) blendInto(brake, proposal, lo, out);
  return lo;
}

/** out = from + s·(to − from) */
export function blendInto(from: Float64Array, to: Float64Array, s: number, out: Float64Array): void {
  for (let i = 0; i < to.length; i++)
    out[i] = (from[i] as number) + s * ((to[i] as number) - (from[i] as number));
}
