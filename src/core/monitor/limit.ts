/**
 * Limiting: the largest scale s in (0, 1] such that s·proposal passes the stopping check, by bisection.
 * Only scales that were actually checked are returned, so a non-monotone constraint can cost speed
 * but never safety.
 */
import type { WorldSnapshot } from '../types.js';
import type { MonitorConstraints } from './constraints-seam.js';

/**
 * Returns the largest checked feasible scale (0 when none was found); the scaled command is left in `out`
 * when the result is > 0.
 */
export function largestSafeScale(
  constraints: MonitorConstraints,
  world: WorldSnapshot,
  proposal: Float64Array,
  steps: number,
  out: Float64Array,
): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < steps; i++) {
    const mid = 0.5 * (lo + hi);
    scaleInto(proposal, mid, out);
    if (constraints.checkStopping(world, out).feasible) lo = mid;
    else hi = mid;
  }
  if (lo > 0) scaleInto(proposal, lo, out);
  return lo;
}

export function scaleInto(src: Float64Array, scale: number, out: Float64Array): void {
  for (let i = 0; i < src.length; i++) out[i] = (src[i] as number) * scale;
}
