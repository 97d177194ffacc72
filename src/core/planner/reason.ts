/**
 * Human-readable reasons for a plan that cannot move, e.g.
 * "person 1 is 0.8 m from the path to the goal; waiting". Built only when the planner is stuck, so it
 * may allocate.
 */
import type { Person } from '../types.js';
import type { PlannerBuffers } from './buffers.js';
import type { PlannerEvaluation, PlannerViolation } from './constraints-port.js';

/** The violation with the smallest (most negative) margin, or undefined. */
export function worstViolation(ev: PlannerEvaluation): PlannerViolation | undefined {
  let worst: PlannerViolation | undefined;
  for (const v of ev.violations) if (worst === undefined || v.marginM < worst.marginM) worst = v;
  return worst;
}

/** Nearest person to a path of base poses [x, y, yaw]*n, and the gap between body surface and path [m]. */
export function nearestPersonToPath(
  people: readonly Person[],
  posesXYYaw: Float64Array,
  startXY: readonly [number, number],
): { person: Person; gapM: number } | undefined {
  let best: { person: Person; gapM: number } | undefined;
  for (const p of people) {
    let d = Math.hypot(p.xInOdomM - startXY[0], p.yInOdomM - startXY[1]);
    for (let i = 0; i + 2 < posesXYYaw.length; i += 3) {
      d = Math.min(
        d,
        Math.hypot(p.xInOdomM - (posesXYYaw[i] as number), p.yInOdomM - (posesXYYaw[i + 1] as number)),
      );
    }
    const gapM = Math.max(0, d - p.radiusM);
    if (best === undefined || gapM < best.gapM) best = { person: p, gapM };
  }
  return best;
}

function isSeparation(v: PlannerViolation): boolean {
  return /separation|person|human/i.test(v.constraintId);
}

/** Constraints of the world around the robot (people, zones, workspaces), not of the robot's own limits. */
function isWorldConstraint(v: PlannerViolation): boolean {
  return isSeparation(v) || /zone|keep_out|workspace/i.test(v.constraintId);
}

/**
 * Why no candidate was feasible, from the full check of the sequence the planner would have liked to
 * follow (the cheapest one by task energy, feasible or not) and its predicted path.
 */
export function infeasibleReason(
  ev: PlannerEvaluation,
  people: readonly Person[],
  posesXYYaw: Float64Array,
  startXY: readonly [number, number],
): string {
  const worst = worstViolation(ev);
  if (ev.violations.some(isSeparation)) {
    const near = nearestPersonToPath(people, posesXYYaw, startXY);
    if (near)
      return `person ${near.person.id} is ${near.gapM.toFixed(1)} m from the path to the goal; waiting`;
  }
  if (worst !== undefined) {
    const what = worst.detail.length > 0 ? worst.detail : `${worst.constraintId} on ${worst.bodyPart}`;
    return `no safe action: ${what} (constraint '${worst.constraintId}', step ${worst.step}); waiting`;
  }
  return 'no sampled action sequence satisfies every hard constraint; waiting';
}

/**
 * Of the blocked candidates b.order[0..n) (raw samples that would make progress), checks the cheapest
 * few in full and returns the first one a person or a zone blocks ("too fast" on a raw sample says
 * nothing about why the robot waits), or undefined when none is (then the robot is not blocked by the
 * world, only slow).
 */
export function pickExplanation(
  b: PlannerBuffers,
  n: number,
  evaluate: (seq: Float32Array) => PlannerEvaluation,
  maxChecks = 8,
): { seq: Float32Array; ev: PlannerEvaluation } | undefined {
  let zone: { seq: Float32Array; ev: PlannerEvaluation } | undefined;
  for (let c = 0; c < Math.min(n, maxChecks); c++) {
    // selection step: bring the next-cheapest blocked candidate to position c
    let m = c;
    for (let i = c + 1; i < n; i++) {
      if ((b.energies[b.order[i] as number] as number) < (b.energies[b.order[m] as number] as number)) m = i;
    }
    const idx = b.order[m] as number;
    b.order[m] = b.order[c] as number;
    b.order[c] = idx;
    const seq = b.actionViews[idx] as Float32Array;
    const ev = evaluate(seq);
    if (ev.violations.some(isSeparation)) return { seq, ev };
    if (zone === undefined && ev.violations.some(isWorldConstraint)) zone = { seq, ev };
  }
  return zone;
}
