/** What one planning cycle decided. The object and its arrays are reused: copy what you keep. */
export type PlanOutcome = 'ok' | 'infeasible' | 'fallback';

export interface PlanResult {
  status: PlanOutcome;
  /** empty when ok; otherwise a sentence a person can act on */
  reason: string;
  /** the action to propose, [A] (layout in core/types.ts) */
  firstAction: Float64Array;
  /** the chosen sequence, [H*A]; on infeasible/fallback the braking action then zeros */
  sequence: Float32Array;
  /** analytic base poses of `sequence`, [x, y, yaw] per step in the odometry frame, [H*3] */
  posesXYYaw: Float64Array;
  /** task energy of the chosen sequence (latent distance terms only); NaN when none was feasible */
  energy: number;
  /** smallest separation margin over the horizon of the chosen sequence [m] */
  minSeparationMarginM: number;
  /** samples drawn this cycle over all iterations, and how many of them passed the full check */
  samples: number;
  feasibleSamples: number;
  /** wall time of the cycle [ms], measured with the injected clock */
  cycleMs: number;
}

export function emptyPlanResult(a: number, h: number): PlanResult {
  return {
    status: 'fallback',
    reason: 'not planned yet',
    firstAction: new Float64Array(a),
    sequence: new Float32Array(h * a),
    posesXYYaw: new Float64Array(h * 3),
    energy: Number.NaN,
    minSeparationMarginM: Number.NaN,
    samples: 0,
    feasibleSamples: 0,
    cycleMs: 0,
  };
}
